<CsoundSynthesizer>
<CsOptions>
-d -m6
</CsOptions>
<CsInstruments>
; Live input: your microphone through a ping-pong echo and a ring modulator. The
; page asks for the microphone because this orchestra uses `inch`. Wear
; headphones, or the echo feeds back through the speakers.
sr = 48000
ksmps = 32
nchnls = 2
nchnls_i = 1
0dbfs = 1

chn_k "echo time", 1, 3, 320, 40, 1500
chn_k "feedback", 1, 2, 0.45, 0, 0.9
chn_k "ring", 1, 3, 0.5, 0.5, 800
chn_k "wet", 1, 2, 0.5, 0, 1
chn_k "input", 2, 2, 0, 0, 1

instr 1
  ain inch 1
  chnset rms(ain) * 4, "input"
  kdelay chnget "echo time"
  kfeedback chnget "feedback"
  kring chnget "ring"
  kwet chnget "wet"
  kdelay port kdelay, 0.1
  ; ring modulation at low rates is a tremolo, at audio rates a metallic shift
  aring = ain * oscili(1, kring)
  ; ping-pong: the left echo feeds the right line, the right echo feeds back into the left
  aright init 0
  abufL delayr 2
  aleft deltapi a(kdelay / 1000)
        delayw aring + aright * kfeedback
  abufR delayr 2
  aright deltapi a(kdelay / 1000)
        delayw aleft
  outs ain * (1 - kwet) + aleft * kwet, ain * (1 - kwet) + aright * kwet
endin
</CsInstruments>
<CsScore>
i 1 0 3600
</CsScore>
</CsoundSynthesizer>
