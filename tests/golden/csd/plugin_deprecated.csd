<CsoundSynthesizer>
; plugin opcodes (libdeprecated natively): stack, push, pop move pitches through a global stack
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  stack 1000
  push 220, 330, 440
  push 550
  i4 pop
  i1, i2, i3 pop
  a1 oscili 0.1, i1
  a2 oscili 0.1, i2
  a3 oscili 0.1, i3
  a4 oscili 0.1, i4
  out a1 + a2 + a3 + a4
endin
</CsInstruments>
<CsScore>
i1 0 1
e
</CsScore>
</CsoundSynthesizer>
