<CsoundSynthesizer>
; convolution: dconv and ftconv with a GEN07 impulse response table, and a FIR via a sum of delays
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

giir ftgen 1, 0, 256, 7, 1, 64, 0.5, 64, -0.3, 128, 0
giir2 ftgen 2, 0, 1024, 5, 1, 1024, 0.001
instr 1
  asig oscili 0.1, 220
  aimp mpulse 0.5, 0.25
  a1 dconv asig, 256, 1
  a2 ftconv aimp, 2, 128
  out a1 * 0.1 + a2 * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
