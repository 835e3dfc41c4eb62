/* Shim: converting integer 0 to floating point gives +0 on wasm (round to nearest), as on x86-64. */
#ifndef GLIBM_FIX_INT_FP_CONVERT_ZERO_H
#define GLIBM_FIX_INT_FP_CONVERT_ZERO_H
#define FIX_INT_FP_CONVERT_ZERO 0
#endif
