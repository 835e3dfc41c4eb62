<CsoundSynthesizer>
; control flow: if/elseif/else at i/k rate, while, until, loop_lt, kgoto, timout, reinit/rireturn, changed, trigger
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

instr 1
  kcount init 0
  kcount += 1
  if kcount % 100 < 30 then
    kfreq = 220
  elseif kcount % 100 < 60 then
    kfreq = 330
  else
    kfreq = 440
  endif
  ksum = 0
  ki = 0
  while ki < 5 do
    ksum += ki
    ki += 1
  od
  kj = 0
  until kj >= 3 do
    kj += 1
  od
  indx = 0
  itot = 0
loop:
  itot += indx
  loop_lt indx, 1, 4, loop
  ktrig changed kfreq
  kt2 trigger kfreq, 300, 0
  kenv init 0
  if ktrig == 1 then
    kenv = 1
  endif
  kenv *= 0.995
start:
  timout 0, 0.25, skip
  reinit start
skip:
  kv line 0, 0.25, 1
  rireturn
  a1 oscili 0.2 * kenv + 0.05 * kv, kfreq + ksum + kj + itot + kt2 * 10
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
