<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Granular texture: clouds of short grains read from a soft wavetable at
; randomly jittered pitches. Each chord tone is its own cloud; "density" sets
; grains per second, "spread" how far the grains stray from the pitch, "grain"
; the grain length.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "density", 1, 3, 60, 5, 400
chn_k "spread", 1, 2, 0.02, 0, 0.3
chn_k "grain", 1, 3, 60, 8, 200
chn_k "level", 2, 2, 0, 0, 1

giWave ftgen 0, 0, 16384, 10, 1, 0.42, 0.2, 0.11, 0.06, 0.03, 0.015
giWindow ftgen 0, 0, 8192, 20, 2, 1
giTones[] fillarray 57, 64, 69, 71, 76,  55, 62, 67, 74, 78,  53, 60, 69, 72, 76
gaBusL init 0
gaBusR init 0

instr 1 ; every seven seconds the clouds move to the next chord
  kchord init 0
  if metro(1/7) == 1 then
    kvoice = 0
    while kvoice < 5 do
      event "i", 2, kvoice * 0.4, 9, giTones[kchord * 5 + kvoice], kvoice
      kvoice += 1
    od
    kchord = (kchord + 1) % 3
  endif
endin

instr 2 ; one grain cloud
  ifreq = cpsmidinn(p4)
  kenv linseg 0, 3, 1, p3 - 6, 1, 3, 0
  kdensity chnget "density"
  kspread chnget "spread"
  kgrain chnget "grain"
  kdensity port kdensity, 0.1
  aL grain 0.03 * kenv, ifreq, kdensity, 0.01 * kenv, ifreq * kspread, kgrain / 1000, giWave, giWindow, 0.25
  aR grain 0.03 * kenv, ifreq * 1.003, kdensity, 0.01 * kenv, ifreq * kspread, kgrain / 1000, giWave, giWindow, 0.25
  ; the upper voices drift a little in brightness
  aL butterlp aL, 2500 + 1500 * p5
  aR butterlp aR, 2500 + 1500 * p5
  gaBusL += aL
  gaBusR += aR
endin

instr 99 ; master: a wide hall
  arevL, arevR reverbsc gaBusL, gaBusR, 0.93, 6000
  aL = gaBusL * 0.6 + arevL * 0.7
  aR = gaBusR * 0.6 + arevR * 0.7
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
