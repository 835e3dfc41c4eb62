/* Every global name the glibc maths sources define besides the C API, renamed into a __glibm_ namespace.
   musl (Emscripten's libc) has internal symbols of the same spelling with other meanings (__sin and __cos are its
   kernels with other arguments, __exp_data has another layout); without the renaming the linker could bind a musl
   function to a glibc definition. cmake/GlibcLibm.cmake checks after the build that the library defines nothing
   outside this namespace and the list of public functions. */
#ifndef GLIBM_RENAME_H
#define GLIBM_RENAME_H
#define __sin __glibm_sin
#define __cos __glibm_cos
#define __tan __glibm_tan
#define __atan __glibm_atan
#define __exp __glibm_exp
#define __exp2 __glibm_exp2
#define __log __glibm_log
#define __log2 __glibm_log2
#define __pow __glibm_pow
#define __tanh __glibm_tanh
#define __expm1 __glibm_expm1
#define __log1p __glibm_log1p
#define __cbrt __glibm_cbrt
#define __hypot __glibm_hypot
#define __exp1 __glibm_exp1
#define __branred __glibm_branred
#define __ieee754_exp __glibm_exp
#define __ieee754_exp2 __glibm_ieee754_exp2
#define __ieee754_log __glibm_log
#define __ieee754_log2 __glibm_ieee754_log2
#define __ieee754_log10 __glibm_ieee754_log10
#define __ieee754_pow __glibm_ieee754_pow
#define __ieee754_asin __glibm_ieee754_asin
#define __ieee754_acos __glibm_ieee754_acos
#define __ieee754_atan2 __glibm_ieee754_atan2
#define __ieee754_cosh __glibm_ieee754_cosh
#define __ieee754_sinh __glibm_ieee754_sinh
#define __ieee754_hypot __glibm_ieee754_hypot
#define __ieee754_expf __glibm_expf
#define __ieee754_logf __glibm_logf
#define __expf __glibm_expf
#define __logf __glibm_logf
#define __ieee754_powf __glibm_powf
#define __powf __glibm_powf
#define __ieee754_log10f __glibm_ieee754_log10f
#define __powf_log2_data __glibm_powf_log2_data
#define __exp_data __glibm_exp_data
#define __log_data __glibm_log_data
#define __log2_data __glibm_log2_data
#define __pow_log_data __glibm_pow_log_data
#define __exp2f_data __glibm_exp2f_data
#define __logf_data __glibm_logf_data
#define __math_oflow __glibm_math_oflow
#define __math_uflow __glibm_math_uflow
#define __math_may_uflow __glibm_math_may_uflow
#define __math_divzero __glibm_math_divzero
#define __math_invalid __glibm_math_invalid
#define __math_check_oflow __glibm_math_check_oflow
#define __math_check_uflow __glibm_math_check_uflow
#define __math_oflowf __glibm_math_oflowf
#define __math_uflowf __glibm_math_uflowf
#define __math_may_uflowf __glibm_math_may_uflowf
#define __math_divzerof __glibm_math_divzerof
#define __math_invalidf __glibm_math_invalidf
#define __sincostab __glibm_sincostab
#define __frexp __glibm_frexp
#define __fmax __glibm_fmax
#define __fmin __glibm_fmin
#define __srandom_r __glibm_srandom_r
#define __initstate_r __glibm_initstate_r
#define __setstate_r __glibm_setstate_r
#define __random_r __glibm_random_r
#endif
