<CsoundSynthesizer>
; routing: zak (zakinit, zaw, zar, zkw, zkr), chnset/chnget, chnmix/chnclear, global arrays
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

zakinit 4, 4
instr 1
  a1 oscili 0.2, p4
  zawm a1, 1
  zkw p4, 1
  chnmix a1, "bus"
  chnset p4, "freq"
endin
instr 99
  a1 zar 1
  kf zkr 1
  ab chnget "bus"
  kf2 chnget "freq"
  a2 oscili 0.1, kf + kf2
  out a1 + ab * 0.5 + a2
  zacl 0, 3
  chnclear "bus"
endin
</CsInstruments>
<CsScore>
i1 0 0.5 220
i1 0.5 0.5 330
i1 1 0.5 440
i99 0 1.5
e
</CsScore>
</CsoundSynthesizer>
