<CsoundSynthesizer>
; reverbs: freeverb, reverbsc (reverbsc uses its own fixed internal random seed)
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  kenv linseg 0, 0.01, 1, 0.1, 0, p3 - 0.11, 0
  asrc oscili kenv * 0.5, 440
  aL, aR freeverb asrc, asrc, 0.8, 0.3
  a3, a4 reverbsc asrc, asrc, 0.85, 8000
  outs aL + a3, aR + a4
endin
</CsInstruments>
<CsScore>
i1 0 2
e
</CsScore>
</CsoundSynthesizer>
