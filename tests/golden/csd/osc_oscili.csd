<CsoundSynthesizer>
; oscillators: oscil, oscili, oscil3 on GEN10 tables, with a-rate and k-rate frequency
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 4096, 10, 1
giharm ftgen 2, 0, 2048, 10, 1, 0.5, 0.33, 0.25, 0.2
instr 1
  kvib oscili 6, 5.5, 1
  a1 oscil 0.2, p4 + kvib, 2
  a2 oscili 0.2, p4 * 1.5, 1
  afm oscili 100, 3, 1
  a3 oscil3 0.2, p4 * 2 + afm, 2
  out a1 + a2 + a3
endin
</CsInstruments>
<CsScore>
i1 0 1.5 220
i1 1 1 331
e
</CsScore>
</CsoundSynthesizer>
