<CsoundSynthesizer>
; table players: loscil, loscil3, lposcil, flooper, flooper2, tablexkt on a GEN10 "sample" table
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisrc ftgen 1, 0, 65536, 10, 1, 0.5, 0.3, 0.2, 0.1
gisine ftgen 2, 0, 4096, 10, 1
instr 1
  a1 loscil 0.2, 1.5, 1, 1, 1, 1000, 30000
  a2 loscil3 0.2, 0.75, 1, 1, 2, 2000, 20000
  a3 lposcil 0.2, 1.25, 100, 40000, 1
  a4 flooper 0.2, 1, 0.1, 0.3, 0.02, 1
  a5 flooper2 0.2, 0.9, 0.05, 0.5, 0.05, 1
  aph phasor 2
  a6 tablexkt aph * 60000, 1, 0, 8
  out a1 + a2 + a3 + a4 + a5 + a6 * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 2
e
</CsScore>
</CsoundSynthesizer>
