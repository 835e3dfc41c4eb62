<CsoundSynthesizer>
; rate conversion: downsamp, upsamp, interp, samphold, fold, decimation via int, k-rate ksmps 64
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 64
nchnls = 1
0dbfs = 1

instr 1
  asig oscili 0.5, 440
  ks downsamp asig
  a1 upsamp ks
  a2 interp ks
  ktrig metro 30
  a3 samphold asig, a(ktrig)
  kfold line 1, p3, 20
  a4 fold asig, kfold
  abits = int(asig * 8) / 8
  out (a1 + a2 + a3 + a4 + abits) * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
