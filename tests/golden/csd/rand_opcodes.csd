<CsoundSynthesizer>
; opcodes that draw from the C library's rand(), unseeded (natively glibc's generator, seeded 1 at process start):
; paulstretch (random phases) and pvsgendy (random walks of frequencies). The wasm build links glibc's generator.
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisrc ftgen 1, 0, 131072, 10, 1, 0.4, 0.3, 0.2, 0.1
gisine ftgen 2, 0, 4096, 10, 1
instr 1
  a1 paulstretch 2, 0.1, 1
  out a1 * 0.3
endin
instr 2
  asig oscili 0.3, 330, 2
  fsrc pvsanal asig, 1024, 256, 1024, 1
  fgen pvsgendy fsrc, 0.5, 0.2
  a2 pvsynth fgen
  out a2
endin
</CsInstruments>
<CsScore>
i1 0 1
i2 1 1
e
</CsScore>
</CsoundSynthesizer>
