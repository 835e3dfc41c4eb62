<CsoundSynthesizer>
; physical models: repluck, wgpluck2, wgpluck, streson
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  aexc mpulse 0.5, 0.4
  a1 repluck 0.4, 0.3, 220, 0.7, 0.5, aexc
  a2 wgpluck2 0.2, 0.3, 330, 0.3, 0.2
  a3 wgpluck 247, 0.3, 0.2, 0, 10, 1000, aexc
  a4 streson aexc, 440, 0.95
  out (a1 + a2 + a3 * 0.1 + a4) * 0.5
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
