/* Shim: FLT_EVAL_METHOD is 0 on wasm as on x86-64 (SSE2), so no excess precision has to be removed. */
#ifndef GLIBM_MATH_NARROW_EVAL_H
#define GLIBM_MATH_NARROW_EVAL_H
#define math_narrow_eval(x) (x)
#endif
