<CsoundSynthesizer>
; arrays: fillarray, genarray, array arithmetic, maxarray/minarray/sumarray, slicearray, copyf2array, a-rate arrays in a loop
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gitab ftgen 1, 0, 8, -2, 1, 3, 5, 7, 9, 11, 13, 15
instr 1
  kfreqs[] fillarray 220, 275, 330, 440
  kamps[] genarray_i 0.1, 0.4, 0.1
  kall[] = kfreqs * 1.5 + 10
  kmx maxarray kall
  kmn minarray kall
  ksum sumarray kamps
  ksl[] slicearray kfreqs, 1, 2
  itab[] init 8
  copyf2array itab, 1
  aosc[] init 4
  kndx = 0
  asum = 0
  while kndx < 4 do
    aosc[kndx] = oscili(kamps[kndx], kfreqs[kndx] + itab[kndx])
    asum += aosc[kndx]
    kndx += 1
  od
  amx oscili 0.05, kmx
  amn oscili 0.05, kmn + ksl[1] - ksl[0]
  out asum * ksum * 0.5 + amx + amn
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
