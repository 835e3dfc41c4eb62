/* Shim: glibc's internal endian.h adds, to the system header, the index of the high and low 32-bit halves of a
   double in the old IBM Accurate Mathematical Library code (s_sin.c, s_atan.c, ...). wasm is little-endian. */
#ifndef GLIBM_ENDIAN_H
#define GLIBM_ENDIAN_H
#include_next <endian.h>
#define LITTLE_ENDI 1
#define HIGH_HALF 1
#define LOW_HALF 0
#endif
