<CsoundSynthesizer>
; filters: eqfil, pareq (peak, shelves), rbjeq
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  asrc rand 0.3, 0.5
  kf line 200, p3, 4000
  a1 eqfil asrc, kf, 100, 4
  a2 pareq asrc, kf, 3, 0.7, 0
  a3 pareq asrc, 1000, 0.3, 0.7, 1
  a4 pareq asrc, 1000, 2, 0.7, 2
  a5 rbjeq asrc, kf, 1.5, 2, 1, 8
  out (a1 + a2 + a3 + a4 + a5) * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
