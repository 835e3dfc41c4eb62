<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Physical models: plucked strings (a waveguide string with a pick position and
; a lossy bridge) arpeggiate over a bowed string (a waveguide driven by a bow
; friction model). "bow pressure" changes the bowed tone from airy to gritty,
; "pick position" moves the pluck along the string, "bridge" sets how long the
; strings ring.
sr = 48000
ksmps = 16
nchnls = 2
0dbfs = 1

chn_k "bow pressure", 1, 2, 3, 1.5, 5
chn_k "pick position", 1, 2, 0.2, 0.05, 0.5
chn_k "bridge", 1, 2, 0.3, 0.05, 0.8

giArp[] fillarray 52, 59, 64, 67, 71, 67, 64, 59,  50, 57, 62, 66, 69, 66, 62, 57,  48, 55, 60, 64, 67, 64, 60, 55,  47, 54, 59, 62, 66, 62, 59, 54
giBass[] fillarray 40, 38, 36, 35
gaBusL init 0
gaBusR init 0

instr 1 ; eighth-note arpeggio; a new bowed note with each chord
  kstep init 0
  if metro(4.4) == 1 then
    if kstep % 8 == 0 then
      event "i", 3, 0, 1.95, giBass[int(kstep / 8)]
    endif
    event "i", 2, 0, 2.5, giArp[kstep], 0.5 + (kstep % 4 == 0 ? 0.3 : 0)
    kstep = (kstep + 1) % 32
  endif
endin

instr 2 ; plucked string: p4 note, p5 strength
  ifreq = cpsmidinn(p4)
  ipick chnget "pick position"
  ibridge chnget "bridge"
  apluck wgpluck2 ipick, p5 * 0.25, ifreq, 0.5, ibridge
  adeclick linsegr 1, p3, 1, 0.05, 0
  aL, aR pan2 apluck * adeclick, 0.3 + 0.4 * (p4 % 12) / 12
  gaBusL += aL
  gaBusR += aR
endin

instr 3 ; bowed string: p4 note
  ifreq = cpsmidinn(p4)
  kpressure chnget "bow pressure"
  kpressure port kpressure, 0.05
  kamp linseg 0, 0.25, 0.3, p3 - 0.5, 0.3, 0.25, 0
  abow wgbow kamp, ifreq, kpressure, 0.127236, 4.5, 0.004
  abow butterlp abow, 3000
  gaBusL += abow * 0.9
  gaBusR += abow * 0.6
endin

instr 99 ; master: a wooden room
  arevL, arevR reverbsc gaBusL, gaBusR, 0.82, 7000
  outs gaBusL + arevL * 0.35, gaBusR + arevR * 0.35
  clear gaBusL, gaBusR
endin
</CsInstruments>
<CsScore>
i 1 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
