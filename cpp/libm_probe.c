/* Test-only entry points (not part of the facade's API): evaluate one maths function of the C library over arrays,
   so that tests/node/libm.test.ts can compare the wasm module's results bit for bit with glibc's. The same file
   is compiled natively with gcc by that test, so both sides call the functions through this one table.
   Kinds: "d" f(x); "dd" f(x, y); "f" float f(float x); "di" f(x, (int) y); "dl" (int32) f(x) as Csound stores
   lrint-style results; "rand" (x[0] < 0: no srand, else srand(x[0])) then n values of rand(). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define PROBE_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define PROBE_EXPORT
#endif

typedef struct {
  const char *name;
  const char *kind;
  double (*d) (double);
  double (*dd) (double, double);
  float (*f) (float);
  double (*di) (double, int);
  long (*dl) (double);
  long long (*dll) (double);
  float (*ff) (float, float);
} Probe;

static double modf_fraction (double x) { double whole; return modf (x, &whole); }
static double modf_whole (double x) { double whole; modf (x, &whole); return whole; }
static double frexp_mantissa (double x) { int e = 0; return frexp (x, &e); }
static double frexp_exponent (double x) { int e = 0; frexp (x, &e); return e; }

static const Probe probes[] = {
  { "sin", "d", sin }, { "cos", "d", cos }, { "tan", "d", tan },
  { "asin", "d", asin }, { "acos", "d", acos }, { "atan", "d", atan },
  { "atan2", "dd", 0, atan2 },
  { "sinh", "d", sinh }, { "cosh", "d", cosh }, { "tanh", "d", tanh },
  { "exp", "d", exp }, { "exp2", "d", exp2 }, { "expm1", "d", expm1 },
  { "log", "d", log }, { "log2", "d", log2 }, { "log10", "d", log10 }, { "log1p", "d", log1p },
  { "pow", "dd", 0, pow }, { "cbrt", "d", cbrt }, { "hypot", "dd", 0, hypot },
  { "expf", "f", 0, 0, expf }, { "logf", "f", 0, 0, logf }, { "log10f", "f", 0, 0, log10f },
  { "powf", "ff", 0, 0, 0, 0, 0, 0, powf },
  /* exact operations: musl's are kept, and must agree with glibc's too */
  { "fmod", "dd", 0, fmod }, { "fmax", "dd", 0, fmax }, { "fmin", "dd", 0, fmin },
  { "ldexp", "di", 0, 0, 0, ldexp }, { "scalbn", "di", 0, 0, 0, scalbn },
  { "modf.fraction", "d", modf_fraction }, { "modf.whole", "d", modf_whole },
  { "frexp.mantissa", "d", frexp_mantissa }, { "frexp.exponent", "d", frexp_exponent },
  { "logb", "d", logb }, { "round", "d", round }, { "sqrt", "d", sqrt },
  { "floor", "d", floor }, { "ceil", "d", ceil }, { "trunc", "d", trunc }, { "rint", "d", rint },
  { "lrint", "dl", 0, 0, 0, 0, lrint }, { "lround", "dl", 0, 0, 0, 0, lround },
  { "llrint", "dll", 0, 0, 0, 0, 0, llrint },
  { "rand", "rand" },
};

#define PROBE_COUNT ((int) (sizeof probes / sizeof probes[0]))

/* Name and kind of probe `id` as "name kind", or NULL past the last one. */
PROBE_EXPORT const char *csound_wasm_libm_probe_name (int id)
{
  static char text[64];
  if (id < 0 || id >= PROBE_COUNT) return 0;
  strcpy (text, probes[id].name);
  strcat (text, " ");
  strcat (text, probes[id].kind);
  return text;
}

/* out[i] = probe(x[i], y[i]) for i < n; returns -1 for an unknown id. */
PROBE_EXPORT int csound_wasm_libm_probe (int id, const double *x, const double *y, double *out, int n)
{
  if (id < 0 || id >= PROBE_COUNT) return -1;
  const Probe *p = &probes[id];
  if (strcmp (p->kind, "rand") == 0)
    {
      if (n > 0 && x[0] >= 0) srand ((unsigned) x[0]);
      for (int i = 0; i < n; i++) out[i] = rand ();
      return 0;
    }
  for (int i = 0; i < n; i++)
    {
      if (p->d) out[i] = p->d (x[i]);
      else if (p->dd) out[i] = p->dd (x[i], y[i]);
      else if (p->f) out[i] = p->f ((float) x[i]);
      else if (p->di) out[i] = p->di (x[i], (int) y[i]);
      else if (p->ff) out[i] = p->ff ((float) x[i], (float) y[i]);
      else if (p->dl) out[i] = (int32_t) p->dl (x[i]);
      else out[i] = (int32_t) p->dll (x[i]);
    }
  return 0;
}
