<CsoundSynthesizer>
; GEN routines: GEN10, GEN07, GEN09, GEN19, GEN11, GEN06 tables read with tablei/table3
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gi10 ftgen 1, 0, 4096, 10, 1, 0.5, 0, 0.25, 0, 0.125
gi07 ftgen 2, 0, 4096, 7, 0, 1024, 1, 1024, -0.5, 2048, 0
gi09 ftgen 3, 0, 4096, 9, 1, 1, 0, 2.5, 0.5, 90, 7, 0.2, 45
gi19 ftgen 4, 0, 4096, 19, 1, 1, 0, 0.5, 0.5, 0.5, 0
gi11 ftgen 5, 0, 4096, 11, 8, 1, 0.8
gi06 ftgen 6, 0, 4097, 6, 0, 1024, 0.5, 1024, 1, 1024, 0, 1024, -1
instr 1
  aph phasor p4
  a1 tablei aph, p5, 1
  a2 table3 aph, p5, 1
  out (a1 + a2) * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 0.4 220 1
i1 0.4 0.4 220 2
i1 0.8 0.4 220 3
i1 1.2 0.4 220 4
i1 1.6 0.4 220 5
i1 2.0 0.4 220 6
e
</CsScore>
</CsoundSynthesizer>
