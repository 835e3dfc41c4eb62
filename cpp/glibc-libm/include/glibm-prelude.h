/* Force-included ahead of every glibc libm source compiled for wasm (see cmake/GlibcLibm.cmake).
   glibc's sources expect the macros of its own build (libc-symbols.h, config.h); these are the few the maths
   files use, reduced to what a static wasm library needs: no symbol versions, no PLT bypass, no hidden
   visibility games. The names glibc keeps internal are renamed by glibm-rename.h so that they cannot collide with
   musl's internal names of the same spelling (__sin, __cos, __exp_data, __math_oflow, ...). */
#ifndef GLIBM_PRELUDE_H
#define GLIBM_PRELUDE_H

#include "glibm-rename.h"

#define attribute_hidden
#define attribute_tls_model_ie
#define __glibm_str(x) #x
#define __glibm_alias(name, aliasname) \
  extern __typeof (name) aliasname __attribute__ ((alias (__glibm_str (name))));
#define strong_alias(name, aliasname) __glibm_alias (name, aliasname)
#define weak_alias(name, aliasname)
#define hidden_def(name)
#define hidden_proto(name, ...)
#define libm_hidden_def(name)
#define libm_hidden_proto(name, ...)
#define libc_hidden_def(name)
#define libc_hidden_proto(name, ...)
#define declare_mgen_alias(from, to)
#define SHLIB_COMPAT(lib, from, to) 0
#define IS_IN(lib) 0
#define __OPTION_EGLIBC_LIBM 1

#ifndef __always_inline
#define __always_inline __inline __attribute__ ((__always_inline__))
#endif
/* errno is musl's; ldexp is an exact operation, musl's gives the same results. (frexp is not: musl leaves the
   exponent unset for infinities and NaN, where cbrt relies on glibc's 0, so glibc's own s_frexp.c is compiled.) */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#define __set_errno(e) (errno = (e))
#define __ldexp ldexp
extern double __frexp (double, int *);

/* glibc's issignaling for doubles, which musl lacks: a NaN whose quiet bit (the top mantissa bit) is clear. */
#ifndef issignaling
static inline int __glibm_issignaling (double x)
{
  uint64_t u;
  memcpy (&u, &x, sizeof u);
  return (u & 0x7ff0000000000000ull) == 0x7ff0000000000000ull && (u & 0x0007ffffffffffffull) != 0
         && (u & 0x0008000000000000ull) == 0;
}
#define issignaling(x) __glibm_issignaling (x)
#endif

#define __glibc_likely(cond) __builtin_expect ((cond), 1)
#define __glibc_unlikely(cond) __builtin_expect ((cond), 0)

#endif
