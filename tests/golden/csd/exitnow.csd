<CsoundSynthesizer>
; exitnow ends the performance from an instrument (here at 1.234 s, mid-way through a k-cycle's span): the output
; ends at the last complete k-cycle before it, the output file is closed normally, and csound exits with 0. The
; score would go on to 5 s.
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 64
nchnls = 2
0dbfs = 1

instr 1
  kenv linseg 0, 0.01, 1, p3 - 0.02, 1, 0.01, 0
  a1 poscil 0.3 * kenv, p4
  a2 vco2 0.2 * kenv, p4 * 1.5
  outs a1, a2
endin

instr 99
  prints "exitnow at %f s\n", p2
  exitnow
endin
</CsInstruments>
<CsScore>
i1 0 5 220
i1 0.5 4 330
i99 1.234 1
e 5
</CsScore>
</CsoundSynthesizer>
