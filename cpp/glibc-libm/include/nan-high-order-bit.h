/* Shim: a set high mantissa bit means a quiet NaN on wasm, as on x86-64. */
#ifndef GLIBM_NAN_HIGH_ORDER_BIT_H
#define GLIBM_NAN_HIGH_ORDER_BIT_H
#define HIGH_ORDER_BIT_IS_SET_FOR_SNAN 0
#endif
