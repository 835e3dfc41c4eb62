<CsoundSynthesizer>
; delays: comb, combinv, alpass, valpass, vcomb, nestedap
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  aimp mpulse 0.8, 0.3
  a1 comb aimp, 1.5, 0.05
  a2 combinv aimp, 1, 0.031
  a3 alpass aimp, 1, 0.017
  kl line 0.01, p3, 0.03
  a4 vcomb aimp, 1, kl, 0.1
  a5 valpass aimp, 1, kl, 0.1
  a6 nestedap aimp, 3, 1, 0.037, 0.3, 0.023, 0.3, 0.011, 0.3
  out (a1 + a2 + a3 + a4 + a5 + a6) * 0.3
endin
</CsInstruments>
<CsScore>
i1 0 2
e
</CsScore>
</CsoundSynthesizer>
