<CsoundSynthesizer>
; filters: moogladder, moogladder2, moogvcf, moogvcf2 sweeping a saw
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  asaw vco2 0.4, p4
  kcf expseg 200, p3 / 2, 6000, p3 / 2, 300
  a1 moogladder asaw, kcf, 0.7
  a2 moogladder2 asaw, kcf * 0.8, 0.5
  a3 moogvcf asaw, kcf, 0.4
  a4 moogvcf2 asaw, kcf * 1.2, 0.6
  outs a1 + a2, a3 + a4
endin
</CsInstruments>
<CsScore>
i1 0 2 110
e
</CsScore>
</CsoundSynthesizer>
