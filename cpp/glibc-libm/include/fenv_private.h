/* Shim: glibc switches to round-to-nearest around some computations (SET_RESTORE_ROUND) and holds exceptions.
   wasm always rounds to nearest and has no exception state, so these do nothing. */
#ifndef GLIBM_FENV_PRIVATE_H
#define GLIBM_FENV_PRIVATE_H
#include <fenv.h>
#define SET_RESTORE_ROUND(mode) ((void) 0)
#define SET_RESTORE_ROUND_NOEX(mode) ((void) 0)
#define SET_RESTORE_ROUND_53BIT(mode) ((void) 0)
#define SET_RESTORE_ROUNDF(mode) ((void) 0)
#define SET_RESTORE_ROUND_NOEXF(mode) ((void) 0)
#define libc_feholdexcept_setround(e, r) ((void) 0)
#define libc_fesetenv(e) ((void) 0)
#define libc_feupdateenv(e) ((void) 0)
#endif
