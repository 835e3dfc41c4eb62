/* Shim: glibc forces the underflow exception for subnormal results; wasm has no exception flags, and the
   returned values do not depend on it. */
#ifndef GLIBM_MATH_UNDERFLOW_H
#define GLIBM_MATH_UNDERFLOW_H
#include <float.h>
#include <math.h>
#include <math-barriers.h>
#define math_check_force_underflow(x) ((void) 0)
#define math_check_force_underflow_nonneg(x) ((void) 0)
#define math_check_force_underflow_complex(x) ((void) 0)
#endif
