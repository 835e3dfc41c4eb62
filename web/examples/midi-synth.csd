<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; MIDI synth: play it from a MIDI keyboard, or listen to the phrase the score
; repeats. The page opens Web MIDI because this orchestra uses MIDI opcodes, and
; turns on the engine's MIDI input (-M0) when the engine build accepts MIDI from
; the page. Notes from MIDI and from the score use the same instrument:
; midinoteoncps fills p4 and p5 only for notes that come from MIDI.
sr = 48000
ksmps = 32
nchnls = 2
0dbfs = 1

chn_k "brightness", 1, 3, 2200, 300, 9000
chn_k "detune", 1, 2, 0.25, 0, 1
chn_k "glide", 1, 2, 0.02, 0, 0.3
chn_k "level", 2, 2, 0, 0, 1

massign 0, "Synth"
giPhrase[] fillarray 57, 64, 69, 72, 71, 69, 64, 67,  53, 60, 65, 69, 67, 65, 60, 64
gaBusL init 0
gaBusR init 0

instr Synth ; p4: frequency in Hz, p5: velocity 0..127
  midinoteoncps p4, p5
  iamp = 0.12 + 0.18 * p5 / 127
  kbright chnget "brightness"
  kdetune chnget "detune"
  kglide chnget "glide"
  kfreq portk p4, kglide, p4 * 0.98
  kenv madsr 0.008, 0.25, 0.55, 0.35
  a1 vco2 iamp, kfreq * (1 - kdetune * 0.01)
  a2 vco2 iamp, kfreq * (1 + kdetune * 0.01), 2, 0.35
  kcut = kbright * (0.4 + 0.6 * kenv) * (0.6 + 0.4 * p5 / 127)
  afilt moogladder (a1 + a2) * kenv * 0.5, kcut, 0.35
  afilt dcblock2 afilt ; the narrow pulse of a2 carries a constant offset
  aL, aR pan2 afilt, 0.35 + 0.3 * (p4 % 100) / 100
  gaBusL += aL
  gaBusR += aR
endin

instr Phrase ; the demo phrase, with a little swing in the velocities
  kstep init 0
  if metro(4) == 1 then
    event "i", "Synth", 0, 0.22, cpsmidinn(giPhrase[kstep]), 70 + 40 * ((kstep + 1) % 2)
    kstep = (kstep + 1) % lenarray(giPhrase)
  endif
endin

instr 99 ; master: a chorus-like doubling and a room
  adelL vdelay3 gaBusL, a(12 + 3 * oscili:k(1, 0.3)), 50
  adelR vdelay3 gaBusR, a(15 + 3 * oscili:k(1, 0.23)), 50
  arevL, arevR reverbsc gaBusL + adelR, gaBusR + adelL, 0.8, 8000
  aL = gaBusL + adelR * 0.5 + arevL * 0.25
  aR = gaBusR + adelL * 0.5 + arevR * 0.25
  outs aL, aR
  chnset rms(aL + aR) * 1.5, "level"
  clear gaBusL, gaBusR
endin
</CsInstruments>
<CsScore>
i "Phrase" 0 3600
i 99 0 3600
</CsScore>
</CsoundSynthesizer>
