<CsoundSynthesizer>
; score: tempo statement with accelerando, carry (.), + start, ramps (<), ^+ and pp/np references
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kenv linseg 0, 0.02, 1, p3 - 0.04, 1, 0.02, 0
  a1 oscili p4 * kenv, p5
  out a1
endin
</CsInstruments>
<CsScore>
t 0 120 2 180 4 90
i1 0 0.5 0.2 220
i1 + . . 247
i1 + . . <
i1 + . . <
i1 + . . 330
i1 ^+0.25 0.25 0.3 np5
i1 ^+0.5 0.25 . pp4
e
</CsScore>
</CsoundSynthesizer>
