/* Shim: glibc's alias macros for a float function; as libm-alias-double.h, they define nothing here. */
#ifndef GLIBM_LIBM_ALIAS_FLOAT_H
#define GLIBM_LIBM_ALIAS_FLOAT_H
#define libm_alias_float(from, to)
#define libm_alias_float_other(from, to)
#endif
