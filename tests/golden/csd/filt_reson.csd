<CsoundSynthesizer>
; filters: reson, resonz, resonr, areson on seeded randi noise
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  anoise randi 0.5, 8000, 0.77
  kcf line 300, p3, 3000
  a1 reson anoise, kcf, 50, 1
  a2 resonz anoise, kcf * 1.5, 80, 1
  a3 resonr anoise, kcf * 0.5, 30, 2
  a4 areson anoise, kcf, 200, 1
  out (a1 + a2 + a3) * 0.5 + a4 * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
