/* Checks cpp/fast_strtod.c against the host's glibc strtod (correctly rounded): the value's bits and the end
   pointer, for fixed edge cases and for seeded random texts of the kinds Csound reads (printf "%a" and "%.17g" of
   random doubles, short decimals, fixed-point, random digit/sign/point/exponent strings, integers with
   exponents). Prints the count, how many took the fast path, and the mismatches; exits 1 on any mismatch.
   Built and run by tests/node/fast-strtod.test.ts:  cc -O2 strtod-check.c ../../../cpp/fast_strtod.c -lm */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double __wrap_strtod(const char *s, char **end);

static long fallbacks = 0;
/* The wrapper's slow path: glibc's strtod here (musl's in the wasm module). Counted, to report the fast share. */
double __real_strtod(const char *s, char **end) {
  ++fallbacks;
  return strtod(s, end);
}

static uint64_t state = 0x2545f4914f6cdd1dULL;
static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static long checked = 0, mismatches = 0;
static void check(const char *text) {
  char *endA, *endB;
  const double a = strtod(text, &endA), b = __wrap_strtod(text, &endB);
  ++checked;
  if (memcmp(&a, &b, sizeof a) != 0 || endA != endB) {
    if (mismatches++ < 20)
      printf("mismatch '%s': glibc %a (end %ld), fast_strtod %a (end %ld)\n", text, a, (long)(endA - text), b,
             (long)(endB - text));
  }
}

int main(int argc, char **argv) {
  const long count = argc > 1 ? atol(argv[1]) : 3000000;
  static const char *const fixed[] = {
      "0", "-0", "+0", "1", "1.", ".5", "-.5", ".", "-", "+", "e5", "1e", "1e+", "1e-", "1e-5", "1E22", "1e23",
      "-1e-22", "1e-23", "9007199254740992", "9007199254740993", "18014398509481984", "123456789012345678901",
      "1234567890123456789", "0x", "0x1p", "0x1p+", "0x1.8p+3", "0X1P-1022", "0x1p-1023", "0x1p-1074",
      "0x1.fffffffffffffp+1023", "0x1.fffffffffffff8p+0", "0x.8p1", "0x1.", "0x0p+99999", "inf", "-INFINITY",
      "nan", "-nan(1)", "  42  ", "\t-3.25e2x", "\n+7", "0.000000000000000000000001", "4.9e-324",
      "2.2250738585072014e-308", "1.7976931348623157e308", "1.8e308", "00000000000000000000000000001.5",
      "1.0000000000000000000001", "0e999999999999", "12e-0", "5e+000000000000000000000000000001", "1e99999999999",
      "0.1", "0.2", "0.3", "440", "0.0625", "-1.5e-7", "100000000000000000000000", "1.5 2.5", "3,5", "2e2e2"};
  for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) check(fixed[i]);
  char text[160];
  for (long i = 0; i < count; i++) {
    uint64_t bits = next();
    double random;
    memcpy(&random, &bits, sizeof random);
    if (isnan(random)) continue;
    switch (i % 8) {
      case 0: snprintf(text, sizeof text, "%a", random); break;
      case 1: snprintf(text, sizeof text, "%.17g", random); break;
      case 2: snprintf(text, sizeof text, "%g", (double)(next() % 100000) / (double)(1 + next() % 1000)); break;
      case 3: snprintf(text, sizeof text, "%a", (double)(next() % 100000) / 64.0); break;
      case 4: snprintf(text, sizeof text, "%.*f", (int)(next() % 20), (double)(next() % 1000000) / 1000.0); break;
      case 5: {
        const int length = 1 + (int)(next() % 25);
        for (int j = 0; j < length; j++) {
          const int c = (int)(next() % 14);
          text[j] = c < 10 ? (char)('0' + c) : ".e-+"[c - 10];
        }
        text[length] = '\0';
        break;
      }
      case 6: snprintf(text, sizeof text, "%llue%d", (unsigned long long)(next() % 10000000000000000000ULL),
                       (int)(next() % 60) - 30); break;
      default: snprintf(text, sizeof text, "%.15g", (double)(next() % 9007199254740993ULL) *
                        pow(10, (int)(next() % 50) - 25)); break;
    }
    check(text);
  }
  printf("%ld checked, %ld on the fast path, %ld mismatches\n", checked, checked - fallbacks, mismatches);
  return mismatches != 0;
}
