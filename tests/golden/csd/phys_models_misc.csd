<CsoundSynthesizer>
; physical models: mode (modal resonators) and barmodel
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  aimp mpulse 0.4, 0.35
  a1 mode aimp, 440, 100
  a2 mode aimp, 1210, 200
  a3 barmodel 1, 1, p4, 0.001, 0.23, 2, 0.5, 0.002, 0.05
  out (a1 + a2) * 0.1 + a3 * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5 -0.3
e
</CsScore>
</CsoundSynthesizer>
