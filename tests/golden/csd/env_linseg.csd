<CsoundSynthesizer>
; envelopes: linseg, line, expon, linsegr with release, linen, linenr
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  k1 linseg 0, 0.1, 1, 0.3, 0.5, p3 - 0.4, 0
  a1 linseg 0, 0.05, 1, 0.2, 0.3, 0.2, 0.8
  k2 line 0, p3, 1
  k3 expon 1, p3, 0.01
  k4 linsegr 0, 0.05, 1, 0.1, 0.6, 0.2, 0
  a2 linen 1, 0.1, p3, 0.3
  k5 linenr 1, 0.05, 0.25, 0.01
  asig oscili 0.2, 330
  out asig * (k1 + a1 * k2 + k3 + k4 + a2 + k5) * 0.3
endin
</CsInstruments>
<CsScore>
i1 0 1
i1 1.2 0.8
e
</CsScore>
</CsoundSynthesizer>
