/* Shim: glibc exports __<name>_finite entry points for old binaries; a static wasm library needs none. */
#ifndef GLIBM_LIBM_ALIAS_FINITE_H
#define GLIBM_LIBM_ALIAS_FINITE_H
#define libm_alias_finite(from, to)
#endif
