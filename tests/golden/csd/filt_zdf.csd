<CsoundSynthesizer>
; filters: zdf_1pole, zdf_2pole, zdf_ladder, K35_lpf/hpf, diode_ladder
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  asaw vco2 0.3, 110
  kcf expseg 100, p3, 8000
  a1 zdf_1pole asaw, kcf
  a2 zdf_2pole asaw, kcf, 2, 0
  a3 zdf_ladder asaw, kcf, 5
  a4 K35_lpf asaw, kcf, 6
  a5 K35_hpf asaw, kcf, 5
  a6 diode_ladder asaw, kcf, 10
  outs a1 + a2 + a3, a4 + a5 + a6 * 0.5
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
