<CsoundSynthesizer>
; plugin opcodes (libmixer natively): MixerSetLevel, MixerSend, MixerReceive, MixerClear
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  a1 oscili 0.3, p4
  MixerSetLevel 1, 100, 0.5
  MixerSend a1, 1, 100, 0
endin
instr 100
  a1 MixerReceive 100, 0
  out a1
  MixerClear
endin
</CsInstruments>
<CsScore>
i1 0 1 220
i1 0.5 1 330
i100 0 1.5
e
</CsScore>
</CsoundSynthesizer>
