/* strtod with a fast exact path, linked with -Wl,--wrap=strtod (so atof and Csound's cs_strtod use it too).

   Csound reads every number of a score with strtod several times: the score reader parses the decimal text, the
   sorted score is written back with "%a" and read again. wasm32's long double is a 128-bit quad computed in
   software, and musl's strtod works in long double throughout, so each call cost over a microsecond; an
   event-heavy score spent a sixth of its time there (bench/: many-events).

   Two kinds of input are converted here exactly, with one correctly rounded operation or none:
   - decimal: at most 19 significant digits forming an integer w <= 2^53, and a decimal exponent e with
     |e| <= 22. w and 10^|e| are then exact doubles, so w * 10^e or w / 10^-e is the correctly rounded result
     (the fast path of Clinger's algorithm), which is what a correct strtod returns;
   - hexadecimal ("%a" output): a mantissa below 2^53 and a binary exponent that keeps the result normal, where
     the value is exact.
   Everything else (more digits, larger exponents, inf, nan, malformed text) goes to musl's strtod, so results,
   end pointers and errno are the same as before for every input. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

double __real_strtod(const char *s, char **end);

static const double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static int hexValue(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Reads an exponent (an optional sign, then digits) at *p and moves *p past it: 1 and its value (capped: the fast
   paths only take small ones), or 0 when there are no digits. */
static int readExponent(const char **p, int *value) {
  const char *q = *p;
  int negative = 0, n = 0, digits = 0;
  if (*q == '+' || *q == '-') negative = *q++ == '-';
  for (; *q >= '0' && *q <= '9'; ++q, ++digits)
    if (n < 100000) n = n * 10 + (*q - '0');
  if (digits == 0) return 0;
  *p = q;
  *value = negative ? -n : n;
  return 1;
}

/* 1 and the value with *end set, or 0 when the slow path must decide. */
static int fastDecimal(const char *p, double *result, const char **end) {
  uint64_t w = 0;
  int significant = 0, digits = 0, exponent = 0;
  for (; *p >= '0' && *p <= '9'; ++p, ++digits) {
    if (w == 0 && *p == '0') continue;
    if (++significant > 19) return 0;
    w = w * 10 + (uint64_t)(*p - '0');
  }
  if (*p == '.') {
    for (++p; *p >= '0' && *p <= '9'; ++p, ++digits) {
      --exponent;
      if (w == 0 && *p == '0') continue;
      if (++significant > 19) return 0;
      w = w * 10 + (uint64_t)(*p - '0');
    }
  }
  if (digits == 0) return 0;
  if (*p == 'e' || *p == 'E') {
    const char *q = p + 1;
    int e;
    if (!readExponent(&q, &e)) return 0; /* "1e" or "1e+": strtod decides where the number ends */
    p = q;
    exponent += e;
  }
  if (w == 0) {
    *result = 0.0;
  } else {
    if (w > (UINT64_C(1) << 53) || exponent < -22 || exponent > 22) return 0;
    *result = exponent >= 0 ? (double)w * kPowersOfTen[exponent] : (double)w / kPowersOfTen[-exponent];
  }
  *end = p;
  return 1;
}

static int fastHex(const char *p, double *result, const char **end) {
  uint64_t m = 0;
  int digits = 0, exponent = 0;
  for (int v; (v = hexValue(*p)) >= 0; ++p, ++digits) {
    if (m >> 56) return 0;
    m = m * 16 + (uint64_t)v;
  }
  if (*p == '.') {
    for (int v; (v = hexValue(*++p)) >= 0; ++digits) {
      if (m >> 56) return 0;
      m = m * 16 + (uint64_t)v;
      exponent -= 4;
    }
  }
  if (digits == 0) return 0;
  if (*p == 'p' || *p == 'P') {
    const char *q = p + 1;
    int e;
    if (!readExponent(&q, &e)) return 0;
    p = q;
    exponent += e;
  }
  if (m == 0) {
    *result = 0.0;
  } else {
    if (m >= (UINT64_C(1) << 53) || exponent < -1000 || exponent > 900) return 0;
    *result = ldexp((double)m, exponent); /* exact: m fits the mantissa and the result is normal */
  }
  *end = p;
  return 1;
}

double __wrap_strtod(const char *s, char **end) {
  const char *p = s;
  while (isspace((unsigned char)*p)) ++p;
  const int negative = *p == '-';
  if (*p == '+' || *p == '-') ++p;
  double value;
  const char *stop;
  const int hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
  if (hex ? fastHex(p + 2, &value, &stop) : fastDecimal(p, &value, &stop)) {
    if (end != NULL) *end = (char *)stop;
    return negative ? -value : value;
  }
  return __real_strtod(s, end);
}
