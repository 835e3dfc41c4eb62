<CsoundSynthesizer>
; filters: tone, atone, tonex, atonex, port/portk
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  asrc vco2 0.4, 220, 10
  kcf line 200, p3, 5000
  a1 tone asrc, kcf
  a2 atone asrc, kcf
  a3 tonex asrc, kcf, 4
  a4 atonex asrc, kcf, 3
  kstep = (timeinsts() > p3 / 2 ? 1 : 0)
  ksm portk kstep, 0.1
  asm = a(ksm)
  out (a1 + a2 + a3 + a4) * 0.3 * (0.5 + 0.5 * asm)
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
