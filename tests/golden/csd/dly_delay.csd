<CsoundSynthesizer>
; delays: delay, delay1, delayr/delayw with deltap, deltapi, deltap3, deltapx
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kenv linseg 1, 0.05, 0, p3 - 0.05, 0
  asrc oscili kenv * 0.5, 440
  a1 delay asrc, 0.13
  a2 delay1 asrc
  kt line 0.01, p3, 0.2
  at interp kt
  abuf delayr 0.5
  atap1 deltap 0.25
  atap2 deltapi kt
  atap3 deltap3 at * 1.3
  atap4 deltapx at, 8
  delayw asrc + atap1 * 0.4
  out asrc + a1 * 0.7 + a2 + atap2 + atap3 * 0.5 + atap4 * 0.5
endin
</CsInstruments>
<CsScore>
i1 0 2
e
</CsScore>
</CsoundSynthesizer>
