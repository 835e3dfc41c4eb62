<CsoundSynthesizer>
; plugin opcodes (libpvsops natively): pvsgain, pvstrace on an analysed saw
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  asaw vco2 0.3, 110
  f1 pvsanal asaw, 1024, 256, 1024, 1
  kg line 0.2, p3, 1
  fg pvsgain f1, kg
  ft pvstrace fg, 10
  a1 pvsynth ft
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
