<CsoundSynthesizer>
; physical models: wgflute, wgclar, wgbow, wgbrass, wgbowedbar (noise inside uses the default seed)
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

gisine ftgen 1, 0, 4096, 10, 1
instr 1
  kenv linseg 0, 0.05, 1, p3 - 0.15, 1, 0.1, 0
  a1 wgflute kenv * 0.3, 440, 0.3, 0.1, 0.1, 0.15, 5.925, 0.05, 1
  a2 wgclar kenv * 0.3, 220, -0.3, 0.1, 0.1, 0.2, 5.735, 0.1, 1
  a3 wgbow kenv * 0.3, 196, 3, 0.127236, 6.12723, 0.002, 1
  a4 wgbrass kenv * 0.2, 110, 0.4, 0.1, 6, 0.01, 1
  a5 wgbowedbar kenv * 0.3, 330, 0.2, 0.2, 0.99
  outs a1 + a2, a3 + a4 + a5
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
