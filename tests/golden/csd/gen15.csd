<CsoundSynthesizer>
; GEN15: each statement makes two tables, fno (gen13's Chebyshev polynomial for the cosine parts) and fno + 1
; (gen14's, for the sine parts), read through tablei as waveshapers of a cosine and a sine (the phase-quadrature
; pair that GEN15 is meant for). The first statement is the one of issue 12 (tables 33 and 34).
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

gisine ftgen 1, 0, 8192, 10, 1
gicos  ftgen 2, 0, 8192, 9, 1, 1, 90

instr 1
  ; p4: the GEN15 pair's first table, p5: the shaper's input amplitude, p6: frequency
  kamp linseg 0, 0.05, p5, p3 - 0.1, p5, 0.05, 0
  acos oscili kamp, p6, 2
  asin oscili kamp, p6, 1
  ; index 0..1 over the table (normalised, with the guard point): input -1..1
  ac tablei acos * 0.5 + 0.5, p4, 1
  as tablei asin * 0.5 + 0.5, p4 + 1, 1
  outs ac * 0.5, as * 0.5
endin

instr 2
  ; the two tables read directly, one sample of each per k-cycle's start, over the whole table
  kndx line 0, p3, 1
  k1 tablei kndx, p4, 1
  k2 tablei kndx, p4 + 1, 1
  outs a(k1) * 0.5, a(k2) * 0.5
endin
</CsInstruments>
<CsScore>
f 33 0 8193 -15 1 1 1 0 1 180 .8 45 .6 270 .5 90 .4 225 .2 135 .1 315
; normalised (positive GEN number), other sizes, fewer and more partials
f 40 0 4097 15 1 1 1 0 0.5 90 0.25 45
f 50 0 1025 -15 1 0.7 1 30 1 60 1 90 1 120 1 150 1 180 1 210
f 60 0 16385 15 2 1 0.5 0 1 270 0.3 10
i1 0    1   33 1   220
i1 1    1   33 0.6 330
i2 2    0.5 33
i1 2.5  0.8 40 1   110
i2 3.3  0.5 40
i1 3.8  0.8 50 0.8 440
i2 4.6  0.5 50
i1 5.1  0.8 60 1   165
i2 5.9  0.5 60
e 6.5
</CsScore>
</CsoundSynthesizer>
