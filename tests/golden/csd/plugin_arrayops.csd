<CsoundSynthesizer>
; plugin opcodes (libarrayops natively): math functions on k-arrays (sqrt, log, pow), sort, dot
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kin[] fillarray 4, 9, 16, 25
  kroot[] = sqrt(kin)
  kl[] = log(kin)
  ks[] sorta kl
  kd dot kroot, kin
  a1 oscili 0.1, 100 + kroot[0] * 20
  a2 oscili 0.1, 200 + ks[3] * 20 + kd * 0.1
  out a1 + a2
endin
</CsInstruments>
<CsScore>
i1 0 1
e
</CsScore>
</CsoundSynthesizer>
