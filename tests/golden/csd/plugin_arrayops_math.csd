<CsoundSynthesizer>
; plugin opcodes (libarrayops natively): cbrt, hypot, fmod, fmax, fmin, limit1, sortd, product on k-arrays
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kt line 0, p3, 1
  ; sized at init: a k-rate fillarray only fills at performance time
  kA[] init 4
  kB[] init 4
  kA fillarray 1 + kt, 8 * kt + 1, 27, 2.5
  kB fillarray 3, 4, 5 * kt + 1, 0.5
  kc[] cbrt kA
  kh[] hypot kA, kB
  km[] fmod kA, kB
  kx[] fmax kA, kB
  kn[] fmin kA, kB
  kl[] limit1 km
  ks[] sortd kh
  kp product kc
  a1 oscili 0.1, 100 * kc[1] + 50 * kl[0]
  a2 oscili 0.1, 50 * ks[0] + kx[3] * 10 + kn[2] * 20
  a3 oscili 0.05, 40 * kp
  out a1 + a2 + a3
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
