<CsoundSynthesizer>
; granular: fof and fof2 formant synthesis, fog on a GEN10 table
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 8192, 10, 1
gisig ftgen 2, 0, 1024, 19, 0.5, 0.5, 270, 0.5
instr 1
  kfund line 110, p3, 150
  a1 fof 0.2, kfund, 650, 0, 40, 0.003, 0.02, 0.007, 50, 1, 2, p3
  a2 fof2 0.2, kfund * 1.5, 1080, 0, 90, 0.003, 0.02, 0.007, 50, 1, 2, p3, 0, 0
  aspd line 0, p3, 1
  a3 fog 0.2, 30, 1, aspd, 0, 0, 0.01, 0.5, 0.01, 50, 1, 2, p3
  out a1 + a2 + a3
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
