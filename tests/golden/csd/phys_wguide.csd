<CsoundSynthesizer>
; physical models: wguide1 and wguide2 excited by seeded noise bursts
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kenv linseg 1, 0.02, 0, p3 - 0.02, 0
  anoise rand kenv * 0.5, 0.25
  a1 wguide1 anoise, p4, 3000, 0.95
  a2 wguide2 anoise, p4, p4 * 1.5, 3000, 2000, 0.25, 0.2
  out (a1 + a2) * 0.5
endin
</CsInstruments>
<CsScore>
i1 0 0.8 220
i1 0.8 0.8 330
e
</CsScore>
</CsoundSynthesizer>
