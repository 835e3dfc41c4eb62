<CsoundSynthesizer>
; noise with the global seed fixed by `seed 42`: random, rnd, birnd, noise, gauss, linrand, exprand, unirand, jitter
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

seed 42
instr 1
  i1 = rnd(1)
  i2 = birnd(1)
  k1 random 100, 1000
  a1 noise 0.2, 0.5
  a2 gauss 0.1
  a3 linrand 0.2
  a4 exprand 0.1
  a5 unirand 0.2
  kj jitter 50, 2, 10
  ao oscili 0.2, k1 * 0.2 + 200 + kj + i1 * 50 + i2 * 50
  outs a1 + a2 + ao, a3 + a4 + a5
endin
</CsInstruments>
<CsScore>
i1 0 1.5
i1 1 0.5
e
</CsScore>
</CsoundSynthesizer>
