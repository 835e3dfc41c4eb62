// The benchmark suite: CSDs that each stress one family of opcodes or one kind of engine work, as functions of the
// length of audio they render (the full run renders SECONDS of each, `--quick` one second). Everything is
// deterministic (fixed seeds, scores generated with a seeded generator), so native Csound and csound-wasm render
// the same samples and every timing comes with an output comparison.
//
// Two helper files are rendered by native Csound into the scratch folder before the suite runs (no downloaded
// data): sample.wav (mono, 2 s, a decaying filtered sawtooth for loscil, diskin2 and partikkel) and ir.wav (stereo,
// 1 s, decaying filtered noise, the impulse response of ftconv and pconvolve).

export interface BenchCsd {
  /** Short id, used for file names and table rows. */
  name: string;
  /** What it covers, for the report. */
  covers: string;
  /** The CSD text rendering `seconds` of audio. */
  csd(seconds: number): string;
  /** Helper files (of HELPER_CSDS) it reads from its working folder. */
  files?: string[];
}

/** Length of audio of each CSD in a full run; `--quick` uses QUICK_SECONDS. */
export const SECONDS = 10;
export const QUICK_SECONDS = 1;

/** A small seeded generator (mulberry32) for the generated scores: the same numbers on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PENTATONIC = [0, 2, 4, 7, 9];
const f = (x: number, digits = 4): string => x.toFixed(digits);

function wrap(header: string, orchestra: string, score: string): string {
  return `<CsoundSynthesizer>
<CsOptions>
-d
</CsOptions>
<CsInstruments>
${header.trim()}
nchnls = 2
0dbfs = 1
seed 12345

${orchestra.trim()}
</CsInstruments>
<CsScore>
${score.trim()}
e
</CsScore>
</CsoundSynthesizer>
`;
}

const SR = 'sr = 44100';
const K = (ksmps: number): string => `${SR}\nksmps = ${ksmps}`;

/** The helper files, rendered by native Csound with `-W -f -o <name>` (32-bit float WAV). */
export const HELPER_CSDS: Record<string, string> = {
  'sample.wav': `<CsoundSynthesizer>
<CsInstruments>
sr = 44100
ksmps = 1
nchnls = 1
0dbfs = 1
instr 1
  kenv expseg 0.001, 0.01, 1, 1.98, 0.01
  kvib oscili 3, 5.5
  a1 vco2 0.6, 220 + kvib
  a2 vco2 0.3, 330.7, 2, 0.4
  a3 butterlp a1 + a2, 2500
  out a3 * kenv
endin
</CsInstruments>
<CsScore>
i 1 0 2
</CsScore>
</CsoundSynthesizer>
`,
  'ir.wav': `<CsoundSynthesizer>
<CsInstruments>
sr = 44100
ksmps = 1
nchnls = 2
0dbfs = 1
instr 1
  aenv expseg 1, 1, 0.0005
  aL rand 0.5, 0.3
  aR rand 0.5, 0.7
  aL butterlp aL, 6000
  aR butterlp aR, 5000
  outs aL * aenv, aR * aenv
endin
</CsInstruments>
<CsScore>
i 1 0 1
</CsScore>
</CsoundSynthesizer>
`,
};

export const SUITE: BenchCsd[] = [
  {
    name: 'table-osc-poly',
    covers: '96 voices, each oscili + poscil + phasor/tablei on 16k GEN10 tables',
    csd: (s) => {
      const rnd = random(1);
      const notes: string[] = [];
      for (let v = 0; v < 96; v++) {
        notes.push(`i 1 ${f(rnd() * 0.5)} ${f(s - 0.5)} ${f(0.008)} ${f(55 * 2 ** (rnd() * 5), 3)} ${f(rnd(), 3)}`);
      }
      return wrap(K(32), `
giSine ftgen 1, 0, 16384, 10, 1
giSaw  ftgen 2, 0, 16384, 10, 1, 1/2, 1/3, 1/4, 1/5, 1/6, 1/7, 1/8, 1/9, 1/10, 1/11, 1/12, 1/13, 1/14, 1/15, 1/16
giSq   ftgen 3, 0, 16384, 10, 1, 0, 1/3, 0, 1/5, 0, 1/7, 0, 1/9, 0, 1/11, 0, 1/13
instr 1
  kenv linseg 0, 0.05, 1, p3 - 0.1, 0.7, 0.05, 0
  a1 oscili p4 * kenv, p5, giSaw
  a2 poscil p4 * kenv, p5 * 1.003, giSq
  aph phasor p5 * 0.997
  a3 tablei aph, giSine, 1, 0, 1
  a3 = a3 * p4 * kenv
  outs (a1 + a3) * p6, (a2 + a3) * (1 - p6)
endin`, notes.join('\n'));
    },
  },
  {
    name: 'subtractive',
    covers: '8 voices of vco2 (saw, PWM) into moogladder, zdf_ladder and zdf_2pole with LFO-swept cutoffs',
    csd: (s) => {
      const notes: string[] = [];
      for (let v = 0; v < 8; v++) notes.push(`i 1 0 ${s} ${f(55 * 2 ** (v / 3), 3)} ${f(0.1 + v * 0.037, 3)} ${f(v / 15, 3)}`);
      return wrap(K(32), `
instr 1
  klfo oscili 1, p5
  kcut = 400 + 2400 * (0.5 + 0.5 * klfo)
  as vco2 0.08, p4
  aq vco2 0.08, p4 * 1.005, 2, 0.3
  am moogladder as, kcut, 0.7
  az zdf_ladder aq, kcut * 1.3, 6
  a2 zdf_2pole am + az, kcut * 2, 2, 0
  kenv linseg 0, 0.1, 1, p3 - 0.2, 1, 0.1, 0
  outs a2 * kenv * p6, a2 * kenv * (1 - p6)
endin`, notes.join('\n'));
    },
  },
  {
    name: 'fm',
    covers: '24 foscili voices and 12 feedback-FM voices (a UDO with setksmps 1 reading a sine through tablei)',
    csd: (s) => {
      const notes: string[] = [];
      for (let v = 0; v < 24; v++) notes.push(`i 1 0 ${s} ${f(110 * 2 ** (v / 12), 3)} ${1 + (v % 4)} ${f(1 + (v % 3) * 0.5, 2)}`);
      for (let v = 0; v < 12; v++) notes.push(`i 2 0 ${s} ${f(82.5 * 2 ** (v / 6), 3)} ${f(0.3 + v * 0.05, 2)}`);
      return wrap(K(32), `
giSine ftgen 1, 0, 8192, 10, 1
opcode FeedbackFM, a, kkk
  kamp, kcps, kfb xin
  setksmps 1
  kph init 0
  kprev init 0
  kout tablei kph + kfb * kprev, giSine, 1, 0, 1
  kprev = kout
  kph = frac(kph + kcps / sr)
  xout a(kamp * kout)
endop
instr 1
  kndx linseg 0, p3 / 2, 6, p3 / 2, 1
  a1 foscili 0.02, p4, 1, p5, kndx, giSine
  a2 foscili 0.02, p4 * 1.002, p6, 1, kndx * 0.7, giSine
  outs a1, a2
endin
instr 2
  kfb linseg 0.1, p3, p5 * 2
  a1 FeedbackFM 0.04, p4, kfb
  outs a1, a1
endin`, notes.join('\n'));
    },
  },
  {
    name: 'phase-vocoder',
    covers: '4 streams of pvsanal (1024/256) -> pvscale -> pvsblur -> pvsynth on vco2 sources',
    csd: (s) => {
      const notes: string[] = [];
      for (let v = 0; v < 4; v++) notes.push(`i 1 0 ${s} ${f(110 * (v + 1) * 0.75, 3)} ${f(0.7 + v * 0.2, 2)}`);
      return wrap(K(32), `
instr 1
  asrc vco2 0.2, p4
  anz rand 0.02
  fsig pvsanal asrc + anz, 1024, 256, 1024, 1
  kscl linseg 1, p3, p5
  fsc pvscale fsig, kscl, 1
  fbl pvsblur fsc, 0.15, 0.5
  aout pvsynth fbl
  outs aout * 0.5, aout * 0.5
endin`, notes.join('\n'));
    },
  },
  {
    name: 'reverbs',
    covers: 'plucked notes into 4 parallel banks of reverbsc, freeverb and nreverb (global audio buses)',
    csd: (s) => {
      const rnd = random(5);
      const notes: string[] = [];
      for (let t = 0; t < s - 0.5; t += 0.125) notes.push(`i 1 ${f(t, 3)} 0.3 ${f(110 * 2 ** (Math.floor(rnd() * 24) / 12), 3)} ${f(rnd(), 3)}`);
      for (let b = 0; b < 4; b++) notes.push(`i 99 0 ${s} ${f(0.6 + b * 0.1, 2)} ${6000 + b * 2000} ${f(1.5 + b * 0.5, 2)}`);
      notes.push(`i 100 0 ${s}`);
      return wrap(K(32), `
gaL init 0
gaR init 0
instr 1
  aenv expon 1, p3, 0.001
  a1 vco2 0.2, p4
  a1 = a1 * aenv
  gaL += a1 * p5
  gaR += a1 * (1 - p5)
endin
instr 99
  aL1, aR1 reverbsc gaL, gaR, 0.5 + p4 * 0.4, p5
  aL2, aR2 freeverb gaL, gaR, p4, 0.35
  aN nreverb (gaL + gaR) * 0.5, p6, 0.3
  outs (aL1 + aL2 + aN) * 0.1, (aR1 + aR2 + aN) * 0.1
endin
instr 100
  clear gaL, gaR
endin`, notes.join('\n'));
    },
  },
  {
    name: 'convolution',
    covers: 'a stereo 1 s impulse response (ir.wav) through ftconv (partitions 256) and pconvolve (1024)',
    files: ['ir.wav'],
    csd: (s) => {
      const rnd = random(7);
      const notes: string[] = [];
      for (let t = 0; t < s - 0.5; t += 0.25) notes.push(`i 1 ${f(t, 3)} 0.1 ${f(220 * 2 ** Math.floor(rnd() * 3), 3)}`);
      notes.push(`i 99 0 ${s}`);
      return wrap(K(64), `
giIR ftgen 0, 0, 0, 1, "ir.wav", 0, 0, 0
gasrc init 0
instr 1
  aenv expon 1, p3, 0.01
  a1 vco2 0.3, p4
  gasrc += a1 * aenv
endin
instr 99
  aL1, aR1 ftconv gasrc, giIR, 256
  aL2, aR2 pconvolve gasrc, "ir.wav", 1024
  outs (aL1 + aL2) * 0.05 + gasrc * 0.2, (aR1 + aR2) * 0.05 + gasrc * 0.2
  clear gasrc
endin`, notes.join('\n'));
    },
  },
  {
    name: 'granular',
    covers: 'partikkel on sample.wav (80 and 100 grains/s, channel masks), grain3 clouds and fof formant voices',
    files: ['sample.wav'],
    csd: (s) => wrap(K(32), `
giCosine ftgen 0, 0, 8193, 9, 1, 1, 90
giDisttab ftgen 0, 0, 32768, 7, 0, 32768, 1
giFile ftgen 0, 0, 0, 1, "sample.wav", 0, 0, 0
giWin ftgen 0, 0, 4096, 20, 9, 1
giPan ftgen 0, 0, 32, -2, 0, 2, 0, 0.2, 0.8, 0.4, 0.6, 0.1, 0.9, 0.3, 0.7, 0.5, 0.5, 0, 1, 0.25
giSine ftgen 0, 0, 8192, 10, 1
giSig ftgen 0, 0, 1024, 19, 0.5, 0.5, 270, 0.5
giHan ftgen 0, 0, 8192, 20, 2, 1
instr 1
  ifildur = tableng(giFile) / sr
  kwavfreq = cent(p5) / ifildur
  apos phasor 0.3 / ifildur
  azero = 0
  aL, aR partikkel p4, 0, giDisttab, azero, 1, giWin, -1, -1, 0.5, 0.5, 60, 0.12, -1, \\
      kwavfreq, 0, -1, -1, azero, -1, -1, giCosine, p4, 1, 1, giPan, 0, \\
      giFile, giFile, giFile, giFile, -1, apos, apos, apos, apos, 1, 1, 1, 1, 200
  outs aL, aR
endin
instr 2
  kcps linseg p4, p3, p4 * 1.5
  a1 grain3 kcps, 0.3, 0.05, 0.1, 0.08, 120, 60, giSine, giHan, 0, 0, 4321, 0
  outs a1 * 0.05, a1 * 0.05
endin
instr 3
  kform linseg p5, p3 / 2, p5 * 1.6, p3 / 2, p5
  a1 fof 0.05, p4, kform, 0, 80, 0.003, 0.02, 0.007, 60, giSine, giSig, p3
  a2 fof 0.03, p4, kform * 1.9, 0, 120, 0.003, 0.02, 0.007, 60, giSine, giSig, p3
  outs a1 + a2, a1 + a2
endin`, `
i 1 0 ${s} 100 0
i 1 0 ${s} 80 700
i 2 0 ${s} 220
i 2 0 ${s} 330
i 3 0 ${s} 110 600
i 3 0 ${s} 165 900
i 3 0 ${s} 220 1200`),
  },
  {
    name: 'physical-models',
    covers: 'pluck, repluck, wguide2 (noise-excited) and bamboo notes, 32 per second of 1 s each',
    csd: (s) => {
      const rnd = random(9);
      const notes: string[] = [];
      for (let t = 0, n = 0; t < s - 0.25; t += 1 / 32, n++) {
        const freq = f(110 * 2 ** (PENTATONIC[Math.floor(rnd() * 5)] / 12 + Math.floor(rnd() * 3)), 3);
        notes.push(`i ${1 + (n % 4)} ${f(t, 4)} ${f(Math.min(1, s - t), 4)} ${freq} ${f(rnd(), 3)}`);
      }
      return wrap(K(32), `
instr 1
  a1 pluck 0.2, p4, p4, 0, 1
  outs a1 * p5, a1 * (1 - p5)
endin
instr 2
  aex rand 0.1
  aex = aex * expon:a(1, 0.05, 0.001)
  a1 repluck 0.3, 0.3, p4, 0.4, 0.6, aex
  outs a1 * p5, a1 * (1 - p5)
endin
instr 3
  aex rand 0.2
  aex = aex * expon:a(1, 0.02, 0.001)
  a1 wguide2 aex, p4, p4 * 1.5, 5000, 4000, 0.25, 0.23
  outs a1 * p5, a1 * (1 - p5)
endin
instr 4
  a1 bamboo 0.3, 0.01
  outs a1 * p5, a1 * (1 - p5)
endin`, notes.join('\n'));
    },
  },
  {
    name: 'sample-playback',
    covers: '24 loscil voices (looping a GEN01 table) and 24 diskin2 voices (sinc, varying pitch) on sample.wav',
    files: ['sample.wav'],
    csd: (s) => {
      const notes: string[] = [];
      for (let v = 0; v < 24; v++) notes.push(`i 1 0 ${s} ${f(2 ** ((v % 12) / 12) * (v < 12 ? 1 : 0.5), 4)} ${f(v / 23, 3)}`);
      for (let v = 0; v < 24; v++) notes.push(`i 2 0 ${s} ${f(0.5 + v * 0.04, 3)} ${f(v / 23, 3)}`);
      return wrap(K(32), `
giSmp ftgen 1, 0, 0, 1, "sample.wav", 0, 0, 0
instr 1
  a1 loscil 0.02, 220 * p4, giSmp, 220, 1, 4410, 66150
  outs a1 * p5, a1 * (1 - p5)
endin
instr 2
  kpitch = p4 + 0.1 * oscili:k(1, 0.3 + p5)
  a1 diskin2 "sample.wav", kpitch, p5, 1, 0, 8
  outs a1 * 0.02 * p5, a1 * 0.02 * (1 - p5)
endin`, notes.join('\n'));
    },
  },
  {
    name: 'k-rate-control',
    covers: 'heavy k-rate code: while loops over 64-element arrays, k-rate UDOs, sprintfk/strcatk/strlenk strings',
    csd: (s) => {
      const notes: string[] = [];
      for (let v = 0; v < 6; v++) notes.push(`i 1 0 ${s} ${1000 + v * 7919} ${f(v / 5, 3)}`);
      return wrap(K(32), `
giSine ftgen 1, 0, 8192, 10, 1
opcode Lcg, k, k
  kx xin
  kx = (kx * 1103515 + 12345) % 2147483648
  xout kx
endop
opcode Smooth, k, kk
  kin, kcoef xin
  kstate init 0
  kstate = kstate + kcoef * (kin - kstate)
  xout kstate
endop
instr 1
  kArr[] init 64
  kSorted[] init 64
  kseed init p4
  ki = 0
  while ki < 64 do
    kseed Lcg kseed
    kArr[ki] = kArr[ki] * 0.95 + (kseed / 2147483648) * 0.05
    ki += 1
  od
  kSorted sorta kArr
  ksum sumarray kArr
  kmed = kSorted[32]
  kmax maxarray kArr
  S1 sprintfk "v%d:%.4f:%.4f", ki, ksum, kmed
  S2 strcatk S1, "/tail"
  klen strlenk S2
  ksm Smooth ksum + klen * 0.01, 0.01
  a1 oscili 0.05, 110 + ksm * 20 + kmax * 50, giSine
  outs a1 * p5, a1 * (1 - p5)
endin`, notes.join('\n'));
    },
  },
  {
    name: 'ksmps-1',
    covers: 'ksmps = 1: 8 voices of vco2 + moogvcf + butterlp with k-rate envelopes and LFOs, every opcode per sample',
    csd: (s) => {
      const notes: string[] = [];
      for (let v = 0; v < 8; v++) notes.push(`i 1 0 ${s} ${f(82.5 * 2 ** (v / 4), 3)} ${f(0.2 + v * 0.05, 3)} ${f(v / 7, 3)}`);
      return wrap(K(1), `
instr 1
  kenv linseg 0, 0.2, 1, p3 - 0.4, 0.8, 0.2, 0
  klfo oscili 1, p5
  a1 vco2 0.1, p4
  a2 moogvcf a1, 600 + 400 * klfo, 0.5
  a3 butterlp a2, 3000
  outs a3 * kenv * p6, a3 * kenv * (1 - p6)
endin`, notes.join('\n'));
    },
  },
  {
    name: 'ksmps-10',
    covers: 'ksmps = 10: 16 voices of vco2 + lpf18 + pan2 with k-rate LFOs and envelopes',
    csd: (s) => {
      const notes: string[] = [];
      for (let v = 0; v < 16; v++) notes.push(`i 1 0 ${s} ${f(55 * 2 ** (v / 6), 3)} ${f(0.15 + v * 0.03, 3)} ${f(v / 15, 3)}`);
      return wrap(K(10), `
instr 1
  kenv linseg 0, 0.2, 1, p3 - 0.4, 0.8, 0.2, 0
  klfo oscili 1, p5
  a1 vco2 0.05, p4
  a2 lpf18 a1, 800 + 600 * klfo, 0.6, 0.3
  aL, aR pan2 a2 * kenv, p6
  outs aL, aR
endin`, notes.join('\n'));
    },
  },
  {
    name: 'many-events',
    covers: '400 short notes per second (4,000 in 10 s): score parsing, instance allocation and init-time work',
    csd: (s) => {
      const rnd = random(13);
      const notes: string[] = [];
      const count = Math.round(400 * s);
      for (let n = 0; n < count; n++) {
        const start = (n / count) * (s - 0.3);
        notes.push(`i 1 ${f(start, 5)} ${f(0.05 + rnd() * 0.15, 4)} ${f(0.02 + rnd() * 0.03, 4)} ${f(200 * 2 ** (rnd() * 4), 3)} ${f(rnd(), 3)}`);
      }
      return wrap(K(32), `
giSine ftgen 1, 0, 4096, 10, 1, 0.5, 0.25
instr 1
  aenv expon 1, p3, 0.001
  a1 oscili p4, p5, giSine
  aL, aR pan2 a1 * aenv, p6
  outs aL, aR
endin`, notes.join('\n'));
    },
  },
];
