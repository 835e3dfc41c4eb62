<CsoundSynthesizer>
; GEN routines: GEN05 exponential segments, GEN02 values, GEN08 cubic spline, GEN16 curves, GEN27
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gi05 ftgen 1, 0, 1024, 5, 0.001, 256, 1, 768, 0.001
gi02 ftgen 2, 0, 16, -2, 0, 0.1, 0.3, -0.5, 0.9, 1, 0.2, -0.2, 0.6, -0.8, 0.4, 0, 0.7, -0.3, 0.5, -1
gi08 ftgen 3, 0, 1025, 8, 0, 200, 0.8, 400, -0.6, 425, 0
gi16 ftgen 4, 0, 1024, 16, 0, 300, 4, 1, 724, -3, 0
gi27 ftgen 5, 0, 1024, -27, 0, 0, 100, 1, 500, -1, 1023, 0
instr 1
  kenv poscil 1, 1 / p3, 1
  aph phasor p4
  aw tablei aph, 3, 1
  kstep = int(timeinsts() * 8) % 16
  kv table kstep, 2
  ac tablei aph, 4, 1
  ad tablei aph, 5, 1
  out (aw * kenv + ac * 0.2 + ad * 0.2) * (0.6 + kv * 0.3)
endin
</CsInstruments>
<CsScore>
i1 0 2 110
e
</CsScore>
</CsoundSynthesizer>
