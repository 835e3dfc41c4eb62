/* Shim: glibc uses these barriers to keep floating-point exceptions and rounding-mode dependent code in place.
   wasm has neither exception flags nor dynamic rounding modes, so a barrier only has to keep the value as is:
   the empty asm with a register operand stops the compiler from folding or moving the computation, as in glibc. */
#ifndef GLIBM_MATH_BARRIERS_H
#define GLIBM_MATH_BARRIERS_H
#define math_opt_barrier(x) \
  ({ __typeof (x) __glibm_x = (x); __asm__ ("" : "+r" (__glibm_x)); __glibm_x; })
#define math_force_eval(x) \
  ({ __typeof (x) __glibm_x = (x); __asm__ __volatile__ ("" : : "r" (__glibm_x)); })
#endif
