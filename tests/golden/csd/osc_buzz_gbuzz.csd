<CsoundSynthesizer>
; oscillators: buzz and gbuzz with moving harmonic count and multiplier
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gicos ftgen 1, 0, 8192, 11, 1
gisine ftgen 2, 0, 8192, 10, 1
instr 1
  kn line 1, p3, 30
  kmul line 0.1, p3, 0.95
  a1 buzz 0.2, p4, kn, 2
  a2 gbuzz 0.2, p4 * 1.5, 20, 1, kmul, 1
  out a1 + a2
endin
</CsInstruments>
<CsScore>
i1 0 2 110
e
</CsScore>
</CsoundSynthesizer>
