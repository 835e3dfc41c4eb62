<CsoundSynthesizer>
; waveshaping: chebyshevpoly, polynomial, tablei waveshaper on GEN13, pdhalf, pdclip
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gi13 ftgen 1, 0, 4097, 13, 1, 1, 0, 1, 0, 0.8, 0, 0.5, 0, 0.3
instr 1
  kndx line 0.1, p3, 1
  asig oscili kndx, 196
  a1 chebyshevpoly asig, 0, 1, 0.5, 0.3, 0.2
  a2 polynomial asig, 0, 1, 0, -0.5
  a3 tablei asig * 0.5 + 0.5, 1, 1
  aph phasor 196
  apd pdhalf aph * 2 - 1, kndx - 0.5
  a4 tablei apd * 0.5 + 0.5, 1, 1
  apc pdclip aph * 2 - 1, kndx * 0.9, 0.1
  out (a1 + a2 + a3 + a4 + apc) * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
