<CsoundSynthesizer>
; oscillators: poscil, poscil3 with fractional phase and table lengths not a power of two
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisaw ftgen 1, 0, 4097, 7, 1, 4096, -1
gitri ftgen 2, 0, 1000, 7, 0, 250, 1, 500, -1, 250, 0
instr 1
  kf line p4, p3, p4 * 3
  a1 poscil 0.3, kf, 1, 0.25
  a2 poscil3 0.3, kf * 0.501, 2
  a3 poscil 0.2, a1 * 200 + 300, 2
  out a1 + a2 + a3
endin
</CsInstruments>
<CsScore>
i1 0 2 110
e
</CsScore>
</CsoundSynthesizer>
