<CsoundSynthesizer>
; envelopes: expseg, expsega, expsegr, transeg, cosseg, cossegr
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  k1 expseg 0.001, 0.1, 1, p3 - 0.1, 0.001
  a1 expsega 0.001, 0.05, 1, 0.3, 0.01
  k2 expsegr 0.01, 0.1, 1, 0.2, 0.3, 0.1, 0.01
  k3 transeg 0, 0.2, 3, 1, 0.3, -2, 0.2, p3 - 0.5, 0, 0
  a2 cosseg 0, 0.2, 1, 0.3, 0.2, 0.2, 0.9
  k4 cossegr 0, 0.1, 1, 0.2, 0.4, 0.1, 0
  asig vco2 0.2, 220
  out asig * (k1 + a1 + k2 + k3 + a2 + k4) * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1
i1 1.1 0.7
e
</CsScore>
</CsoundSynthesizer>
