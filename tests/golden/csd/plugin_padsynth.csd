<CsoundSynthesizer>
; plugin GEN (libpadsynth natively): "padsynth" tables (harmonic and inharmonic profiles) read by poscil
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

; size, GEN "padsynth": base freq, bandwidth (cents), partial scale, harmonic stretch, profile shape, profile param, amps
gipad1 ftgen 1, 0, 65536, "padsynth", 261.6255653, 25, 1, 1, 1, 1, 1, 0.5, 0.33, 0.25, 0.2, 0.1
gipad2 ftgen 2, 0, 32768, "padsynth", 220, 60, 1, 1.02, 2, 1.5, 1, 0.7, 0.4, 0.3

instr 1
  ifn = p5
  ibase = (ifn == 1 ? 261.6255653 : 220)
  kenv linseg 0, 0.05, 1, p3 - 0.1, 1, 0.05, 0
  a1 poscil 0.3 * kenv, p4 * (sr / ftlen(ifn)) / ibase, ifn
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 1 261.6255653 1
i1 1 1 330 2
e
</CsScore>
</CsoundSynthesizer>
