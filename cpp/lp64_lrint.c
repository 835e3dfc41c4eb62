/* lrint and lround as Csound sees them on x86-64 Linux. Csound mostly stores the result in a 32-bit integer
   ((int32) lrint(x)); natively long has 64 bits, so a value beyond the 32-bit range keeps its low 32 bits (and
   |x| >= 2^63 or NaN gives 0, the low half of the CPU's "integer indefinite"). With wasm32's 32-bit long, musl's
   lrint returns something else for such values. Within the 32-bit range both are the same rounding. */
#include <math.h>
#include <stdint.h>

static long low_half (long long rounded) { return (long) (int32_t) (uint32_t) (uint64_t) rounded; }

long lrint (double x)
{
  if (!(x > -0x1p63 && x < 0x1p63)) return 0;
  return low_half (llrint (x));
}

long lround (double x)
{
  if (!(x > -0x1p63 && x < 0x1p63)) return 0;
  return low_half (llround (x));
}
