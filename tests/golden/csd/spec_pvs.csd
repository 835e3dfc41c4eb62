<CsoundSynthesizer>
; spectral: pvsanal/pvsynth round trip, pvscale, pvshift, pvsblur, pvsmooth, pvsfilter, pvsmix, pvsbin, pvsadsyn
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  asrc vco2 0.3, 220
  amod oscili 0.3, 330
  f1 pvsanal asrc, 1024, 256, 1024, 1
  f2 pvsanal amod, 1024, 256, 1024, 1
  a1 pvsynth f1
  fs pvscale f1, 1.5
  a2 pvsynth fs
  fh pvshift f1, 100, 0
  a3 pvsynth fh
  fb pvsblur f1, 0.05, 0.1
  a4 pvsynth fb
  fm pvsmooth f1, 0.1, 0.1
  a5 pvsynth fm
  ff pvsfilter f1, f2, 0.8
  a6 pvsynth ff
  fx pvsmix f1, f2
  a7 pvsynth fx
  kamp, kfr pvsbin f1, 10
  a8 pvsadsyn f1, 20, 1
  outs a1 + a2 + a3 + a4, a5 + a6 + a7 + a8 * 0.3 + oscili:a(kamp, kfr)
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
