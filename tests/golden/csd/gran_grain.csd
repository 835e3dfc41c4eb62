<CsoundSynthesizer>
; granular: grain with its default random offsets (Csound default seed), and grain2, grain3 with fixed iseed
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 4096, 10, 1, 0.5, 0.3
giwin ftgen 2, 0, 4096, 20, 2
instr 1
  a1 grain 0.2, 440, 40, 0.1, 20, 0.03, 1, 2, 0.05
  a2 grain2 330, 0.05, 0.04, 20, 1, 2, 0.3, 12345
  a3 grain3 220, 0.5, 0.1, 0.1, 0.04, 30, 40, 1, 2, 0, 0, 6789
  out a1 + a2 * 0.1 + a3 * 0.1
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
