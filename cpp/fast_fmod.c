/* fmod with a faster reduction, in place of musl's (which this build links otherwise).

   fmod is exact: its result x - n*y (n = x/y rounded toward zero) is always a representable double, so every
   correct implementation returns the same bits, glibc's natively and musl's included (tests/node/libm.test.ts
   compares this one with glibc's on 10^6 seeded arguments). musl and glibc 2.36 both reduce the mantissa one bit
   per step: x's mantissa is shifted left and y's subtracted, once for each unit of exponent difference, so
   fmod(2.4e15, 2^31) takes 20 steps, and Csound's % operator (modkk and friends) calls fmod per k-cycle or per
   sample. Here the mantissa is reduced up to 11 bits per step with a 64-bit integer remainder (a 53-bit mantissa
   shifted by 11 bits still fits in 64), which is one wasm instruction. The special cases and the final scaling
   are the usual ones: NaN for y = 0, an infinite x or a NaN; x itself when |x| < |y|; a zero with x's sign for an
   exact multiple; subnormal results shifted into place. */
#include <math.h>
#include <stdint.h>
#include <string.h>

static uint64_t bitsOf(double x) {
  uint64_t u;
  memcpy(&u, &x, sizeof u);
  return u;
}

static double fromBits(uint64_t u) {
  double x;
  memcpy(&x, &u, sizeof x);
  return x;
}

/* The 53-bit mantissa of a finite nonzero double with its implicit bit, and its exponent (a subnormal's mantissa
   is shifted up to the same form, its exponent going below 1). */
static uint64_t mantissa(uint64_t u, int *exponent) {
  int e = (int)(u >> 52 & 0x7ff);
  uint64_t m = u & (UINT64_C(-1) >> 12);
  if (e == 0) {
    e = 1;
    while (!(m >> 52)) {
      m <<= 1;
      --e;
    }
    *exponent = e;
    return m;
  }
  *exponent = e;
  return m | UINT64_C(1) << 52;
}

double fmod(double x, double y) {
  const uint64_t ux = bitsOf(x), uy = bitsOf(y);
  const uint64_t sign = ux & UINT64_C(1) << 63;
  if ((uy << 1) == 0 || isnan(y) || (ux >> 52 & 0x7ff) == 0x7ff) return (x * y) / (x * y);
  if ((ux << 1) <= (uy << 1)) return (ux << 1) == (uy << 1) ? 0 * x : x;

  int ex, ey;
  uint64_t mx = mantissa(ux, &ex);
  const uint64_t my = mantissa(uy, &ey);
  /* |x| > |y|: ex >= ey. The remainder of mx * 2^(ex - ey) by my, up to 11 bits of the difference per step. */
  int shift = ex - ey;
  mx %= my;
  while (shift > 0 && mx != 0) {
    const int step = shift < 11 ? shift : 11;
    mx = (mx << step) % my;
    shift -= step;
  }
  if (mx == 0) return 0 * x;
  /* The remainder has y's scale: normalise it, then make a normal or subnormal double of it. */
  int e = ey;
  while (!(mx >> 52)) {
    mx <<= 1;
    --e;
  }
  uint64_t result;
  if (e > 0) {
    result = (mx - (UINT64_C(1) << 52)) | (uint64_t)e << 52;
  } else {
    result = mx >> (1 - e);
  }
  return fromBits(result | sign);
}
