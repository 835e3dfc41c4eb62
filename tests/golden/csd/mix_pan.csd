<CsoundSynthesizer>
; mixing: pan2 (all modes), balance, gain, clear/global audio, outs with two instruments summing into a bus
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

gaL init 0
gaR init 0
instr 1
  asig vco2 0.3, p4
  kpan line 0, p3, 1
  aL, aR pan2 asig, kpan, p5
  gaL += aL
  gaR += aR
endin
instr 99
  aref oscili 0.5, 300
  aL balance gaL, aref
  aR gain gaR, 0.2
  outs aL, aR
  clear gaL, gaR
endin
</CsInstruments>
<CsScore>
i1 0 1.5 220 0
i1 0.3 1 330 1
i1 0.6 0.8 440 2
i1 0.9 0.6 550 3
i99 0 1.5
e
</CsScore>
</CsoundSynthesizer>
