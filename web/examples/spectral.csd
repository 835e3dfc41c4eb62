<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Spectral processing: a melody is analysed into frequency bins (pvsanal), and a
; second voice is made from the analysis: shifted in pitch (pvscale), smeared in
; time (pvsblur) and optionally frozen (pvsfreeze), then resynthesized. Set
; "freeze" to 1 to hold the current spectrum as a drone while the melody goes
; on.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "shift", 1, 1, 7, -12, 12
chn_k "blur", 1, 2, 0.08, 0, 0.5
chn_k "freeze", 1, 1, 0, 0, 1
chn_k "harmony", 1, 2, 0.7, 0, 1

giMelody[] fillarray 69, 72, 76, 74, 72, 71, 72, 64,  65, 69, 72, 71, 69, 67, 64, 62
gaVoice init 0

instr 1 ; the melody
  kstep init 0
  if metro(3) == 1 then
    event "i", 2, 0, 0.5, giMelody[kstep]
    kstep = (kstep + 1) % 16
  endif
endin

instr 2 ; a reedy voice
  ifreq = cpsmidinn(p4)
  kenv linsegr 0, 0.03, 1, p3, 0.6, 0.15, 0
  kvib lfo 0.004, 5.5
  asig vco2 0.25 * kenv, ifreq * (1 + kvib), 2, 0.3
  asig moogladder asig, 2800, 0.2
  asig dcblock2 asig ; a narrow pulse carries a constant offset
  gaVoice += asig
endin

instr 99 ; the spectral voice and the mix
  kshift chnget "shift"
  kblur chnget "blur"
  kfreeze chnget "freeze"
  kharmony chnget "harmony"
  fsrc pvsanal gaVoice, 2048, 512, 2048, 1
  ffrozen pvsfreeze fsrc, kfreeze, kfreeze
  fshift pvscale ffrozen, semitone(kshift), 1
  fsmear pvsblur fshift, kblur, 0.5
  aharm pvsynth fsmear
  arevL, arevR reverbsc gaVoice + aharm, gaVoice + aharm * 0.8, 0.85, 8000
  outs gaVoice * 0.8 + aharm * kharmony * 0.5 + arevL * 0.3, gaVoice * 0.6 + aharm * kharmony + arevR * 0.3
  clear gaVoice
endin
</CsInstruments>
<CsScore>
i 1 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
