<CsoundSynthesizer>
; oscillators: foscil and foscili with an index envelope
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 8192, 10, 1
instr 1
  kndx expseg 8, p3, 0.1
  a1 foscili 0.25, p4, 1, 1.414, kndx, 1
  a2 foscil 0.25, p4 * 0.75, 3, 2, kndx * 0.5, 1
  out a1 + a2
endin
</CsInstruments>
<CsScore>
i1 0 1.5 300
i1 1 1 440
e
</CsScore>
</CsoundSynthesizer>
