<CsoundSynthesizer>
; plugin opcode (libbformdec2 natively): a source moving round, encoded with bformenc1, decoded by bformdec2
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  asrc vco2 0.3, 220
  kaz line 0, p3, 360
  aW, aX, aY, aZ bformenc1 asrc, kaz, 0
  aB[] init 4
  aB[0] = aW
  aB[1] = aX
  aB[2] = aY
  aB[3] = aZ
  aOut[] init 2
  aOut bformdec2 p4, aB, p5
  outs aOut[0], aOut[1]
endin
</CsInstruments>
<CsScore>
; setup 1 (stereo), decoder 0 (dual band), then decoder 1 (rV, low frequencies)
i1 0 1 1 0
i1 1 1 1 1
e
</CsScore>
</CsoundSynthesizer>
