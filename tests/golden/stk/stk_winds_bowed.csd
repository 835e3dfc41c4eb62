<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
; STK instruments with breath, bow or reed excitation (csound-plugins' stkops over STK 4.6.2), one note each, some
; with controllers moving at k-rate (controller numbers are STK's, see each class's documentation).
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1  ; BandedWG, struck (its default): strike position (8), mode gain (1)
  kpos line 20, p3, 100
  a1 STKBandedWG p4, 0.9, 8, kpos, 1, 100
  out a1 * 10
endin
instr 2  ; BlowBotl: noise gain (4), vibrato frequency (11) and gain (1), volume (128)
  a1 STKBlowBotl p4, 0.7, 4, 30, 11, 40, 1, 20, 128, 100
  out a1 * 0.5
endin
instr 3  ; BlowHole: reed stiffness (2), noise gain (4), tonehole (11), register (1), breath (128)
  ktone line 0, p3, 127
  a1 STKBlowHole p4, 0.8, 2, 64, 4, 20, 11, ktone, 1, 10, 128, 100
  out a1 * 0.5
endin
instr 4  ; Bowed: bow pressure (2), position (4), vibrato (11/1), volume (128)
  kpos line 20, p3, 100
  a1 STKBowed p4, 0.9, 2, 80, 4, kpos, 11, 30, 1, 10, 128, 100
  out a1 * 0.5
endin
instr 5  ; Brass: vibrato frequency (11) and gain (1), volume (128)
  a1 STKBrass p4, 0.8, 11, 20, 1, 5, 128, 110
  out a1 * 20
endin
instr 6  ; Clarinet: reed stiffness (2), noise (4), vibrato (11/1), breath (128)
  kstiff line 30, p3, 90
  a1 STKClarinet p4, 0.8, 2, kstiff, 4, 10, 11, 30, 1, 15, 128, 100
  out a1 * 0.5
endin
instr 7  ; Flute: jet delay (2), noise (4), vibrato (11/1), breath (128)
  a1 STKFlute p4, 0.8, 2, 50, 4, 30, 11, 40, 1, 20, 128, 100
  out a1 * 0.5
endin
instr 8  ; Saxofony: reed stiffness (2), aperture (26), noise (4), blow position (11), vibrato gain (1)
  a1 STKSaxofony p4, 0.8, 2, 60, 26, 70, 4, 20, 11, 40, 1, 10
  out a1 * 0.5
endin
instr 9  ; Whistle: noise (4), fipple frequency (11), fipple gain (1), volume (128)
  a1 STKWhistle p4, 0.8, 4, 40, 11, 60, 1, 30, 128, 100
  out a1 * 0.5
endin
</CsInstruments>
<CsScore>
i1 0    0.6 220
i2 0.7  0.6 440
i3 1.4  0.6 220
i4 2.1  0.6 196
i5 2.8  0.6 220
i6 3.5  0.6 294
i7 4.2  0.6 523
i8 4.9  0.6 330
i9 5.6  0.6 880
; a second note of the same instrument reuses the opcode's STK object (it is made at the first note only)
i4 6.3  0.4 262
e 6.9
</CsScore>
</CsoundSynthesizer>
