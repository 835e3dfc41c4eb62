<CsoundSynthesizer>
; GEN routines: GEN20 windows (Hamming, Hanning, Bartlett, Blackman, Gaussian, Kaiser, sinc) as envelopes
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gi1 ftgen 1, 0, 4096, 20, 1
gi2 ftgen 2, 0, 4096, 20, 2
gi3 ftgen 3, 0, 4096, 20, 3
gi4 ftgen 4, 0, 4096, 20, 4
gi5 ftgen 5, 0, 4096, 20, 5
gi6 ftgen 6, 0, 4096, 20, 6, 1, 2
gi7 ftgen 7, 0, 4096, 20, 7, 1, 6
gi8 ftgen 8, 0, 4096, 20, 8
gi9 ftgen 9, 0, 4096, 20, 9, 1, 1
instr 1
  kph line 0, p3, 1
  kenv tablei kph, p4, 1
  a1 oscili kenv * 0.4, 440
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 0.3 1
i1 0.3 0.3 2
i1 0.6 0.3 3
i1 0.9 0.3 4
i1 1.2 0.3 5
i1 1.5 0.3 6
i1 1.8 0.3 7
i1 2.1 0.3 8
i1 2.4 0.3 9
e
</CsScore>
</CsoundSynthesizer>
