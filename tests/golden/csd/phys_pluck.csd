<CsoundSynthesizer>
; physical models: pluck (random initial buffer from the default seed, and a GEN10 initial shape) in all decay methods
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 4096, 10, 1
instr 1
  a1 pluck 0.3, p4, p4, 0, p5, p6, p7
  a2 pluck 0.3, p4 * 1.5, p4, 1, 1
  out a1 + a2
endin
</CsInstruments>
<CsScore>
i1 0 0.5 220 1 0 0
i1 0.5 0.5 330 2 1.5 0
i1 1 0.5 165 3 0.5 0
i1 1.5 0.5 262 4 0.5 2
i1 2 0.5 196 5 0.3 0.7
i1 2.5 0.5 147 6 0 0
e
</CsScore>
</CsoundSynthesizer>
