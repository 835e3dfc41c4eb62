<CsoundSynthesizer>
; plugin opcodes (libtrigenvsegs natively): trigLinseg (a-rate), trigExpseg (k-rate) triggered by a metro
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  ktrig metro 3
  a1e trigLinseg ktrig, 0, 0.05, 1, 0.2, 0
  k2 trigExpseg ktrig, 0.001, 0.02, 1, 0.25, 0.001
  a1 oscili 0.3, 440
  out a1 * (a1e + k2) * 0.5
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
