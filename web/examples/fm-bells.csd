<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; FM bells: a modulator at an inharmonic ratio gives the bell spectrum, and the
; modulation index decays faster than the amplitude, so each strike starts
; bright and rings out pure. "ratio" changes the metal, "index" the brightness
; of the strike, "rate" how often the bells ring.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "ratio", 1, 2, 1.4, 1, 3.5
chn_k "index", 1, 2, 6, 0.5, 15
chn_k "rate", 1, 3, 2.5, 0.5, 8
chn_k "strike", 2, 2, 0, 0, 1

giSine ftgen 0, 0, 16384, 10, 1
giScale[] fillarray 62, 64, 67, 69, 71, 74, 76, 79, 81, 86
gaBusL init 0
gaBusR init 0

instr 1 ; bell ringer: random notes of a pentatonic scale
  krate chnget "rate"
  kstrike init 0
  if metro(krate) == 1 then
    knote = giScale[int(random:k(0, lenarray(giScale) - 0.001))]
    event "i", 2, 0, random:k(2.5, 6), knote, random:k(-26, -16)
    kstrike = 1
  endif
  chnset kstrike, "strike"
  kstrike = kstrike * 0.9
endin

instr 2 ; one bell
  ifreq = cpsmidinn(p4)
  iamp = ampdbfs(p5)
  iratio chnget "ratio"
  iindex chnget "index"
  aenv expseg 1, p3, 0.0005
  kindex expseg iindex, p3 * 0.4, 0.3, p3 * 0.6, 0.1
  abell foscili iamp * aenv, ifreq, 1, iratio, kindex, giSine
  ahum oscili iamp * 0.3 * aenv * aenv, ifreq * 0.5, giSine
  aL, aR pan2 abell + ahum, rnd(1)
  gaBusL += aL
  gaBusR += aR
endin

instr 99 ; master: a long stereo echo and a hall
  adlyL delayr 1
  atapL deltap 0.375
        delayw gaBusL + atapL * 0.35
  adlyR delayr 1
  atapR deltap 0.5
        delayw gaBusR + atapR * 0.35
  arevL, arevR reverbsc gaBusL + atapL * 0.5, gaBusR + atapR * 0.5, 0.9, 9000
  outs gaBusL + atapL * 0.3 + arevL * 0.4, gaBusR + atapR * 0.3 + arevR * 0.4
  clear gaBusL, gaBusR
endin
</CsInstruments>
<CsScore>
i 1 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
