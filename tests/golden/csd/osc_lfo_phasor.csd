<CsoundSynthesizer>
; oscillators: lfo shapes, phasor, vco, oscilikt, syncphasor
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

gisine ftgen 1, 0, 8192, 10, 1
gisq ftgen 2, 0, 1024, 7, 1, 512, 1, 0, -1, 512, -1
instr 1
  k1 lfo 0.1, 3, 0
  k2 lfo 0.1, 2, 1
  k3 lfo 0.1, 5, 4
  k4 lfo 0.1, 4, 5
  aph phasor p4
  a1 tablei aph, 1, 1
  a2 vco 0.2, p4 * 1.5, 1, 0.5, 1
  a3 oscilikt 0.2, p4 * 2, 2
  async init 0
  aout, async2 syncphasor p4 * 0.5, async
  a4 tablei aout, 1, 1
  out a1 * (0.3 + k1 + k2 + k3 + k4) + a2 + a3 + a4 * 0.2
endin
</CsInstruments>
<CsScore>
i1 0 2 150
e
</CsScore>
</CsoundSynthesizer>
