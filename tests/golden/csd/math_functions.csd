<CsoundSynthesizer>
; libm at audio rate: sin, cos, tan, exp, log, log10, pow, sqrt, sinh, cosh, atan2, cpsoct/octcps, dbamp/ampdb
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 1
nchnls = 1
0dbfs = 1

instr 1
  aph phasor 110
  ax = aph * 2 - 1
  a1 = sin(ax * 3.14159) * 0.1
  a2 = cos(ax * 2) * 0.1
  a3 = tan(ax * 0.7) * 0.05
  a4 = exp(ax) * 0.05
  a5 = log(aph + 0.001) * 0.02
  a6 = log10(aph + 0.01) * 0.02
  a7 = pow(aph, 2.5) * 0.1
  a8 = sqrt(aph) * 0.1
  a9 = sinh(ax) * 0.05
  a10 = cosh(ax) * 0.05
  a11 = taninv2(ax, aph + 0.1) * 0.05
  kf = cpsoct(8 + octcps(110) - 6.78 + timeinsts())
  a12 oscili ampdb(-20 + dbamp(1)), kf
  out a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
