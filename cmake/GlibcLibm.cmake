# glibc's maths functions for the wasm build, so that renders are bit-identical to native Csound on Debian.
#
# Emscripten's libc is musl, whose sin, exp, pow, ... round differently from glibc's in the last bit for a few
# percent of arguments; Csound's feedback paths (filters, oscillators with phase feedback) can grow such a bit into
# an audible difference. This file compiles the implementations that Debian's libc6 runs natively, from Debian's
# glibc source package, into the static library `glibm`, which the csound-engine target links ahead of musl so its
# symbols win. Only the functions listed in GLIBM_SOURCES are replaced; the other exact operations (ldexp, modf,
# round, ...) stay musl's, which returns the same bits (tests/node/libm.test.ts checks both kinds), apart from fmod,
# which is cpp/fast_fmod.c's (exact too, and faster). fmax and
# fmin are glibc's too: musl's return the number, glibc's a NaN, when one argument is a signaling NaN.
#
# Which glibc variant: on x86-64, glibc selects at load time an FMA/AVX2 build of sin, cos, tan, atan, atan2,
# asin, acos, exp, log, pow, expm1, log1p, log2, expf, logf, powf (and so of sinh, cosh, tanh that call them) when the
# CPU has FMA; the compiler contracts a*b+c into fused operations there, which changes last bits. wasm has no fused
# multiply-add, so this library reproduces glibc's baseline (SSE2) build, and the tests run native programs with
# GLIBC_TUNABLES=glibc.cpu.hwcaps=-FMA,-FMA4, which makes glibc select that baseline build on any CPU
# (README, "Fidelity").
#
# Source: Debian source package glibc 2.36-9+deb12u14 (the version of bookworm's libc6), orig tarball plus
# Debian's git-updates.diff (the upstream 2.36 branch; it touches s_expm1.c, s_log1p.c and math_config.h), pinned
# by sha256 and fetched with apt-get source like the other sources (cmake/Sources.cmake). Overrides, as
# variables or environment variables:
#   CSOUND_WASM_GLIBC_SRC              an unpacked glibc tree with git-updates.diff applied (used as is)
#   CSOUND_WASM_GLIBC_TARBALL          glibc_2.36.orig.tar.xz
#   CSOUND_WASM_GLIBC_DEBIAN_TARBALL   glibc_2.36-9+deb12u14.debian.tar.xz
#   CSOUND_WASM_GLIBC_LIBM=OFF         link musl's maths instead (for comparisons)
# The shim headers glibc's sources need in place of its own build headers are in cpp/glibc-libm/include.

option(CSOUND_WASM_GLIBC_LIBM "Link glibc's maths functions (bit-identical renders) instead of musl's" ON)
foreach(var CSOUND_WASM_GLIBC_SRC CSOUND_WASM_GLIBC_TARBALL CSOUND_WASM_GLIBC_DEBIAN_TARBALL)
  if(NOT DEFINED ${var} AND DEFINED ENV{${var}})
    set(${var} "$ENV{${var}}")
  endif()
endforeach()

set(GLIBC_DEBIAN_VERSION "2.36-9+deb12u14")
set(GLIBC_TARBALL_NAME "glibc_2.36.orig.tar.xz")
set(GLIBC_TARBALL_SHA256 "a543c02070d46ccaf866957efd13f10c924daa74c86a90a0254db09a92a708ee")
set(GLIBC_DEBIAN_TARBALL_NAME "glibc_${GLIBC_DEBIAN_VERSION}.debian.tar.xz")
set(GLIBC_DEBIAN_TARBALL_SHA256 "cf4ac9cd98185452cae3ef34e2e4ee12753e3d93fd0c62c61396d4a47eec902f")

# Each entry: a file of the glibc tree, then the C names it provides as `internal=public` pairs. glibc
# defines the public names through aliases of its internal ones (or in separate wrapper files); here each file is
# compiled through a generated unit that includes it and adds those aliases.
set(GLIBM_SOURCES
  "sysdeps/ieee754/dbl-64/s_sin.c|__sin=sin,__cos=cos"
  "sysdeps/ieee754/dbl-64/s_tan.c|__tan=tan"
  "sysdeps/ieee754/dbl-64/s_atan.c|__atan=atan"
  "sysdeps/ieee754/dbl-64/e_atan2.c|__ieee754_atan2=atan2"
  "sysdeps/ieee754/dbl-64/e_asin.c|__ieee754_asin=asin,__ieee754_acos=acos"
  "sysdeps/ieee754/dbl-64/e_exp.c|__exp=exp"
  "sysdeps/ieee754/dbl-64/e_exp2.c|__exp2=exp2"
  "sysdeps/ieee754/dbl-64/e_log.c|__log=log"
  "sysdeps/ieee754/dbl-64/e_log2.c|__log2=log2"
  "sysdeps/ieee754/dbl-64/e_log10.c|__ieee754_log10=log10"
  "sysdeps/ieee754/dbl-64/e_pow.c|__pow=pow"
  "sysdeps/ieee754/dbl-64/e_sinh.c|__ieee754_sinh=sinh"
  "sysdeps/ieee754/dbl-64/e_cosh.c|__ieee754_cosh=cosh"
  "sysdeps/ieee754/dbl-64/s_tanh.c|__tanh=tanh"
  "sysdeps/ieee754/dbl-64/s_expm1.c|__expm1=expm1"
  "sysdeps/ieee754/dbl-64/s_log1p.c|__log1p=log1p"
  "sysdeps/ieee754/dbl-64/s_cbrt.c|__cbrt=cbrt"
  "sysdeps/ieee754/dbl-64/e_hypot.c|__hypot=hypot"
  "sysdeps/ieee754/dbl-64/s_frexp.c|"
  "math/s_fmax_template.c|__fmax=fmax"
  "math/s_fmin_template.c|__fmin=fmin"
  "sysdeps/ieee754/dbl-64/branred.c|"
  "sysdeps/ieee754/dbl-64/sincostab.c|"
  "sysdeps/ieee754/dbl-64/math_err.c|"
  "sysdeps/ieee754/dbl-64/e_exp_data.c|"
  "sysdeps/ieee754/dbl-64/e_log_data.c|"
  "sysdeps/ieee754/dbl-64/e_log2_data.c|"
  "sysdeps/ieee754/dbl-64/e_pow_log_data.c|"
  "sysdeps/ieee754/flt-32/e_expf.c|__expf=expf"
  "sysdeps/ieee754/flt-32/e_logf.c|__logf=logf"
  "sysdeps/ieee754/flt-32/e_powf.c|__powf=powf"
  "sysdeps/ieee754/flt-32/e_log10f.c|__ieee754_log10f=log10f"
  "sysdeps/ieee754/flt-32/e_powf_log2_data.c|"
  "sysdeps/ieee754/flt-32/math_errf.c|"
  "sysdeps/ieee754/flt-32/e_exp2f_data.c|"
  "sysdeps/ieee754/flt-32/e_logf_data.c|"
  "stdlib/random_r.c|")

if(NOT CSOUND_WASM_GLIBC_LIBM)
  return()
endif()

if(CSOUND_WASM_GLIBC_SRC)
  if(NOT EXISTS "${CSOUND_WASM_GLIBC_SRC}/sysdeps/ieee754/dbl-64/s_sin.c")
    message(FATAL_ERROR "CSOUND_WASM_GLIBC_SRC: ${CSOUND_WASM_GLIBC_SRC} is not a glibc source tree")
  endif()
  set(GLIBC_SRC "${CSOUND_WASM_GLIBC_SRC}")
  add_custom_target(glibc_src)
else()
  foreach(which GLIBC_TARBALL GLIBC_DEBIAN_TARBALL)
    if(NOT CSOUND_WASM_${which})
      set(CSOUND_WASM_${which} "${DOWNLOAD_DIR}/${${which}_NAME}")
      if(NOT EXISTS "${CSOUND_WASM_${which}}")
        message(STATUS "Fetching ${${which}_NAME} (Debian source package glibc)")
        file(MAKE_DIRECTORY "${DOWNLOAD_DIR}")
        execute_process(
          COMMAND apt-get source --download-only "glibc=${GLIBC_DEBIAN_VERSION}"
          WORKING_DIRECTORY "${DOWNLOAD_DIR}"
          OUTPUT_FILE "${DOWNLOAD_DIR}/fetch-glibc.log" ERROR_FILE "${DOWNLOAD_DIR}/fetch-glibc.log")
        if(NOT EXISTS "${CSOUND_WASM_${which}}")
          message(FATAL_ERROR "Could not fetch ${${which}_NAME} (see ${DOWNLOAD_DIR}/fetch-glibc.log); "
                              "set CSOUND_WASM_${which} or CSOUND_WASM_GLIBC_SRC")
        endif()
      endif()
    endif()
    file(SHA256 "${CSOUND_WASM_${which}}" actual)
    if(NOT actual STREQUAL ${which}_SHA256)
      message(FATAL_ERROR "${CSOUND_WASM_${which}}: sha256 ${actual}, expected ${${which}_SHA256}")
    endif()
  endforeach()
  set(GLIBC_SRC "${CMAKE_BINARY_DIR}/glibc/src/glibc_src")
  # Unpack only; Debian's upstream-branch patch is applied as Debian's build does first.
  ExternalProject_Add(glibc_src
    URL "${CSOUND_WASM_GLIBC_TARBALL}" URL_HASH "SHA256=${GLIBC_TARBALL_SHA256}"
    DOWNLOAD_EXTRACT_TIMESTAMP TRUE
    PREFIX "${CMAKE_BINARY_DIR}/glibc"
    SOURCE_DIR "${GLIBC_SRC}"
    PATCH_COMMAND bash -c "tar -xJOf '${CSOUND_WASM_GLIBC_DEBIAN_TARBALL}' debian/patches/git-updates.diff | patch -p1 -s -N"
    CONFIGURE_COMMAND "" BUILD_COMMAND "" INSTALL_COMMAND ""
    BUILD_BYPRODUCTS "${GLIBC_SRC}/sysdeps/ieee754/dbl-64/s_sin.c")
endif()

set(GLIBM_SHIM_DIR "${PROJECT_SOURCE_DIR}/cpp/glibc-libm/include")
set(GLIBM_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated/glibm")
set(GLIBM_UNITS "")
set(GLIBM_PUBLIC "")
foreach(entry ${GLIBM_SOURCES})
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 file)
  list(LENGTH parts nparts)
  set(unit "/* Generated by cmake/GlibcLibm.cmake: glibc's ${file} and its public names. */\n")
  if(file MATCHES "_template\\.c$")
    # glibc instantiates its type-generic templates for double with these (math-type-macros-double.h).
    string(APPEND unit "#define FLOAT double\n#define M_DECL_FUNC(f) f\n#define M_SUF(f) f\n#define M_USE_BUILTIN(c) 0\n")
  endif()
  string(APPEND unit "#include \"${GLIBC_SRC}/${file}\"\n")
  if(nparts GREATER 1)
    list(GET parts 1 aliases)
    string(REPLACE "," ";" aliases "${aliases}")
    foreach(pair ${aliases})
      string(REPLACE "=" ";" pair "${pair}")
      list(GET pair 0 internal)
      list(GET pair 1 public)
      string(APPEND unit "__glibm_alias (${internal}, ${public})\n")
      list(APPEND GLIBM_PUBLIC ${public})
    endforeach()
  endif()
  get_filename_component(unit_name "${file}" NAME)
  file(CONFIGURE OUTPUT "${GLIBM_GENERATED_DIR}/${unit_name}" CONTENT "${unit}")
  list(APPEND GLIBM_UNITS "${GLIBM_GENERATED_DIR}/${unit_name}")
endforeach()
# glibc's rand/srand/random/srandom on top of random_r.c (cpp/glibc-libm/rand.c).
list(APPEND GLIBM_PUBLIC rand srand random srandom)
set(GLIBM_PUBLIC "${GLIBM_PUBLIC}" CACHE INTERNAL "maths functions taken from glibc")

add_library(glibm STATIC ${GLIBM_UNITS} "${PROJECT_SOURCE_DIR}/cpp/glibc-libm/rand.c")
add_dependencies(glibm glibc_src)
target_include_directories(glibm BEFORE PRIVATE "${GLIBM_SHIM_DIR}" "${GLIBC_SRC}/sysdeps/ieee754/dbl-64")
# -ffp-contract=off: never fuse a*b+c (wasm cannot, but say it), as glibc's baseline x86-64 build does not.
target_compile_options(glibm PRIVATE ${WASM_COPTS} -O3 -std=gnu11 -ffp-contract=off -Werror=implicit-function-declaration
  "SHELL:-include ${GLIBM_SHIM_DIR}/glibm-prelude.h")

# The library must define nothing but the public names above and __glibm_* internals: anything else could take
# the place of a musl symbol of the same name (see glibm-rename.h).
find_program(GLIBM_NM NAMES emnm HINTS "${EMSCRIPTEN_ROOT_PATH}" REQUIRED)
add_custom_command(TARGET glibm POST_BUILD
  COMMAND ${CMAKE_COMMAND} -DNM=${GLIBM_NM} -DLIB=$<TARGET_FILE:glibm> "-DPUBLIC=${GLIBM_PUBLIC}"
          -P "${PROJECT_SOURCE_DIR}/cmake/GlibmCheckSymbols.cmake"
  VERBATIM)

target_link_libraries(csound-engine PRIVATE glibm)
