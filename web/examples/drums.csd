<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Drum loop: every sound is synthesized. The kick is a sine whose pitch falls
; fast, the snare a tuned body plus band-passed noise, the hats high-passed
; noise; the patterns are arrays of 16 steps. "swing" delays every second
; sixteenth, "tone" tunes the snare and toms.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "tempo", 1, 1, 104, 60, 180
chn_k "swing", 1, 2, 0.12, 0, 0.4
chn_k "tone", 1, 2, 1, 0.6, 1.6
chn_k "kick", 2, 2, 0, 0, 1

;                  1  .  .  .  2  .  .  .  3  .  .  .  4  .  .  .
giKick[]  fillarray 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0
giSnare[] fillarray 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1
giHat[]   fillarray 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0
giOpen[]  fillarray 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1
giTom[]   fillarray 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0
giTomPitch[] fillarray 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 140, 105, 0
gaBusL init 0
gaBusR init 0

instr 1 ; the sequencer
  ktempo chnget "tempo"
  kswing chnget "swing"
  kstep init 0
  if metro(ktempo / 15) == 1 then
    ; every second sixteenth comes late by a share of a sixteenth
    kdelay = (kstep % 2) * kswing * 15 / ktempo
    if giKick[kstep] == 1 then
      event "i", 2, kdelay, 0.5
    endif
    if giSnare[kstep] == 1 then
      event "i", 3, kdelay, 0.3
    endif
    if giHat[kstep] == 1 then
      event "i", 4, kdelay, 0.06, (kstep % 4 == 0 ? -14 : -21)
    endif
    if giOpen[kstep] == 1 then
      event "i", 4, kdelay, 0.3, -17
    endif
    if giTom[kstep] == 1 then
      event "i", 5, kdelay, 0.4, giTomPitch[kstep]
    endif
    kstep = (kstep + 1) % 16
  endif
endin

instr 2 ; kick
  kpitch expseg 160, 0.035, 60, 0.3, 42
  aenv expseg 1, p3, 0.001
  aclick expseg 1, 0.004, 0.001
  abody oscili 0.9 * aenv, kpitch
  anoise rand 0.2
  akick = abody + anoise * aclick
  gaBusL += akick
  gaBusR += akick
  chnset 1, "kick"
endin

instr 3 ; snare
  itone chnget "tone"
  aenv expseg 1, p3, 0.001
  apitched = oscili(0.35, 185 * itone) + oscili(0.2, 330 * itone)
  abody = apitched * expseg(1, 0.08, 0.001)
  anoise rand 0.5
  anoise butterbp anoise, 3500, 3000
  asnare = (abody + anoise * aenv) * 0.9
  gaBusL += asnare * 0.9
  gaBusR += asnare
endin

instr 4 ; hat: p4 is the level in dB
  aenv expseg 1, p3, 0.001
  anoise rand ampdbfs(p4)
  ahat buthp anoise, 7500
  ahat buthp ahat, 7500
  gaBusL += ahat * aenv
  gaBusR += ahat * aenv * 0.7
endin

instr 5 ; tom: p4 is the pitch in Hz
  itone chnget "tone"
  kpitch expseg p4 * itone * 1.5, 0.04, p4 * itone, p3, p4 * itone * 0.8
  aenv expseg 1, p3, 0.001
  atom oscili 0.6 * aenv, kpitch
  gaBusL += atom * 0.6
  gaBusR += atom
endin

instr 99 ; master: glue the kit with soft saturation and a short room
  kkick chnget "kick"
  chnset kkick * 0.85, "kick"
  arevL, arevR reverbsc gaBusL, gaBusR, 0.5, 8000
  outs tanh((gaBusL + arevL * 0.15) * 1.2) * 0.8, tanh((gaBusR + arevR * 0.15) * 1.2) * 0.8
  clear gaBusL, gaBusR
endin
</CsInstruments>
<CsScore>
i 1 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
