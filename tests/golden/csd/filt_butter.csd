<CsoundSynthesizer>
; filters: butterlp, butterhp, butterbp, butterbr on seeded rand noise
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  anoise rand 0.5, 0.321
  kcf expseg 100, p3, 8000
  a1 butterlp anoise, kcf
  a2 butterhp anoise, kcf
  a3 butterbp anoise, kcf, kcf * 0.2
  a4 butterbr anoise, 1000, 500
  outs a1 + a3, a2 + a4 * 0.3
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
