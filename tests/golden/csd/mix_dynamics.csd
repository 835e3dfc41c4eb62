<CsoundSynthesizer>
; dynamics: compress, compress2, dam, follow, follow2, rms, peak, max_k, portk
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kenv linseg 0, 0.1, 1, 0.4, 0.2, 0.5, 1, 0.5, 0
  asig vco2 0.5 * kenv, 110
  akey oscili kenv, 220
  a1 compress asig, akey, 0, 40, 60, 3, 0.01, 0.1, 0.02
  a2 compress2 asig, akey, -90, -30, -10, 4, 0.01, 0.1, 0.02
  a3 dam asig, 0.3, 0.5, 2, 0.01, 0.1
  afol follow asig, 0.01
  afol2 follow2 asig, 0.01, 0.2
  krms rms asig
  kpk peak asig
  kmax max_k asig, metro(20), 1
  out a1 + a2 + a3 + afol * 0.1 + afol2 * 0.1 + oscili:a(krms + kpk * 0.1 + kmax * 0.1, 660)
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
