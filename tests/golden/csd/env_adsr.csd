<CsoundSynthesizer>
; envelopes: adsr, madsr, mxadsr, xadsr (release extends the note), envlpx
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

giatt ftgen 1, 0, 513, 7, 0, 512, 1
instr 1
  k1 adsr 0.05, 0.1, 0.6, 0.2
  k2 madsr 0.02, 0.2, 0.5, 0.3
  k3 mxadsr 0.05, 0.1, 0.4, 0.25
  a1 xadsr 0.01, 0.1, 0.7, 0.2
  k4 envlpx 1, 0.1, p3, 0.2, 1, 0.5, 0.01
  asig oscili 0.15, p4
  out asig * (k1 + k2 + k3 + a1 + k4)
endin
</CsInstruments>
<CsScore>
i1 0 0.6 440
i1 0.8 1.2 330
e
</CsScore>
</CsoundSynthesizer>
