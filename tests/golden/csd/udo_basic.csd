<CsoundSynthesizer>
; user-defined opcodes: xin/xout, setksmps, recursion, optional args, array arguments, a UDO used as a function
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

opcode Saw, a, kk
  kamp, kfreq xin
  aph phasor kfreq
  xout (aph * 2 - 1) * kamp
endop

opcode Smooth, a, aj
  ain, ihp xin
  setksmps 1
  ihp = (ihp == -1 ? 500 : ihp)
  aout tone ain, ihp
  xout aout
endop

opcode Stack, a, kki
  kamp, kfreq, idepth xin
  asig oscili kamp, kfreq * idepth
  if idepth > 1 then
    anext Stack kamp * 0.5, kfreq, idepth - 1
    asig += anext
  endif
  xout asig
endop

opcode SumArr, k, k[]
  kin[] xin
  xout sumarray(kin)
endop

instr 1
  karr[] fillarray 0.1, 0.2, 0.3
  ktot SumArr karr
  a1 Saw ktot * 0.3, 110
  a2 Smooth a1
  a3 Smooth a1, 2000
  a4 Stack 0.2, 220, 4
  out a2 + a3 + a4
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
