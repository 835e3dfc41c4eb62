<CsoundSynthesizer>
; noise with fixed seeds: rand, randi, randh, randc, 16- and 31-bit generators, given iseed
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  a1 rand 0.3, 0.42
  a2 rand 0.3, 0.42, 1
  a3 randi 0.3, 500, 0.17
  a4 randh 0.3, 300, 0.9, 1
  a5 randc 0.3, 200, 0.33
  k6 randh 1, 10, 0.5
  a6 oscili 0.2, 440 + k6 * 100
  outs a1 + a3 + a5, a2 + a4 + a6
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
