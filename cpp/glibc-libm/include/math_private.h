/* Shim for glibc's math_private.h: access to the words of a double (wasm is little-endian like x86-64) and the
   prototypes of the internal functions one glibc maths file calls in another. */
#ifndef GLIBM_MATH_PRIVATE_H
#define GLIBM_MATH_PRIVATE_H
#include <endian.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

static inline uint64_t glibm_bits (double d) { uint64_t u; memcpy (&u, &d, 8); return u; }
static inline double glibm_double (uint64_t u) { double d; memcpy (&d, &u, 8); return d; }
static inline uint32_t glibm_fbits (float f) { uint32_t u; memcpy (&u, &f, 4); return u; }
static inline float glibm_float (uint32_t u) { float f; memcpy (&f, &u, 4); return f; }

#define EXTRACT_WORDS(hi, lo, d) \
  do { uint64_t __w = glibm_bits (d); (hi) = (uint32_t) (__w >> 32); (lo) = (uint32_t) __w; } while (0)
#define EXTRACT_WORDS64(i, d) do { (i) = glibm_bits (d); } while (0)
#define GET_HIGH_WORD(i, d) do { (i) = (uint32_t) (glibm_bits (d) >> 32); } while (0)
#define GET_LOW_WORD(i, d) do { (i) = (uint32_t) glibm_bits (d); } while (0)
#define INSERT_WORDS(d, hi, lo) \
  do { (d) = glibm_double (((uint64_t) (uint32_t) (hi) << 32) | (uint32_t) (lo)); } while (0)
#define INSERT_WORDS64(d, i) do { (d) = glibm_double ((uint64_t) (i)); } while (0)
#define SET_HIGH_WORD(d, v) \
  do { (d) = glibm_double ((glibm_bits (d) & 0xffffffffu) | ((uint64_t) (uint32_t) (v) << 32)); } while (0)
#define SET_LOW_WORD(d, v) \
  do { (d) = glibm_double ((glibm_bits (d) & 0xffffffff00000000ull) | (uint32_t) (v)); } while (0)
#define GET_FLOAT_WORD(i, f) do { (i) = glibm_fbits (f); } while (0)
#define SET_FLOAT_WORD(f, i) do { (f) = glibm_float ((uint32_t) (i)); } while (0)

extern double __ieee754_exp (double);
extern double __ieee754_log (double);
extern double __ieee754_sqrt (double);
extern double __expm1 (double);
extern double __log1p (double);
extern double __sin (double);
extern double __cos (double);
extern double __exp1 (double, double);
extern int __branred (double, double *, double *);
extern float __ieee754_expf (float);
extern float __ieee754_logf (float);
#define __ieee754_sqrt(x) __builtin_sqrt (x)

#endif
