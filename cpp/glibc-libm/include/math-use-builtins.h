/* Shim: which operations glibc may leave to the compiler on x86-64. sqrt is a single correctly rounded
   instruction on both x86-64 and wasm; fma is NOT used (x86-64's baseline glibc build has no fused multiply-add,
   and neither has wasm), so the code takes the same separate multiply-and-add paths as the native SSE2 variant. */
#ifndef GLIBM_MATH_USE_BUILTINS_H
#define GLIBM_MATH_USE_BUILTINS_H
#define USE_SQRT_BUILTIN 1
#define USE_SQRTF_BUILTIN 1
#define USE_FMA_BUILTIN 0
#define USE_FMAF_BUILTIN 0
#define USE_FMAX_BUILTIN 0
#define USE_FMAXF_BUILTIN 0
#define USE_FMIN_BUILTIN 0
#define USE_FMINF_BUILTIN 0
#define USE_FABS_BUILTIN 1
#define USE_FABSF_BUILTIN 1
#define USE_COPYSIGN_BUILTIN 1
#define USE_COPYSIGNF_BUILTIN 1
#define USE_NEARBYINT_BUILTIN 0
#define USE_RINT_BUILTIN 0
#define USE_FLOOR_BUILTIN 0
#define USE_CEIL_BUILTIN 0
#define USE_TRUNC_BUILTIN 0
#define USE_ROUND_BUILTIN 0
#define USE_ROUNDEVEN_BUILTIN 0
#endif
