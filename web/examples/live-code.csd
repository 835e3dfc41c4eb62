<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Live coding: a pattern player calls the instrument "Blip" eight times per bar.
; While it plays, change Blip (its waveform, its envelope, the filter), put the
; cursor inside it, and press Evaluate (Ctrl+Enter): the next notes use the new
; definition and the sound never stops. Selected score lines are evaluated too;
; select the next line (without the semicolon) and press Evaluate:
; i "Blip" 0 1 84
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "tempo", 1, 1, 110, 60, 180
chn_k "octave", 1, 1, 0, -2, 2

giPattern[] fillarray 60, 67, 63, 70, 72, 67, 63, 58
gaBusL init 0
gaBusR init 0

instr 1 ; the pattern player
  ktempo chnget "tempo"
  koctave chnget "octave"
  kstep init 0
  if metro(ktempo / 30) == 1 then
    event "i", "Blip", 0, 0.4, giPattern[kstep] + 12 * koctave
    kstep = (kstep + 1) % lenarray(giPattern)
  endif
endin

instr Blip
  ifreq = cpsmidinn(p4)
  kenv expsegr 1, p3, 0.01, 0.05, 0.001
  asig vco2 0.3 * kenv, ifreq, 12
  asig moogladder asig, 600 + 3000 * kenv, 0.4
  aL, aR pan2 asig, 0.5 + 0.3 * sin(p4)
  gaBusL += aL
  gaBusR += aR
endin

instr 99 ; master: an eighth-note echo
  ktempo chnget "tempo"
  aechoL vdelay3 gaBusL, a(30000 / ktempo), 2000
  aechoR vdelay3 gaBusR, a(45000 / ktempo), 2000
  outs gaBusL + aechoR * 0.3, gaBusR + aechoL * 0.3
  clear gaBusL, gaBusR
endin
</CsInstruments>
<CsScore>
i 1 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
