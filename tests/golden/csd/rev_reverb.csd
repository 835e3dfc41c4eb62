<CsoundSynthesizer>
; reverbs: reverb, nreverb, reverb2 (alias of nreverb) on short bursts
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  kenv linseg 0, 0.01, 1, 0.05, 0, p3 - 0.06, 0
  asrc vco2 kenv * 0.5, 300
  a1 reverb asrc, 1.5
  a2 nreverb asrc, 2, 0.3
  a3 reverb2 asrc, 1, 0.6
  outs asrc + a1 * 0.3, a2 * 0.3 + a3 * 0.3
endin
</CsInstruments>
<CsScore>
i1 0 1
i1 1 1.5
e
</CsScore>
</CsoundSynthesizer>
