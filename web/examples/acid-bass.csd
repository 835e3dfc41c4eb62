<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Subtractive bass: a 16-step sequence of sawtooth notes through a resonant
; ladder filter whose cutoff an envelope opens on every note, more on the
; accented ones. Sweep "cutoff" and "resonance" live; while it plays, edit instr
; 2 (try vco2's mode 10 for a square wave), select it, and press Evaluate: the
; next notes use the new sound.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "cutoff", 1, 3, 500, 60, 6000
chn_k "resonance", 1, 2, 0.75, 0, 0.97
chn_k "envmod", 1, 2, 0.6, 0, 1
chn_k "tempo", 1, 1, 124, 70, 170
chn_k "filter", 2, 3, 500, 20, 20000

giNotes[] fillarray 36, 36, 48, 36, 39, 36, 43, 46, 36, 36, 48, 41, 39, 36, 34, 31
giAccent[] fillarray 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0
gaBus init 0

instr 1 ; sequencer: sixteenth notes
  ktempo chnget "tempo"
  kstep init 0
  if metro(ktempo / 15) == 1 then
    event "i", 2, 0, 15 / ktempo * 0.8, giNotes[kstep], giAccent[kstep]
    kstep = (kstep + 1) % 16
  endif
endin

instr 2 ; the bass voice
  ifreq = cpsmidinn(p4)
  iaccent = p5
  kamp linsegr 0, 0.004, 1, p3, 0.7, 0.03, 0
  kfenv expseg 1, 0.2 + iaccent * 0.1, 0.02, 1, 0.02
  kcutoff chnget "cutoff"
  kres chnget "resonance"
  kmod chnget "envmod"
  kcf limit kcutoff * (1 + kmod * (5 + 6 * iaccent) * kfenv), 30, 16000
  chnset kcf, "filter"
  asaw vco2 0.5, ifreq
  afilt moogladder asaw, kcf, kres
  gaBus += afilt * kamp * (0.7 + 0.3 * iaccent)
endin

instr 99 ; master: a little drive and a dotted-eighth echo
  ktempo chnget "tempo"
  adry = tanh(gaBus * 1.8) * 0.55
  aecho vdelay3 adry, a(45000 / ktempo), 2000
  outs adry + aecho * 0.25, adry + aecho * 0.35
  clear gaBus
endin
</CsInstruments>
<CsScore>
i 1 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
