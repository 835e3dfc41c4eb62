// The benchmark CSD: three vco2 voices through moogladder filters with moving cutoffs, `seconds` long.
export function voicesCsd(seconds) {
  return `<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

instr 1
  kcut  expseg 200, p3 / 2, 4000 + p5, p3 / 2, 300
  asig  vco2 0.2, p4, 0
  afilt moogladder asig, kcut, 0.6
  outs  afilt * p6, afilt * (1 - p6)
endin
</CsInstruments>
<CsScore>
i 1 0 ${seconds} 110 0 0.2
i 1 0 ${seconds} 165 700 0.5
i 1 0 ${seconds} 220.5 1400 0.8
</CsScore>
</CsoundSynthesizer>
`;
}
