<CsoundSynthesizer>
; strings: sprintf, strcat, strlen, strtod, strsub, strindex, strupper, strcmp; pitch parsed from strings
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  Snote = p4
  Sfull strcat "freq:", Snote
  ilen strlen Sfull
  Snum strsub Sfull, 5, ilen
  ifreq strtod Snum
  iidx strindex Sfull, ":"
  Sup strupper Sfull
  icmp strcmp Sup, "FREQ:440"
  S2 sprintf "%d.%02d", int(ifreq / 100), int(ifreq) % 100
  ifr2 strtod S2
  a1 oscili 0.2, ifreq + iidx + icmp
  a2 oscili 0.1, ifr2 * 300
  out a1 + a2
endin
</CsInstruments>
<CsScore>
i1 0 0.7 "440"
i1 0.7 0.7 "523.25"
i1 1.4 0.6 "330"
e
</CsScore>
</CsoundSynthesizer>
