<CsoundSynthesizer>
; plugin opcode (liblfsr natively): lfsr with probability 0 (a rotating register, no randomness) picks pitches
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  ktick metro 8
  kreg init 0
  kv lfsr 5, 0, 11
  if ktick == 1 then
    kreg = kv
  endif
  kcps = 110 * (1 + kreg / 8)
  a1 vco2 0.2, kcps, 10
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
