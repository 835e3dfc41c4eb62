<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
; STK plucked strings, modal and subtractive instruments (csound-plugins' stkops over STK 4.6.2), one note each.
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1  ; Mandolin (rawwaves mand*.raw): body size (2), pluck position (4), sustain (11), detune (1)
  a1 STKMandolin p4, 0.9, 2, 60, 4, 40, 11, 90, 1, 10
  out a1 * 0.5
endin
instr 2  ; Plucked: no controllers
  a1 STKPlucked p4, 0.9
  out a1 * 0.5
endin
instr 3  ; Sitar: no controllers
  a1 STKSitar p4, 0.9
  out a1 * 0.5
endin
instr 4  ; StifKarp: pickup position (4), string sustain (11), stretch (1)
  a1 STKStifKarp p4, 0.9, 4, 30, 11, 80, 1, 20
  out a1 * 0.5
endin
instr 5  ; ModalBar (marmstk1.raw): stick hardness (2), position (4), vibrato (11/1), volume (128), preset (16)
  a1 STKModalBar p4, 0.9, 2, 80, 4, 50, 11, 30, 1, 10, 128, 100, 16, 1
  out a1 * 0.5
endin
instr 6  ; Resonate: resonance frequency (2) and pole radius (4), notch frequency (11) and radius (1)
  kfreq line 20, p3, 90
  a1 STKResonate p4, 0.9, 2, kfreq, 4, 100, 11, 50, 1, 80
  out a1 * 0.3
endin
instr 7  ; Simple (impuls10.raw): filter pole (2), noise/pitched mix (4), envelope rate (11), gain (128)
  a1 STKSimple p4, 0.9, 2, 60, 4, 40, 11, 50, 128, 100
  out a1 * 0.5
endin
instr 8  ; Moog (mandpluk.raw, impuls20.raw): filter Q (2), sweep rate (4), vibrato (11/1), volume (128)
  kq line 20, p3, 110
  a1 STKMoog p4, 0.9, 2, kq, 4, 40, 11, 20, 1, 10, 128, 100
  out a1 * 0.5
endin
instr 9  ; VoicForm (ahh/eee/ooo.raw): voiced/unvoiced (2), vowel (4), vibrato (11/1), loudness (128)
  kvowel line 0, p3, 100
  a1 STKVoicForm p4, 0.9, 2, 100, 4, kvowel, 11, 40, 1, 10, 128, 100
  out a1 * 0.5
endin
</CsInstruments>
<CsScore>
i1 0    0.6 196
i2 0.7  0.6 220
i3 1.4  0.6 147
i4 2.1  0.6 330
i5 2.8  0.6 440
i6 3.5  0.6 220
i7 4.2  0.6 262
i8 4.9  0.6 220
i9 5.6  0.6 196
i1 6.3  0.4 294
e 6.9
</CsScore>
</CsoundSynthesizer>
