<CsoundSynthesizer>
; GEN routines: GEN13/14 Chebyshev, GEN17 step, GEN25 exponential breakpoints, GEN30, GEN33, GEN51 (and cpstuni with a GEN02 tuning table), GEN52
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gi13 ftgen 1, 0, 1025, 13, 1, 1, 0, 1, 0, 0.5, 0, 0.3
gi14 ftgen 2, 0, 1025, 14, 1, 1, 0, 1, 0.2
gi17 ftgen 3, 0, 128, -17, 0, 1, 32, 2, 64, 3, 96, 4
gi25 ftgen 4, 0, 1024, -25, 0, 0.01, 200, 1, 1023, 0.001
gisaw ftgen 5, 0, 4096, 7, 1, 4096, -1
gi30 ftgen 6, 0, 4096, 30, 5, 1, 20
gis ftgen 8, 0, 16, -2, 1, 0.5, 1, 2, 0.3, 2, 3, 0.2, 3
gi33 ftgen 7, 0, 4096, 33, 8, 4, 1
gi51 ftgen 9, 0, 128, -51, 12, 2, 261.63, 60, 1, 1.0595, 1.1225, 1.1892, 1.2599, 1.3348, 1.4142, 1.4983, 1.5874, 1.6818, 1.7818, 1.8877
gitun ftgen 12, 0, 32, -2, 12, 2, 261.63, 60, 1, 1.0595, 1.1225, 1.1892, 1.2599, 1.3348, 1.4142, 1.4983, 1.5874, 1.6818, 1.7818, 1.8877
gisine ftgen 11, 0, 4096, 10, 1
gi52 ftgen 10, 0, 8192, 52, 2, 5, 0, 1, 11, 0, 1
instr 1
  ain oscili 1, 220, 11
  aw tablei ain * 0.5 + 0.5, 1, 1
  aw2 tablei ain * 0.5 + 0.5, 2, 1
  kst table int(timeinsts() * 40) % 128, 3
  kenv tablei timeinsts() / p3, 4, 1
  ab oscili 0.2, 110, 6
  ac oscili 0.2, 110, 7
  icps cpstuni 64, 12
  kn table 60 + int(timeinsts() * 6) % 12, 9
  kn += icps * 0.25
  ad oscili 0.2, kn, 11
  ae table3 phasor:a(55), 10, 1
  out (aw + aw2) * 0.1 * kenv + ab + ac + ad + ae * 0.1 + kst * 0.01
endin
</CsInstruments>
<CsScore>
i1 0 2
e
</CsScore>
</CsoundSynthesizer>
