<CsoundSynthesizer>
; per-sample table lookups at the edges of their integer conversion (patches/csound/0014 computes these integers
; without a rounding instruction in wasm): a-rate table, tablei, table3 and tablew with indices below zero,
; fractional on both sides of zero, and next to +-2^31 where the fast path hands over to the plain conversion, raw
; and normalised, wrapped and clamped; poscil and poscil3 with falling, negative and fast frequencies and phase
; offsets; lposcil and lposcil3 looping a segment.
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisin ftgen 1, 0, 4096, 10, 1, 0.3, 0.1
giodd ftgen 2, 0, 1000, 7, -1, 400, 1, 600, -1
giw   ftgen 3, 0, 1024, -2, 0
instr 1 ; sweeps through negative, fractional and wrapped indices
  aramp line -3.3, p3, 3.7
  a1 tablei aramp, 1, 1, 0, 1
  a2 tablei aramp * 1000, 2, 0, 0.5, 0
  a3 table3 aramp, 1, 1, 0.25, 1
  a4 table aramp * 4096, 1, 0, 0, 1
  a5 tablei aramp * 1000 - 0.5, 2, 0, 0, 1
  out (a1 + a2 + a3 + a4 + a5) * 0.1
endin
instr 2 ; indices near 2^31 on a power-of-two table, wrapped: the fast path ends below 2147483647
  kstep init 0 ; exact binary steps: a ramp's last bit may differ between builds and move a table read at 2^31
  abig = a(p4 + kstep)
  kstep += 1/64
  a1 tablei abig, 1, 0, 0, 1
  a2 table abig + 0.75, 1, 0, 0, 1
  out (a1 + a2) * 0.2
endin
instr 3 ; tablew writing at fractional and negative a-rate indices, read back
  aidx line -20.5, p3, 1100.5
  asig oscili 0.5, 3, 1
  tablew asig, aidx, 3, 0, 0, 2
  tablew a(0.25), aidx * 0.001, 3, 1, 0, 1
  ar tablei aidx, 3, 0, 0, 1
  out ar * 0.3
endin
instr 4 ; poscil family: negative and fast frequencies, a-rate frequency, a phase offset
  kf line p4, p3, -p4
  a1 poscil 0.2, kf, 1, 0.75
  a2 poscil 0.2, a(kf) * 7.3, 2
  a3 poscil3 0.2, kf * 0.31, 2, 0.1
  a4 poscil3 0.2, a(kf) + 9000, 1
  out a1 + a2 + a3 + a4
endin
instr 5 ; lposcil and lposcil3 looping a segment at rising speeds (backwards reads outside the table natively)
  kspeed line 0.5, p3, 2.5
  a1 lposcil 0.3, kspeed, 100, 900, 2
  a2 lposcil3 0.3, kspeed * 1.7, 50, 700, 1
  out a1 + a2
endin
</CsInstruments>
<CsScore>
i1 0 1
i2 1 0.25 2147483620.25
i2 1.25 0.25 2147483639.25
i2 1.5 0.25 -2147483647.75
i3 1.75 0.5
i4 2.25 0.75 2300
i5 3 0.75
e
</CsScore>
</CsoundSynthesizer>
