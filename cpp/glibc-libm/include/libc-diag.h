/* Shim: glibc's macros for silencing GCC warnings around single statements; not needed with clang. */
#ifndef GLIBM_LIBC_DIAG_H
#define GLIBM_LIBC_DIAG_H
#define DIAG_PUSH_NEEDS_COMMENT
#define DIAG_POP_NEEDS_COMMENT
#define DIAG_IGNORE_NEEDS_COMMENT(version, option)
#define DIAG_IGNORE_Os_NEEDS_COMMENT(version, option)
#endif
