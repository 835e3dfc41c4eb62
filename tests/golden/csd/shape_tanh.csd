<CsoundSynthesizer>
; waveshaping and distortion: tanh, distort1, clip (3 methods), limit, powershape, distort with a GEN table
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

gishape ftgen 1, 0, 1024, 7, -1, 400, -0.8, 224, 0.8, 400, 1
instr 1
  kdrive line 1, p3, 8
  asig oscili 0.7, 220
  a1 = tanh(asig * kdrive)
  a2 distort1 asig, kdrive, 0.5, 0, 0.1
  a3 clip asig * kdrive, 0, 0.8
  a4 clip asig * kdrive, 1, 0.8
  a5 clip asig * kdrive, 2, 0.8
  a6 limit asig * kdrive, -0.6, 0.6
  a7 powershape asig, kdrive * 0.3
  a8 distort asig, kdrive / 8, 1
  outs (a1 + a2 + a3 + a4) * 0.2, (a5 + a6 + a7 + a8) * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
