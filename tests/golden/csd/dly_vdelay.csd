<CsoundSynthesizer>
; delays: vdelay, vdelay3, vdelayx, multitap, flanger
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
  klfo oscili 5, 0.5
  adt = a(klfo) + 10
  a1 vdelay asrc, adt, 50
  a2 vdelay3 asrc, adt * 1.5, 50
  a3 vdelayx asrc, adt / 1000, 0.05, 8
  a4 multitap asrc, 0.1, 0.5, 0.2, 0.3, 0.35, 0.2
  a5 flanger asrc, adt / 2000 + 0.001, 0.6
  outs a1 + a2 + a3, a4 + a5 * 0.5
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
