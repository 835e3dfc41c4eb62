// What was tried to make the engine faster, start sooner or ship smaller, and what each gave. Measured by hand on
// the benchmark machine, each as A/B renders of the suite's CSDs in process (start() and the performKsmps() loop,
// best of 2 runs in fresh processes, A and B interleaved twice), unless it says otherwise. The machine was a 2-core
// AMD EPYC up to the diskin2 lever; from the table-lookup lever on, a 2-core Intel Xeon (AVX-512, AMX), on which
// native Csound renders the table oscillators much faster and the same wasm does not (see that lever).
// docs/PERFORMANCE.md prints this table (bench/report.ts).

export const LEVERS_MEASURED =
  'December 2026, csound-wasm 0.1.0, Emscripten 3.1.6, Node 20; on a 2-core AMD EPYC up to the diskin2 lever, on a ' +
  '2-core Intel Xeon with AVX-512 from the table-lookup lever on';

export interface Lever {
  lever: string;
  measured: string;
  kept: boolean;
}

export const LEVERS: Lever[] = [
  {
    lever: 'Profile first: a `--profiling-funcs` link (names in the wasm), `node --cpu-prof`, against `perf` on a native build of the same Csound source',
    measured: 'per-opcode times next to native ones: the a-rate arithmetic opcodes (mulak, addaa) 2–3× native (not vectorised), a UDO with setksmps 1 (useropcd1) 3.4×, kperf 1.5×, musl strtod (long double in software) a sixth of an event-heavy render; table oscillators (tablei, poscil, oscili) 1.0–1.5×',
    kept: true,
  },
  {
    lever: 'SIMD128 (`-msimd128`) for all C and C++',
    measured: 'table-osc-poly 1,100 → 1,035 ms (clang vectorises the element-wise a-rate loops); fm, ksmps-1 unchanged; golden suite bit-identical',
    kept: true,
  },
  {
    lever: 'Saturating float-to-int conversions (`-mnontrapping-fptoint`)',
    measured: 'one instruction per conversion instead of a range test around a trapping one: −98 KB of code; speed within noise (table-osc-poly 1,035 → 1,000–1,035 ms); golden suite bit-identical',
    kept: true,
  },
  {
    lever: '`-Os` for code no render loop runs (libsndfile, LAME, libpng, zlib, the image, MP3 and OSC plugins, the utilities)',
    measured: 'with the two above: wasm 4,060,547 → 4,013,703 bytes, gzip −0.4 %; sample-playback (libsndfile reads samples for diskin2) not slower',
    kept: true,
  },
  {
    lever: 'A fast exact strtod (cpp/fast_strtod.c, `--wrap=strtod`) in front of musl\'s',
    measured: 'many-events 297 → 232 ms; checked against glibc on 3,000,000 texts (tests/node/fast-strtod.test.ts)',
    kept: true,
  },
  {
    lever: 'fmod reducing up to 11 bits per step with a 64-bit integer remainder (cpp/fast_fmod.c) instead of musl\'s one bit per step (glibc 2.36 natively does the same as musl)',
    measured: 'k-rate-control (an LCG with `%` in a loop) 1,887–1,911 → 1,497–1,527 ms; natively the same code is 1.4× glibc\'s fmod; results identical (fmod is exact: checked against glibc on 10^6 arguments by tests/node/libm.test.ts and on 2·10^7 by hand)',
    kept: true,
  },
  {
    lever: 'diskin2\'s per-tap sample read always inlined (patches/csound/0013: clang kept the static inline function a call, GCC inlines it natively)',
    measured: 'sample-playback 1,187–1,299 → 961–1,105 ms; golden suite unchanged',
    kept: true,
  },
  {
    lever: 'Table oscillators and a-rate table reads without a rounding instruction (patches/csound/0014: poscil, poscil3, lposcil, lposcil3 and ugtabs\' a-rate table, tablei, table3, tablew take their integer index from an addition and a bit reinterpretation)',
    measured: 'found on the Intel machine, where table-osc-poly read 2.6× native: V8 compiles f64→i32 and floor with a roundsd that keeps the upper half of its destination register, and TurboFan gave it the register of the previous sample\'s result, so each sample waited for the one before (perf on the jitted code: a third of poscil\'s and tablei\'s samples on the conversion). poscil alone 485 → 201 ms (native 135, empty instrument 88), tablei 551 → 270 ms (native 196), table-osc-poly 1,218 → 660 ms; outputs byte-identical on 17 CSDs; golden CSD tab_index_edges (indices near ±2^31, negative, fractional) bit-identical to the plain native build',
    kept: true,
  },
  {
    lever: 'Every f64→i32 conversion in the module through the 64-bit one, clamped exactly (a post-link rewrite of all 3,180 `i32.trunc_sat_f64_s`), to avoid the same chain everywhere',
    measured: 'table-osc-poly 1,111 → 842 ms, but fm 470 → 557 ms and physical-models 203 → 220 ms: the 64-bit conversion costs more where no chain forms; ksmps-1 unchanged',
    kept: false,
  },
  {
    lever: 'The same index computation for the k-rate table reads (tablei etc. once per k-cycle; fm calls them per sample inside a `setksmps 1` UDO)',
    measured: 'fm 524/533/519 → 505/540/508 ms in three A/B pairs: within noise',
    kept: false,
  },
  {
    lever: 'No spout spin lock with one performing thread (the lock guards instruments performed in parallel with -j; in wasm its unlock is a full-barrier atomic store where natively pthread_spin_unlock is a plain store)',
    measured: 'ksmps-1 538 → 516 and 528 → 521 ms, table-osc-poly 703 → 679 and 707 → 702 ms, many-events 176 → 179 ms: 1–4 %, within noise on the second pair; not worth changing Csound\'s locking',
    kept: false,
  },
  {
    lever: 'The sorted score read from memory in one copy for the facade\'s limit checks in `start()` (it went through embind\'s string conversion, byte by byte through the growable-heap accessor)',
    measured: 'many-events 221 → 204 ms in the benchmark (about 23 ms of each `start()` for 4,000 notes); its CLI CPU 652 → 581 ms',
    kept: true,
  },
  {
    lever: 'No setjmp per `performKsmps()` (an escaped exit jump is landed in JS instead)',
    measured: 'a ksmps = 1 render through `performKsmps()` 870–935 → 758–776 ms (Emscripten\'s setjmp allocated a table and went through JS on every call)',
    kept: true,
  },
  {
    lever: 'AudioWorklet: the busy-time report for cpumeter once per audio quantum instead of around every k-cycle, and the wasm export called directly (not through the glue\'s `.apply` wrapper)',
    measured: 'worklet (OfflineAudioContext, Chromium) ksmps-1 1,184 → 802 ms, ksmps-10 579 → 556 ms, table-osc-poly 1,054 → 1,009 ms: two clock reads and two extra calls per k-cycle had cost more than a ksmps = 1 k-cycle',
    kept: true,
  },
  {
    lever: 'Synchronous instantiation in Node',
    measured: 'second `Csound.create()` 45–65 → 6–12 ms (the asynchronous one waited behind V8\'s background tier-up)',
    kept: true,
  },
  {
    lever: 'CLI: one bundled module; `--wasm-tiering-budget=50000000` and `--wasm-lazy-validation` set by the CLI for its own process',
    measured: 'tiny CSD 0.23–0.25 → 0.17 s wall (module loading −25 ms; the exit no longer waits ≈60 ms for optimising compiles of briefly run functions; validation −10 ms); 10 s renders same time or less CPU',
    kept: true,
  },
  {
    lever: 'binaryen 132 (npm) `wasm-opt -O3` after Emscripten\'s own (binaryen 108) pass',
    measured: 'no speed change (table-osc-poly 983–988 vs 970–996 ms, fm, k-rate-control the same); −17 KB raw, −5 KB gzip',
    kept: false,
  },
  {
    lever: 'binaryen 132 `wasm-opt -Oz` after the link',
    measured: 'gzip 1,382,119 → 1,378,955 bytes (−0.2 %): the size is in the amount of code, not in how it is optimised',
    kept: false,
  },
  {
    lever: 'More inlining in Csound (`-mllvm -inline-threshold=600`)',
    measured: 'fm, table-osc-poly, k-rate-control unchanged or 1 % slower; wasm +156 KB',
    kept: false,
  },
  {
    lever: 'Fixed-size memory (no ALLOW_MEMORY_GROWTH, 512 MB per instance)',
    measured: 'wasm code 1–2 % faster (table-osc-poly 1,005 → 992–1,004 ms, fm 918–930 → 893–911 ms), many-events 230 → 202–209 ms (no growable-heap checks in the JS glue); not worth a fixed 512 MB per instance, which would also cap tables and samples',
    kept: false,
  },
  {
    lever: 'Smaller initial memory (16 MB instead of 32 MB; it grows on demand either way)',
    measured: 'first `Csound.create()` 54/48 vs 47/49 ms (median of 7, two rounds), second 6.5–7.7 vs 6.8–7.6 ms: no change; the pages are not touched until used',
    kept: false,
  },
  {
    lever: 'Embind without dynamic code (`-sDYNAMIC_EXECUTION=0`), for a cheaper second instance',
    measured: 'second `Csound.create()` about 1 ms less (median 5.4 vs 6.3 ms over 20), but every embind call slower: a ksmps = 1 render through `performKsmps()` 753 → 952 ms',
    kept: false,
  },
  {
    lever: 'Liftoff only / no tier-up',
    measured: 'second create 9 ms and a quick exit, but the optimising tier is what makes renders fast; the CLI\'s tiering budget keeps both',
    kept: false,
  },
  {
    lever: 'LTO, per-library `-O2`, a PFFFT-based FFT',
    measured: 'not tried: the profile shows no hot cross-library call that LTO could inline (opcodes are called through function pointers) and the FFT is not among the top functions of any suite CSD',
    kept: false,
  },
];
