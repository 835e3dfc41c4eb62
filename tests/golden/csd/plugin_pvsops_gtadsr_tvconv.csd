<CsoundSynthesizer>
; plugin opcodes (libpvsops natively): gtadsr (a- and k-rate, gated), tvconv (time-varying convolution)
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kgate metro 3
  kgateh = (kgate == 1 ? 1 : 0)
  kg2 init 0
  kg2 = (kgateh == 1 ? 1 - kg2 : kg2)
  asig vco2 0.3, 220
  aenv gtadsr asig, 0.02, 0.1, 0.6, 0.15, kg2
  kenv gtadsr 1, 0.01, 0.05, 0.5, 0.1, kg2
  aimp oscili 0.2, 3
  aconv tvconv aenv, aimp + 0.05, kenv > 0.5 ? 1 : 0, 1, 64, 256
  out aenv * 0.5 + aconv * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
