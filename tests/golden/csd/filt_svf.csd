<CsoundSynthesizer>
; filters: svfilter, statevar, lowpass2, bqrez, lpf18, mvchpf/mvclpf1
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  asaw vco2 0.3, 98
  kcf expseg 200, p3, 5000
  alow, ahigh, aband svfilter asaw, kcf, 5
  ahp, alp, abp, abr statevar asaw, kcf, 2
  a3 lowpass2 asaw, kcf, 4
  a4 bqrez asaw, kcf, 3
  a5 lpf18 asaw, kcf, 0.4, 0.2
  a6 mvclpf1 asaw, kcf, 0.3
  a7 mvchpf asaw, kcf
  outs alow + aband + ahp + alp, a3 + a4 + a5 + a6 + a7 * 0.5
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
