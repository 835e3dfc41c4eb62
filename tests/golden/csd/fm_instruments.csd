<CsoundSynthesizer>
; FM instruments: fmbell, fmrhode, fmwurlie, fmmetal, fmb3, fmpercfl, crossfm
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

gisine ftgen 1, 0, 4096, 10, 1
gitwo ftgen 2, 0, 4096, 10, 0, 1
gicos ftgen 3, 0, 4096, 11, 1
instr 1
  a1 fmbell 0.2, 440, 0.5, 0.2, 0.01, 6, 1, 1, 1, 1, 1
  a2 fmrhode 0.2, 330, 0.5, 0.2, 0.01, 6, 1, 1, 1, 1, 1
  a3 fmwurlie 0.2, 220, 0.5, 0.2, 0.01, 6, 1, 1, 1, 1, 1
  a4 fmmetal 0.1, 110, 0.5, 0.2, 0.01, 6, 1, 1, 1, 1, 1
  a5 fmb3 0.2, 165, 0.5, 0.2, 0.01, 6, 1, 1, 1, 1, 1
  a6 fmpercfl 0.2, 523, 0.5, 0.2, 0.01, 6, 1, 1, 1, 1, 1
  a7, a8 crossfm 200, 300, 1, 1, 0.5, 1, 1
  outs a1 + a2 + a3 + a4, a5 + a6 + (a7 + a8) * 0.1
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
