<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
; STK FM instruments (they read sinewave.raw, fwavblnk.raw, ... from the rawwaves) and the sampled drums and
; shakers (csound-plugins' stkops over STK 4.6.2), one note each.
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1  ; BeeThree: operator 4 gain (2), operator 3 gain (4), LFO speed (11) and depth (1), ADSR target (128)
  a1 STKBeeThree p4, 0.8, 2, 60, 4, 40, 11, 30, 1, 20, 128, 90
  out a1 * 0.5
endin
instr 2  ; FMVoices: vowel (2), spectral tilt (4), LFO speed (11) and depth (1), loudness (128)
  kvowel line 10, p3, 110
  a1 STKFMVoices p4, 0.8, 2, kvowel, 4, 60, 11, 30, 1, 10, 128, 100
  out a1 * 0.5
endin
instr 3  ; HevyMetl: total modulator index (2), modulator crossfade (4), LFO (11/1), ADSR target (128)
  a1 STKHevyMetl p4, 0.8, 2, 70, 4, 50, 11, 20, 1, 15, 128, 100
  out a1 * 0.5
endin
instr 4  ; PercFlut
  a1 STKPercFlut p4, 0.8, 2, 50, 4, 60, 11, 40, 1, 10
  out a1 * 0.5
endin
instr 5  ; Rhodey
  kindex line 20, p3, 100
  a1 STKRhodey p4, 0.8, 2, kindex, 4, 50, 11, 30, 1, 10
  out a1 * 0.5
endin
instr 6  ; TubeBell
  a1 STKTubeBell p4, 0.8, 2, 60, 4, 40, 11, 20, 1, 10
  out a1 * 0.5
endin
instr 7  ; Wurley
  a1 STKWurley p4, 0.8, 2, 60, 4, 40, 11, 30, 1, 20
  out a1 * 0.5
endin
instr 8  ; Drummer: p4 is a General MIDI drum note (bass drum 36, snare 38, closed hi-hat 42, crash 49, ...)
  a1 STKDrummer p4, 0.9
  out a1 * 0.5
endin
instr 9  ; Shakers: p4 picks the shaker; energy (2), decay (4), objects (11), resonance (1), type (1071)
  a1 STKShakers p4, 0.9, 2, 100, 4, 60, 11, 60, 1, 80
  out a1 * 0.5
endin
</CsInstruments>
<CsScore>
i1 0    0.5 220
i2 0.55 0.5 196
i3 1.1  0.5 147
i4 1.65 0.5 440
i5 2.2  0.5 262
i6 2.75 0.5 330
i7 3.3  0.5 220
i8 3.85 0.3 36
i8 4.2  0.3 38
i8 4.55 0.3 42
i8 4.9  0.5 49
i9 5.45 0.5 220
i9 6.0  0.5 440
e 6.6
</CsScore>
</CsoundSynthesizer>
