<CsoundSynthesizer>
; tables at run time: tablew, tableiw, tabw, tab, ftgenonce, tableicopy/tablecopy, ftmorf, tablemix
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 1024, 10, 1
gitri ftgen 2, 0, 1024, 7, 0, 256, 1, 512, -1, 256, 0
giw ftgen 3, 0, 1024, -2, 0
gimix ftgen 4, 0, 1024, -2, 0
gimorf ftgen 5, 0, 1024, -2, 0
gilist ftgen 6, 0, 2, -2, 1, 2
instr 1
  kndx = 0
  kph line 0, p3, 1
  while kndx < 1024 do
    kv table kndx, 1
    tablew kv * kph + (1 - kph) * table:k(kndx, 2), kndx, 3
    kndx += 1
  od
  tablemix 4, 0, 1024, 1, 0, kph, 2, 0, 1 - kph
  ftmorf kph, 6, 5
  a1 oscili 0.2, 220, 3
  a2 oscili 0.2, 330, 4
  a3 oscili 0.2, 440, 5
  out a1 + a2 + a3
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
