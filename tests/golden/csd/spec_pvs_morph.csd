<CsoundSynthesizer>
; spectral: pvsmorph, pvscross, pvsvoc, pvsmaska, pvsfreeze, pvstencil, pvsosc, pvsinit
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

gimask ftgen 1, 0, 513, 7, 1, 256, 0, 257, 1
instr 1
  asaw vco2 0.3, 110
  asq vco2 0.3, 165, 10
  f1 pvsanal asaw, 1024, 256, 1024, 1
  f2 pvsanal asq, 1024, 256, 1024, 1
  kint line 0, p3, 1
  fm pvsmorph f1, f2, kint, kint
  a1 pvsynth fm
  fc pvscross f1, f2, 0.5, 0.5
  a2 pvsynth fc
  fv pvsvoc f1, f2, 1, 1
  a3 pvsynth fv
  fk pvsmaska f1, 1, 0.8
  a4 pvsynth fk
  kfr = (timeinsts() > p3 / 2 ? 1 : 0)
  fz pvsfreeze f1, kfr, kfr
  a5 pvsynth fz
  fo pvsosc 0.3, 200, 1, 1024, 256, 1024, 1
  a6 pvsynth fo
  outs a1 + a2 + a3, a4 + a5 + a6
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
