<CsoundSynthesizer>
<CsInstruments>
; The piece every consumer plays and renders: deterministic (no noise, no random opcodes), two channels,
; one second, loud enough to tell from silence at any point of the score.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  aenv linseg 0, 0.01, 1, p3 - 0.02, 1, 0.01, 0
  asine poscil 0.3, p4
  asaw vco2 0.2, p4 * 1.5
  asaw moogladder asaw, 1800, 0.4
  outs asine * aenv, asaw * aenv
endin
</CsInstruments>
<CsScore>
i 1 0 0.5 220
i 1 0.5 0.5 330
</CsScore>
</CsoundSynthesizer>
