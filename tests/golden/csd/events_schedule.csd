<CsoundSynthesizer>
; event scheduling from the orchestra: schedule, event_i, schedkwhen, event, turnoff, nstrnum, named instruments
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  schedule "beep", 0, 0.2, 440
  event_i "i", "beep", 0.3, 0.2, 550
  ktrig metro 4
  schedkwhen ktrig, 0, 3, "beep", 0, 0.1, 660
  if timeinsts() > 1 then
    event "i", nstrnum("beep"), 0, 0.1, 880
    turnoff
  endif
endin
instr beep
  kenv linseg 0, 0.01, 1, p3 - 0.02, 1, 0.01, 0
  a1 oscili 0.2 * kenv, p4
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 1.5
i "beep" 1.6 0.3 330
e
</CsScore>
</CsoundSynthesizer>
