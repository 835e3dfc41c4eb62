<CsoundSynthesizer>
; float -> integer conversions beyond the 32-bit range, where wasm32's 32-bit long differs from x86-64's:
; table oscillators whose phase increment (frequency x 2^28 / sr) exceeds 2^31. Natively the increment keeps its low
; 32 bits, so the oscillators sound at the frequency modulo sr (440 Hz, 330 Hz, ...); before the MYFLT2LONG patch
; (patches/csound/0001) they were silent in wasm. Instrument 2: a numbered bus channel (chano/chani round the index
; with lrint) beyond 2^32, which keeps its low 32 bits natively (cpp/lp64_lrint.c).
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 4096, 10, 1
giharm ftgen 2, 0, 2048, 10, 1, 0.5, 0.33, 0.25, 0.2
instr 1
  kf = p4 * sr + p5
  a1 oscil 0.15, kf, 2
  a2 oscili 0.15, kf * 1.0000001, 1
  a3 oscil3 0.15, -kf, 2
  af = kf + a(linseg(0, p3, 50))
  a4 oscili 0.15, af, 1
  out a1 + a2 + a3 + a4
endin
instr 2
  kamp linseg 0.1, p3, 0.3
  chano kamp, 4294967296 + 5
  kback chani 5
  a1 oscili kback, 440, 1
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 0.5 10 440
i1 0.5 0.5 130 331
i1 1 0.5 -40 220
i1 1.5 0.5 7000000 110
i2 2 0.5
e
</CsScore>
</CsoundSynthesizer>
