<CsoundSynthesizer>
; oscillators: vco2 band-limited saw, square with PWM, triangle, integrated saw
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  kpw oscili 0.4, 0.7
  a1 vco2 0.2, p4
  a2 vco2 0.2, p4 * 1.01, 2, 0.5 + kpw
  a3 vco2 0.2, p4 * 0.5, 12
  a4 vco2 0.1, p4 * 2, 4, 0.3
  outs a1 + a2, a3 + a4
endin
</CsInstruments>
<CsScore>
i1 0 1.5 220
i1 1.5 1 82.41
e
</CsScore>
</CsoundSynthesizer>
