/* Shim: no SVID/XOPEN error-handling compatibility (_LIB_VERSION) in this library: the functions follow the
   IEEE/POSIX behaviour that glibc gives programs linked today. */
#ifndef GLIBM_MATH_SVID_COMPAT_H
#define GLIBM_MATH_SVID_COMPAT_H
#define LIBM_SVID_COMPAT 0
#define LIBM_SVID_COMPAT_ 0
#endif
