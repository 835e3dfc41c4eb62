// How the tests run native reference programs (Debian's csound, the libm probe): with glibc's baseline maths code.
// On x86-64 CPUs with FMA, glibc otherwise picks FMA builds of sin, exp, log, pow, atan, ... whose results differ
// in the last bit from its baseline (SSE2) build; wasm has no fused multiply-add, and the wasm build compiles the
// baseline code (cmake/GlibcLibm.cmake). GLIBC_TUNABLES makes glibc 2.36 select the baseline build on any CPU, so
// the expectation does not depend on the machine. CSOUND_WASM_NATIVE_GLIBC_TUNABLES overrides it ('' = glibc's own
// choice, e.g. to measure how many renders differ with the FMA variants).
export const NATIVE_GLIBC_TUNABLES = process.env.CSOUND_WASM_NATIVE_GLIBC_TUNABLES ?? 'glibc.cpu.hwcaps=-FMA,-FMA4';

/**
 * STK's rawwaves from Debian's stk package. Native Csound registers its STK opcodes (Debian's libstkops.so) only
 * when RAWWAVE_PATH is set, so native reference runs set it (the wasm build registers them always, with its own
 * copy of the rawwaves at the same path in its file system).
 */
export const NATIVE_RAWWAVE_PATH = '/usr/share/stk/rawwaves/';

/**
 * `env` with GLIBC_TUNABLES set for a native reference run (removed when `tunables` is ''), and RAWWAVE_PATH
 * (unless set).
 */
export function withNativeGlibcTunables(env: NodeJS.ProcessEnv, tunables = NATIVE_GLIBC_TUNABLES): NodeJS.ProcessEnv {
  const copy = { ...env };
  copy.RAWWAVE_PATH ??= NATIVE_RAWWAVE_PATH;
  if (tunables === '') delete copy.GLIBC_TUNABLES;
  else copy.GLIBC_TUNABLES = tunables;
  return copy;
}

/**
 * The folder of a native libcsound64 built from the wasm build's own Csound source with IEEE options
 * (scripts/build-native-reference.sh), or null: then the golden suite's expectation is Debian's libcsound64, which
 * is compiled with Csound's default -ffast-math.
 */
export const NATIVE_REFERENCE_LIB = process.env.CSOUND_WASM_NATIVE_REFERENCE || null;
