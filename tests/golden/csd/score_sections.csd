<CsoundSynthesizer>
; score: sections (s), b offset, r repeats with macros, a advance, e; m/n marks
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kenv expseg 0.001, 0.01, 1, p3 - 0.01, 0.001
  a1 oscili p4 * kenv, p5
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 0.3 0.3 440
i1 0.3 0.3 0.3 550
s
b 0.1
i1 0 0.2 0.3 330
i1 0.2 0.2 0.3 392
s
r 2 REP
i1 0 0.25 0.2 [220 * $REP]
s
m seg
i1 0 0.2 0.2 660
s
n seg
e
</CsScore>
</CsoundSynthesizer>
