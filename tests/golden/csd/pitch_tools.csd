<CsoundSynthesizer>
; pitch and frequency: hilbert frequency shifter, pitchamdf and ptrack on a synthetic tone, sum of a resampled tone
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  asig oscili 0.4, 220
  areal, aimag hilbert asig
  asin oscili 1, 100
  acos oscili 1, 100, -1, 0.25
  ashift = areal * acos - aimag * asin
  kcps, krms pitchamdf asig, 100, 500
  kp, ka ptrack asig, 512
  atr oscili 0.1, kcps + kp * 0.1
  out ashift * 0.5 + atr
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
