/* Shim: glibc's alias macros for a double function. They define nothing here: the public names come from the
   units cmake/GlibcLibm.cmake generates (one alias per name, no _Float64/_Float32x names, no symbol versions). */
#ifndef GLIBM_LIBM_ALIAS_DOUBLE_H
#define GLIBM_LIBM_ALIAS_DOUBLE_H
#define libm_alias_double(from, to)
#define libm_alias_double_r(from, to, r)
#define libm_alias_double_other(from, to)
#endif
