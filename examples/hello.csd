<CsoundSynthesizer>
<CsOptions>
-d -W -o hello.wav
</CsOptions>
<CsInstruments>
; A short phrase of plucked-string notes through a low-pass filter: the example npm start renders.
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  ifreq = cpspch(p4)
  kenv  linseg 0, 0.01, 1, p3 - 0.11, 0.6, 0.1, 0
  asig  vco2 0.3, ifreq, 0
  afilt moogladder asig, 600 + 3000 * kenv, 0.4
  outs  afilt * kenv * p5, afilt * kenv * (1 - p5)
endin
</CsInstruments>
<CsScore>
i 1 0.0 0.5 8.00 0.3
i 1 0.5 0.5 8.04 0.5
i 1 1.0 0.5 8.07 0.7
i 1 1.5 1.0 9.00 0.5
</CsScore>
</CsoundSynthesizer>
