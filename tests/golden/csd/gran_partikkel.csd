<CsoundSynthesizer>
; granular: partikkel with a synthetic source table and fixed parameters
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1

giSine ftgen 0, 0, 65537, 10, 1
giCosine ftgen 0, 0, 8193, 9, 1, 1, 90
giWin ftgen 0, 0, 4096, 20, 2, 1
giPan ftgen 0, 0, 32768, -21, 1, 0
instr 1
  kgrainfreq = 100
  kdistribution = 0
  idisttab ftgentmp 0, 0, 16, 16, 1, 16, -10, 0
  async = 0
  kenv2amt = 0
  ienv2tab = giWin
  ienv_attack = giWin
  ienv_decay = giWin
  ksustain_amount = 0.5
  ka_d_ratio = 0.5
  kduration = 20
  kamp = 0.3
  igainmasks = -1
  kwavfreq line 220, p3, 440
  ksweepshape = 0
  iwavfreqstarttab = -1
  iwavfreqendtab = -1
  awavfm = 0
  ifmamptab = -1
  kfmenv = -1
  icosine = giCosine
  kTrainCps = kgrainfreq
  knumpartials = 3
  kchroma = 1
  ichannelmasks = -1
  krandommask = 0
  kwaveform1 = giSine
  kwaveform2 = giSine
  kwaveform3 = giSine
  kwaveform4 = giSine
  iwaveamptab = -1
  asamplepos1 = 0
  asamplepos2 = 0
  asamplepos3 = 0
  asamplepos4 = 0
  kwavekey1 = 1
  kwavekey2 = 1
  kwavekey3 = 1
  kwavekey4 = 1
  imax_grains = 100
  a1 partikkel kgrainfreq, kdistribution, idisttab, async, kenv2amt, ienv2tab, \
     ienv_attack, ienv_decay, ksustain_amount, ka_d_ratio, kduration, kamp, igainmasks, \
     kwavfreq, ksweepshape, iwavfreqstarttab, iwavfreqendtab, awavfm, \
     ifmamptab, kfmenv, icosine, kTrainCps, knumpartials, \
     kchroma, ichannelmasks, krandommask, kwaveform1, kwaveform2, kwaveform3, kwaveform4, \
     iwaveamptab, asamplepos1, asamplepos2, asamplepos3, asamplepos4, \
     kwavekey1, kwavekey2, kwavekey3, kwavekey4, imax_grains
  out a1
endin
</CsInstruments>
<CsScore>
i1 0 1.5
e
</CsScore>
</CsoundSynthesizer>
