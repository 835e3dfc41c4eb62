<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Warm pad: a slow chord progression, three detuned oscillators per voice
; through a ladder filter, into a stereo reverb. Move "brightness" and "space"
; while it plays.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

; chn_k name, mode (1 = in, 2 = out), type (2 = linear, 3 = exponential), default, min, max
chn_k "brightness", 1, 3, 1400, 200, 8000
chn_k "space", 1, 2, 0.45, 0, 1
chn_k "level", 2, 2, 0, 0, 1

gaBusL init 0
gaBusR init 0

; four voicings (MIDI note numbers), one per bar
giChords[] fillarray 50, 57, 62, 65,  46, 53, 62, 69,  43, 55, 62, 70,  45, 52, 60, 67

instr 1 ; the conductor: a new chord every five seconds
  kchord init 0
  if metro(0.2) == 1 then
    kvoice = 0
    while kvoice < 4 do
      event "i", 2, 0, 6.5, giChords[kchord * 4 + kvoice], -17 - kvoice
      kvoice += 1
    od
    kchord = (kchord + 1) % 4
  endif
endin

instr 2 ; one pad voice
  ifreq = cpsmidinn(p4)
  iamp = ampdbfs(p5)
  kenv linseg 0, 2.2, 1, p3 - 4.2, 0.85, 2, 0
  kbright chnget "brightness"
  kbright port kbright, 0.08
  klfo lfo 0.25, 0.13 + rnd(0.08)
  a1 vco2 iamp, ifreq * 0.996
  a2 vco2 iamp, ifreq * 1.004
  a3 vco2 iamp * 0.6, ifreq * 0.5, 10
  afilt moogladder (a1 + a2 + a3) * kenv, kbright * (1 + klfo), 0.25
  ipan = 0.2 + rnd(0.6)
  aL, aR pan2 afilt, ipan
  gaBusL += aL
  gaBusR += aR
endin

instr 99 ; master: reverb send and the output meter
  kspace chnget "space"
  kspace port kspace, 0.05
  arevL, arevR reverbsc gaBusL, gaBusR, 0.88, 7000
  aL = gaBusL * (1 - kspace * 0.5) + arevL * kspace
  aR = gaBusR * (1 - kspace * 0.5) + arevR * kspace
  outs aL, aR
  chnset rms(aL + aR) * 1.5, "level"
  clear gaBusL, gaBusR
endin
</CsInstruments>
<CsScore>
i 1 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
