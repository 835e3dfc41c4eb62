# Plugin opcode libraries, linked statically into the wasm module.
#
# Native Csound finds its plugin libraries (libarrayops.so, libpadsynth.so, ...) in its plugin directory and loads
# them with dlopen. wasm has no dlopen, so each plugin below is compiled into the module with its entry points
# (csoundModuleCreate/Init/Destroy/Info, csound_opcode_init, csound_fgen_init, csnd::on_load) renamed per plugin by
# -D flags, and cpp/plugins.cpp registers them on every new or reset Csound (registerStaticPlugins, called from
# Engine::install). The list of plugins and their entry points is written to <build>/generated/static_plugins.inc,
# which cpp/plugins.cpp reads; a link error (not a silent gap) follows if an entry point named here is missing.
#
# Included at the end of the top-level CMakeLists.txt: it adds cpp/plugins.cpp and the plugin libraries to the
# csound-engine target.
#
# Sources:
#   - Csound 6.18.1's own Opcodes/ (the tarball of cmake/Sources.cmake).
#   - Debian source package csound-plugins 1.0.2~dfsg1 (the csound/plugins collection that Csound 6.17+ split off):
#     linear algebra (la_*), chua, image and mp3out. Pinned by sha256; CSOUND_WASM_PLUGINS_SRC /
#     CSOUND_WASM_PLUGINS_TARBALL point at an unpacked tree / a tarball instead of downloading it.
#   - Debian source package eigen3 3.4.0 (header-only, for chua). CSOUND_WASM_EIGEN_SRC / CSOUND_WASM_EIGEN_TARBALL.
#   - Debian source packages libpng1.6 1.6.39 and zlib 1.2.13 (for image), lame 3.100 (for mp3out): their orig
#     tarballs, pinned by sha256, and for libpng Debian's security patches too (its debian tarball, pinned).
#     CSOUND_WASM_{PNG,ZLIB,LAME}_SRC / CSOUND_WASM_{PNG,ZLIB,LAME}_TARBALL, CSOUND_WASM_PNG_DEBIAN_TARBALL.
#   - The Synthesis ToolKit 4.6.2 (stkops): Debian source package stk 4.6.2+dfsg-2, or the upstream tarball in
#     ../shared/third_party when Debian's cannot be downloaded (see the stkops section); CSOUND_WASM_STK_SRC /
#     CSOUND_WASM_STK_TARBALL.
#   - gmm++ headers (la_*): Debian package libgmm-dev on the build machine (scripts/setup-system.sh installs it) (header-only);
#     CSOUND_WASM_GMM_INCLUDE may name another directory that holds gmm/gmm.h.
#   CSOUND_WASM_EXTRA_PLUGINS=OFF builds only the plugins of Csound's own tree (no downloads, no gmm).
#   A fetch goes through apt-get source (csound_wasm_fetch_debian_source); when it fails, the error names the log
#   and the variables that point at a local copy instead.
#
# Already inside libcsound64.a, so not repeated here: the INIT_STATIC_MODULES plugins (ampmidid, doppler,
# fractalnoise, ftsamplebank, mixer, signalflowgraph) and every Opcodes/ source that Csound 6.18 builds into
# libcsound itself (emugens, scugens, liveconv, select, wpfilters, exciter, buchla, framebuffer, quadbezier,
# sterrain, vaops, zak, pvsgendy, counter, fareygen, mp3in with its bundled decoder, ...).
#
# Not linked (the same list, with the opcodes each would add, is tests/node/opcode-exclusions.json, which
# tests/node/opcodes.test.ts reads):
#   Csound 6.18.1 tree
#     control      - opens a Tcl/Tk `wish` subprocess through a pipe; wasm has no processes
#     joystick     - reads Linux input devices (/dev/input/js*)
#     dssi4cs      - loads LADSPA/DSSI plugin libraries with dlopen
#     rtalsa rtpulse rtpa rtjack pmidi ipmidi cmidi rtauhal rtwinmm rthaiku rtcoreaudio
#                  - native real-time audio/MIDI drivers; the wasm build does host-implemented audio I/O
#   (stdutil, the utilities plugin, is linked and registered by the top-level CMakeLists.txt and cpp/engine.cpp.)
#   csound-plugins 1.0.2
#     fluidOpcodes - libfluidsynth is not built: the orig tarball of Debian's fluidsynth 2.3.1-2 is not
#                    downloadable here (404); fluidsynth also needs glib. (SoundFont playback with sfload/sfplay
#                    is part of libcsound and works.)
#     widgets      - FLTK GUI widgets and the virtual MIDI keyboard
#     py           - embeds a Python interpreter
#     faustcsound  - embeds the Faust compiler (LLVM)
#     ableton_link - Ableton Link network tempo sync (UDP multicast)
#     websockets   - libwebsockets server
#     hdf5         - needs libhdf5, not built for wasm yet (HDF5 files would work in the sandbox; HDF5 1.10.8, Debian
#                    source hdf5, configures by running test programs that write host files, where an emcmake
#                    configure stops, and runs generated programs at build time to make its type tables)
#     jackops      - JACK audio connection kit
#     wiimote p5glove - USB/Bluetooth controllers
#     CUDA opencl  - GPU back ends

option(CSOUND_WASM_EXTRA_PLUGINS "Link the csound-plugins collection (la_*, chua, image, mp3out)" ON)
foreach(var CSOUND_WASM_PLUGINS_SRC CSOUND_WASM_PLUGINS_TARBALL CSOUND_WASM_EIGEN_SRC CSOUND_WASM_EIGEN_TARBALL
        CSOUND_WASM_GMM_INCLUDE CSOUND_WASM_ZLIB_SRC CSOUND_WASM_ZLIB_TARBALL CSOUND_WASM_PNG_SRC
        CSOUND_WASM_PNG_TARBALL CSOUND_WASM_PNG_DEBIAN_TARBALL CSOUND_WASM_LAME_SRC CSOUND_WASM_LAME_TARBALL
        CSOUND_WASM_STK_SRC CSOUND_WASM_STK_TARBALL CSOUND_WASM_THIRD_PARTY_DIR)
  if(NOT DEFINED ${var} AND DEFINED ENV{${var}})
    set(${var} "$ENV{${var}}")
  endif()
endforeach()

set(PLUGINS_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY "${PLUGINS_GENERATED_DIR}")
set(CSOUND_WASM_PLUGIN_TARGETS "")
set(CSOUND_WASM_PLUGIN_TABLE "")

# The flags Csound's own CMake gives its sources for this target (see csound64-static's flags.make), so that a
# plugin behaves here as inside libcsound (USE_LRINT rounding, B64BIT table phase, ...).
set(PLUGIN_DEFINES -DHAVE_STRLCAT -DHAVE_STRTOK_R -DUSE_LRINT -D_CSOUND_RELEASE_ -DHAVE_ATOMIC_BUILTIN
    -DHAVE_DIRENT_H -DHAVE_FCNTL_H -DHAVE_UNISTD_H -DHAVE_STDINT_H -DHAVE_SYS_TIME_H -DHAVE_SYS_TYPES_H
    -DHAVE_TERMIOS_H -DHAVE_VALUES_H -DNDEBUG -DUSE_DOUBLE)

# Downloads a Debian source package's orig tarball into DOWNLOAD_DIR unless it is there (apt-get source needs the
# deb-src entry that scripts/setup-system.sh derives from the machine's own Debian sources). Debian's patch tarball
# may be missing from the archive; only the orig tarball is used, and csound_wasm_source checks its sha256.
function(csound_wasm_fetch_debian_source package version tarball)
  if(EXISTS "${DOWNLOAD_DIR}/${tarball}")
    return()
  endif()
  message(STATUS "Fetching ${tarball} (Debian source package ${package})")
  file(MAKE_DIRECTORY "${DOWNLOAD_DIR}")
  execute_process(COMMAND apt-get source --download-only "${package}=${version}"
    WORKING_DIRECTORY "${DOWNLOAD_DIR}" OUTPUT_FILE "${DOWNLOAD_DIR}/fetch-${package}.log"
    ERROR_FILE "${DOWNLOAD_DIR}/fetch-${package}.log" RESULT_VARIABLE ignored)
  if(NOT EXISTS "${DOWNLOAD_DIR}/${tarball}")
    message(FATAL_ERROR "Could not fetch ${tarball} (see ${DOWNLOAD_DIR}/fetch-${package}.log); set the "
                        "CSOUND_WASM_*_TARBALL or CSOUND_WASM_*_SRC variable of cmake/Plugins.cmake, or "
                        "-DCSOUND_WASM_EXTRA_PLUGINS=OFF")
  endif()
endfunction()

# csound_wasm_plugin(<name> ENTRIES <entry>... SOURCES <file>... [OPTIONS <flag>...] [INCLUDES <dir>...]
#                    [DEPENDS <target>...])
# ENTRIES names the entry points the plugin defines, as csmodule.c looks them up:
#   create init destroy   csoundModuleCreate / csoundModuleInit / csoundModuleDestroy
#   opcodes               csound_opcode_init (csdl.h LINKAGE / LINKAGE_BUILTIN)
#   fgens                 csound_fgen_init (FLINKAGE, or written by hand)
#   builtin=<symbol>      <symbol>_init of csoundCore.h's LINKAGE_BUILTIN(<symbol>) (returns long)
function(csound_wasm_plugin name)
  cmake_parse_arguments(P "" "" "ENTRIES;SOURCES;OPTIONS;INCLUDES;DEPENDS" ${ARGN})
  set(renames
    -DcsoundModuleCreate=csoundModuleCreate_${name}
    -DcsoundModuleInit=csoundModuleInit_${name}
    -DcsoundModuleDestroy=csoundModuleDestroy_${name}
    -DcsoundModuleInfo=csoundModuleInfo_${name}
    -DcsoundModuleErrorCodeToString=csoundModuleErrorCodeToString_${name}
    -Dcsound_opcode_init=csound_opcode_init_${name}
    -Dcsound_fgen_init=csound_fgen_init_${name}
    -Don_load=on_load_${name})
  set(has_create 0)
  set(has_init 0)
  set(has_destroy 0)
  set(has_opcodes 0)
  set(has_fgens 0)
  set(has_builtin 0)
  foreach(entry IN LISTS P_ENTRIES)
    if(entry MATCHES "^builtin=(.+)$")
      list(APPEND renames "-D${CMAKE_MATCH_1}_init=csound_builtin_init_${name}")
      set(has_builtin 1)
    elseif(entry MATCHES "^(create|init|destroy|opcodes|fgens)$")
      set(has_${entry} 1)
    else()
      message(FATAL_ERROR "csound_wasm_plugin(${name}): unknown entry ${entry}")
    endif()
  endforeach()
  set_source_files_properties(${P_SOURCES} PROPERTIES GENERATED TRUE)
  add_library(plugin_${name} STATIC ${P_SOURCES})
  add_dependencies(plugin_${name} csound_ext ${P_DEPENDS})
  target_include_directories(plugin_${name} PRIVATE ${P_INCLUDES} ${CSOUND_INCLUDES} "${CSOUND_SRC}/Opcodes")
  target_compile_options(plugin_${name} PRIVATE ${WASM_COPTS} ${CSOUND_DEFS} ${PLUGIN_DEFINES} ${renames}
    "-fmacro-prefix-map=${CMAKE_BINARY_DIR}/=" -O3 -w -fvisibility=hidden $<$<COMPILE_LANGUAGE:C>:-std=gnu99> $<$<COMPILE_LANGUAGE:CXX>:-std=gnu++17 -fno-exceptions>
    ${P_OPTIONS})
  set(CSOUND_WASM_PLUGIN_TARGETS ${CSOUND_WASM_PLUGIN_TARGETS} plugin_${name} PARENT_SCOPE)
  set(CSOUND_WASM_PLUGIN_TABLE "${CSOUND_WASM_PLUGIN_TABLE}CSW_PLUGIN(${name}, ${has_create}, ${has_init}, \
${has_destroy}, ${has_opcodes}, ${has_fgens}, ${has_builtin})\n" PARENT_SCOPE)
endfunction()

set(OPC "${CSOUND_SRC}/Opcodes")

# ---- Csound 6.18.1, Opcodes/CMakeLists.txt: plugins without external libraries
csound_wasm_plugin(arrayops ENTRIES create init destroy SOURCES "${OPC}/arrayops.cpp")
csound_wasm_plugin(bformdec2 ENTRIES opcodes SOURCES "${OPC}/bformdec2.cpp")
csound_wasm_plugin(lfsr ENTRIES create init destroy SOURCES "${OPC}/lfsr.cpp")
csound_wasm_plugin(pvsops ENTRIES create init destroy SOURCES "${OPC}/pvsops.cpp")
csound_wasm_plugin(trigenvsegs ENTRIES create init destroy SOURCES "${OPC}/trigEnvSegs.cpp")
# padsynth draws its random phases from std::default_random_engine, which is minstd_rand0 in libstdc++ (native
# Debian Csound) but minstd_rand in Emscripten's libc++: the same GEN call made different tables. Here it uses
# minstd_rand0, so its tables equal native ones (the distribution code of both libraries computes the same doubles).
# The macro is set after <random> is read, so that the library's own typedef is left alone.
file(WRITE "${PLUGINS_GENERATED_DIR}/padsynth_rng.h.tmp"
  "// Generated by cmake/Plugins.cmake: read before padsynth_gen.cpp (-include).\n"
  "#pragma once\n#include <random>\n#define default_random_engine minstd_rand0\n")
configure_file("${PLUGINS_GENERATED_DIR}/padsynth_rng.h.tmp" "${PLUGINS_GENERATED_DIR}/padsynth_rng.h" COPYONLY)
csound_wasm_plugin(padsynth ENTRIES fgens SOURCES "${OPC}/padsynth_gen.cpp"
  OPTIONS -include "${PLUGINS_GENERATED_DIR}/padsynth_rng.h")
csound_wasm_plugin(scansyn ENTRIES create init SOURCES "${OPC}/scansyn.c" "${OPC}/scansynx.c")
# urandom reads /dev/urandom, which Emscripten's file system provides (from the host's crypto source).
csound_wasm_plugin(urandom ENTRIES opcodes SOURCES "${OPC}/urandom.c")
csound_wasm_plugin(deprecated ENTRIES opcodes SOURCES "${OPC}/deprecated.c")
# cpumeter.c is part of libcsound, but only compiled for LINUX (Emscripten is not), so the wasm libcsound has
# neither cpumeter nor systime. Compiled again here as LINUX: systime works (clock_gettime; unlike Debian's native
# build, which lacks HAVE_CLOCK_GETTIME and returns 0), and cpumeter reads the /proc/stat that js/proc-stat.ts
# puts in the file system, written from the host's CPU times (Node: the machine's, as natively; a browser: the
# audio thread's busy share).
# On an AudioWorklet cpumeter's /proc/stat is a stream written from the audio thread's busy time
# (cpp/audio_thread_cpu.h), since a worklet cannot have file-system calls served while it performs.
csound_wasm_plugin(cpumeter ENTRIES builtin=cpumeter_localops SOURCES "${OPC}/cpumeter.c"
  OPTIONS -D__BUILDING_LIBCSOUND -DLINUX=1 -DHAVE_CLOCK_GETTIME=1 -Dcpupercent_init=cpupercent_init_wasm
    -include "${PROJECT_SOURCE_DIR}/cpp/audio_thread_cpu.h")
target_sources(csound-engine PRIVATE "${PROJECT_SOURCE_DIR}/cpp/audio_thread_cpu.c")

# OSC opcodes (OSCinit, OSClisten, OSCsend_lo, ...) over the host instead of UDP: Opcodes/OSC.c compiled unchanged
# against cpp/osc/lo/lo.h, a socket-free liblo whose "servers" are ports the host delivers packets to
# (Csound.oscDeliver) and whose sends queue packets for the host (Csound.oscTake). See cpp/osc/host_osc.c.
csound_wasm_plugin(osc ENTRIES opcodes SOURCES "${OPC}/OSC.c" "${PROJECT_SOURCE_DIR}/cpp/osc/host_osc.c"
  INCLUDES "${PROJECT_SOURCE_DIR}/cpp/osc" OPTIONS ${COLD_OPT})
set_source_files_properties("${PROJECT_SOURCE_DIR}/cpp/osc/host_osc.c" PROPERTIES GENERATED FALSE)

# ---- csound-plugins 1.0.2~dfsg1 (Debian source package csound-plugins)
if(CSOUND_WASM_EXTRA_PLUGINS)
  set(PLUGINS_TARBALL_NAME "csound-plugins_1.0.2~dfsg1.orig.tar.xz")
  set(PLUGINS_TARBALL_SHA256 "c8503e25867a931bd2c403fc70b0ac57279966bbc9c3f3910a6a2ce01ce71a80")
  set(EIGEN_TARBALL_NAME "eigen3_3.4.0.orig.tar.bz2")
  set(EIGEN_TARBALL_SHA256 "b4c198460eba6f28d34894e3a5710998818515104d6e74e5cc331ce31e46e626")
  if(NOT CSOUND_WASM_PLUGINS_SRC AND NOT CSOUND_WASM_PLUGINS_TARBALL)
    csound_wasm_fetch_debian_source(csound-plugins 1.0.2~dfsg1-3 "${PLUGINS_TARBALL_NAME}")
  endif()
  if(NOT CSOUND_WASM_EIGEN_SRC AND NOT CSOUND_WASM_EIGEN_TARBALL)
    csound_wasm_fetch_debian_source(eigen3 3.4.0-4 "${EIGEN_TARBALL_NAME}")
  endif()
  csound_wasm_source(PLUGINS "${CSOUND_WASM_PLUGINS_SRC}" "${CSOUND_WASM_PLUGINS_TARBALL}"
                     "${PLUGINS_TARBALL_NAME}" "${PLUGINS_TARBALL_SHA256}")
  csound_wasm_source(EIGEN "${CSOUND_WASM_EIGEN_SRC}" "${CSOUND_WASM_EIGEN_TARBALL}"
                     "${EIGEN_TARBALL_NAME}" "${EIGEN_TARBALL_SHA256}")
  # Unpacked only: their sources are compiled by the plugin targets below.
  ExternalProject_Add(csound_plugins_ext ${PLUGINS_SOURCE_ARGS}
    PREFIX "${CMAKE_BINARY_DIR}/csound-plugins"
    CONFIGURE_COMMAND "" BUILD_COMMAND "" INSTALL_COMMAND "")
  ExternalProject_Add(eigen_ext ${EIGEN_SOURCE_ARGS}
    PREFIX "${CMAKE_BINARY_DIR}/eigen"
    CONFIGURE_COMMAND "" BUILD_COMMAND "" INSTALL_COMMAND "")
  ExternalProject_Get_Property(csound_plugins_ext SOURCE_DIR)
  set(CSP "${SOURCE_DIR}")
  ExternalProject_Get_Property(eigen_ext SOURCE_DIR)
  set(EIGEN_INCLUDE "${SOURCE_DIR}")

  # gmm++ is header-only; only its gmm/ folder is put on the include path (not the host's whole /usr/include).
  if(NOT CSOUND_WASM_GMM_INCLUDE)
    find_path(CSOUND_WASM_GMM_INCLUDE gmm/gmm.h PATHS /usr/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  endif()
  if(NOT CSOUND_WASM_GMM_INCLUDE OR NOT EXISTS "${CSOUND_WASM_GMM_INCLUDE}/gmm/gmm.h")
    message(FATAL_ERROR "gmm/gmm.h not found (the la_* opcodes need it): install Debian's libgmm++-dev, set "
                        "CSOUND_WASM_GMM_INCLUDE, or -DCSOUND_WASM_EXTRA_PLUGINS=OFF")
  endif()
  set(GMM_LINK_DIR "${PLUGINS_GENERATED_DIR}/gmm-include")
  file(MAKE_DIRECTORY "${GMM_LINK_DIR}")
  file(CREATE_LINK "${CSOUND_WASM_GMM_INCLUDE}/gmm" "${GMM_LINK_DIR}/gmm" SYMBOLIC)

  # gmm reports errors (e.g. inverting a singular matrix) by throwing. The module is built without exception
  # catching, and a C++ throw inside a performance would be swallowed by the setjmp/longjmp emulation of Csound's
  # error handling (the note is retried forever). Plugins are compiled with -fno-exceptions, so gmm takes its
  # other path: it prints the error and aborts; the facade turns the abort into a CsoundError and retires that
  # instance (native Csound terminates the whole process on such an uncaught exception).
  csound_wasm_plugin(linear_algebra ENTRIES create init destroy SOURCES "${CSP}/linear_algebra/linear_algebra.cpp"
    INCLUDES "${GMM_LINK_DIR}" OPTIONS -DGMM_VERSION DEPENDS csound_plugins_ext)
  # Its global opcode table `oentries` has the name of doppler's (inside libcsound): renamed.
  csound_wasm_plugin(chua ENTRIES create init destroy SOURCES "${CSP}/chua/ChuaOscillator.cpp"
    INCLUDES "${EIGEN_INCLUDE}" OPTIONS -DEIGEN_DONT_PARALLELIZE -Doentries=oentries_chua
    DEPENDS csound_plugins_ext eigen_ext)

  # ---- image (imageload, imagesave, ...): libpng 1.6.39 and zlib 1.2.13 (Debian source packages libpng1.6 and
  # zlib), compiled from plain source lists with the same flags as the plugins. libpng's configuration is its
  # prebuilt pnglibconf.h (the defaults of a ./configure build); wasm has none of its SIMD filter paths, whose
  # results are the same integers anyway.
  set(ZLIB_TARBALL_NAME "zlib_1.2.13.dfsg.orig.tar.bz2")
  set(ZLIB_TARBALL_SHA256 "71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1")
  set(PNG_TARBALL_NAME "libpng1.6_1.6.39.orig.tar.gz")
  set(PNG_TARBALL_SHA256 "a00e9d2f2f664186e4202db9299397f851aea71b36a35e74910b8820e380d441")
  # libpng parses files a page may hand in: Debian's security fixes (debian/patches of 1.6.39-2+deb12u5, CVE-2025-*
  # and CVE-2026-*) are applied to the orig tree, as dpkg-source would (scripts/apply-debian-series.sh).
  set(PNG_DEBIAN_TARBALL_NAME "libpng1.6_1.6.39-2+deb12u5.debian.tar.xz")
  set(PNG_DEBIAN_TARBALL_SHA256 "ab14906eda9fddf14cbb1e589b9ba7439c22e233dc3c5e3cf9356c9625565a82")
  if(NOT CSOUND_WASM_ZLIB_SRC AND NOT CSOUND_WASM_ZLIB_TARBALL)
    csound_wasm_fetch_debian_source(zlib 1:1.2.13.dfsg-1 "${ZLIB_TARBALL_NAME}")
  endif()
  if(NOT CSOUND_WASM_PNG_SRC AND NOT CSOUND_WASM_PNG_TARBALL)
    csound_wasm_fetch_debian_source(libpng1.6 1.6.39-2+deb12u5 "${PNG_TARBALL_NAME}")
  endif()
  csound_wasm_source(ZLIB "${CSOUND_WASM_ZLIB_SRC}" "${CSOUND_WASM_ZLIB_TARBALL}"
                     "${ZLIB_TARBALL_NAME}" "${ZLIB_TARBALL_SHA256}")
  csound_wasm_source(PNG "${CSOUND_WASM_PNG_SRC}" "${CSOUND_WASM_PNG_TARBALL}"
                     "${PNG_TARBALL_NAME}" "${PNG_TARBALL_SHA256}")
  set(PNG_PATCH_ARGS "")
  if(NOT CSOUND_WASM_PNG_SRC)  # a tree given as is is used as is
    if(NOT CSOUND_WASM_PNG_DEBIAN_TARBALL)
      set(CSOUND_WASM_PNG_DEBIAN_TARBALL "${DOWNLOAD_DIR}/${PNG_DEBIAN_TARBALL_NAME}")
      if(NOT EXISTS "${CSOUND_WASM_PNG_DEBIAN_TARBALL}")
        # Fetched with the orig tarball; a tarball given by CSOUND_WASM_PNG_TARBALL comes without it.
        execute_process(COMMAND apt-get source --download-only "libpng1.6=1.6.39-2+deb12u5"
          WORKING_DIRECTORY "${DOWNLOAD_DIR}" OUTPUT_QUIET ERROR_QUIET)
      endif()
    endif()
    if(NOT EXISTS "${CSOUND_WASM_PNG_DEBIAN_TARBALL}")
      message(FATAL_ERROR "libpng's Debian patches (${PNG_DEBIAN_TARBALL_NAME}) not found: set "
                          "CSOUND_WASM_PNG_DEBIAN_TARBALL, or CSOUND_WASM_PNG_SRC to an already patched tree")
    endif()
    file(SHA256 "${CSOUND_WASM_PNG_DEBIAN_TARBALL}" actual)
    if(NOT actual STREQUAL PNG_DEBIAN_TARBALL_SHA256)
      message(FATAL_ERROR "${CSOUND_WASM_PNG_DEBIAN_TARBALL}: sha256 ${actual}, expected ${PNG_DEBIAN_TARBALL_SHA256}")
    endif()
    set(PNG_PATCH_ARGS PATCH_COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/apply-debian-series.sh"
        "${CSOUND_WASM_PNG_DEBIAN_TARBALL}" <SOURCE_DIR>)
  endif()
  ExternalProject_Add(zlib_ext ${ZLIB_SOURCE_ARGS}
    PREFIX "${CMAKE_BINARY_DIR}/zlib"
    CONFIGURE_COMMAND "" BUILD_COMMAND "" INSTALL_COMMAND "")
  ExternalProject_Get_Property(zlib_ext SOURCE_DIR)
  set(ZLIB_DIR "${SOURCE_DIR}")
  set(PNG_CONF_DIR "${CMAKE_BINARY_DIR}/png/conf")
  ExternalProject_Add(png_ext ${PNG_SOURCE_ARGS} ${PNG_PATCH_ARGS}
    PREFIX "${CMAKE_BINARY_DIR}/png"
    CONFIGURE_COMMAND ${CMAKE_COMMAND} -E copy <SOURCE_DIR>/scripts/pnglibconf.h.prebuilt
                      "${PNG_CONF_DIR}/pnglibconf.h"
    BUILD_COMMAND "" INSTALL_COMMAND "")
  ExternalProject_Get_Property(png_ext SOURCE_DIR)
  set(PNG_DIR "${SOURCE_DIR}")

  set(ZLIB_FILES adler32.c compress.c crc32.c deflate.c infback.c inffast.c inflate.c inftrees.c trees.c
      uncompr.c zutil.c)
  list(TRANSFORM ZLIB_FILES PREPEND "${ZLIB_DIR}/")
  set(PNG_FILES png.c pngerror.c pngget.c pngmem.c pngpread.c pngread.c pngrio.c pngrtran.c pngrutil.c pngset.c
      pngtrans.c pngwio.c pngwrite.c pngwtran.c pngwutil.c)
  list(TRANSFORM PNG_FILES PREPEND "${PNG_DIR}/")
  set_source_files_properties(${ZLIB_FILES} ${PNG_FILES} PROPERTIES GENERATED TRUE)
  add_library(wasm_zlib STATIC ${ZLIB_FILES})
  add_dependencies(wasm_zlib zlib_ext)
  add_library(wasm_png STATIC ${PNG_FILES})
  add_dependencies(wasm_png png_ext zlib_ext)
  target_include_directories(wasm_png PRIVATE "${PNG_CONF_DIR}" "${ZLIB_DIR}")
  foreach(t wasm_zlib wasm_png)
    target_compile_options(${t} PRIVATE ${WASM_COPTS} ${COLD_OPT} -w -DHAVE_UNISTD_H -DHAVE_STDARG_H)
  endforeach()
  target_link_libraries(wasm_png PUBLIC wasm_zlib)
  # csound-plugins' own CMake compiles with -ffast-math (cmake/CompilerOptimizations.cmake), so native Debian's
  # libimage.so turns pixel / 255.0 into pixel * (1 / 255.0), which differs in the last bit for some pixels:
  # -freciprocal-math (that part of -ffast-math alone) gives the same doubles here.
  csound_wasm_plugin(image ENTRIES opcodes SOURCES "${CSP}/image/imageOpcodes.c"
    INCLUDES "${PNG_DIR}" "${PNG_CONF_DIR}" "${ZLIB_DIR}" OPTIONS -freciprocal-math ${COLD_OPT}
    DEPENDS csound_plugins_ext png_ext zlib_ext)
  target_link_libraries(plugin_image PRIVATE wasm_png)

  # ---- mp3out: the LAME 3.100 encoder (Debian source package lame), from a plain source list. config.h below
  # takes the choices Debian's amd64 build makes (./configure with dpkg's CFLAGS): the IEEE-754 and fast-log
  # paths of x86-64, the mpglib decoder (used for the ReplayGain peak of the LAME tag), no -ffast-math, and no SSE
  # routines (LAME enables those only with nasm or on MSVC, so the native library runs the C ones too).
  set(LAME_TARBALL_NAME "lame_3.100.orig.tar.gz")
  set(LAME_TARBALL_SHA256 "ddfe36cab873794038ae2c1210557ad34857a4b6bdc515785d1da9e175b1da1e")
  if(CSOUND_WASM_LAME_SRC)
    if(NOT EXISTS "${CSOUND_WASM_LAME_SRC}/libmp3lame/lame.c")
      message(FATAL_ERROR "LAME: ${CSOUND_WASM_LAME_SRC} is not a LAME source tree (no libmp3lame/lame.c)")
    endif()
    set(LAME_SOURCE_ARGS SOURCE_DIR "${CSOUND_WASM_LAME_SRC}" DOWNLOAD_COMMAND "")
  else()
    if(NOT CSOUND_WASM_LAME_TARBALL)
      csound_wasm_fetch_debian_source(lame 3.100-6 "${LAME_TARBALL_NAME}")
      set(CSOUND_WASM_LAME_TARBALL "${DOWNLOAD_DIR}/${LAME_TARBALL_NAME}")
    endif()
    file(SHA256 "${CSOUND_WASM_LAME_TARBALL}" lame_sha)
    if(NOT lame_sha STREQUAL LAME_TARBALL_SHA256)
      message(FATAL_ERROR "${CSOUND_WASM_LAME_TARBALL}: sha256 ${lame_sha}, expected ${LAME_TARBALL_SHA256}")
    endif()
    set(LAME_SOURCE_ARGS URL "${CSOUND_WASM_LAME_TARBALL}" URL_HASH "SHA256=${LAME_TARBALL_SHA256}"
        DOWNLOAD_EXTRACT_TIMESTAMP TRUE)
  endif()
  ExternalProject_Add(lame_ext ${LAME_SOURCE_ARGS}
    PREFIX "${CMAKE_BINARY_DIR}/lame"
    CONFIGURE_COMMAND "" BUILD_COMMAND "" INSTALL_COMMAND "")
  ExternalProject_Get_Property(lame_ext SOURCE_DIR)
  set(LAME_DIR "${SOURCE_DIR}")
  set(LAME_CONF_DIR "${PLUGINS_GENERATED_DIR}/lame")
  file(MAKE_DIRECTORY "${LAME_CONF_DIR}")
  file(WRITE "${LAME_CONF_DIR}/config.h.tmp"
    "/* Generated by cmake/Plugins.cmake: LAME's configuration for wasm32 (see the comment there). */\n"
    "#define STDC_HEADERS 1\n#define HAVE_STDINT_H 1\n#define HAVE_INTTYPES_H 1\n#define HAVE_LIMITS_H 1\n"
    "#define HAVE_ERRNO_H 1\n#define HAVE_FCNTL_H 1\n#define HAVE_STRING_H 1\n#define HAVE_STDLIB_H 1\n"
    "#define HAVE_UNISTD_H 1\n#define HAVE_SYS_TYPES_H 1\n#define HAVE_SYS_STAT_H 1\n#define HAVE_SYS_TIME_H 1\n"
    "#define HAVE_STRTOL 1\n#define HAVE_GETTIMEOFDAY 1\n#define LAME_LIBRARY_BUILD 1\n"
    "#define HAVE_MPGLIB 1\n#define DECODE_ON_THE_FLY 1\n"
    "#define TAKEHIRO_IEEE754_HACK 1\n#define USE_FAST_LOG 1\n"
    "typedef float ieee754_float32_t;\ntypedef double ieee754_float64_t;\n")
  configure_file("${LAME_CONF_DIR}/config.h.tmp" "${LAME_CONF_DIR}/config.h" COPYONLY)
  set(LAME_FILES VbrTag.c bitstream.c encoder.c fft.c gain_analysis.c id3tag.c lame.c newmdct.c presets.c
      psymodel.c quantize.c quantize_pvt.c reservoir.c set_get.c tables.c takehiro.c util.c vbrquantize.c
      version.c mpglib_interface.c)
  list(TRANSFORM LAME_FILES PREPEND "${LAME_DIR}/libmp3lame/")
  set(MPGLIB_FILES common.c dct64_i386.c decode_i386.c interface.c layer1.c layer2.c layer3.c tabinit.c)
  list(TRANSFORM MPGLIB_FILES PREPEND "${LAME_DIR}/mpglib/")
  set_source_files_properties(${LAME_FILES} ${MPGLIB_FILES} PROPERTIES GENERATED TRUE)
  add_library(wasm_lame STATIC ${LAME_FILES} ${MPGLIB_FILES})
  add_dependencies(wasm_lame lame_ext)
  target_include_directories(wasm_lame PRIVATE "${LAME_CONF_DIR}" "${LAME_DIR}/include" "${LAME_DIR}/libmp3lame"
    "${LAME_DIR}/mpglib" "${LAME_DIR}")
  target_compile_options(wasm_lame PRIVATE ${WASM_COPTS} ${COLD_OPT} -w -DHAVE_CONFIG_H)
  # mp3out.c includes <lame/lame.h>.
  set(LAME_INCLUDE_LINK "${LAME_CONF_DIR}/include")
  file(MAKE_DIRECTORY "${LAME_INCLUDE_LINK}")
  file(CREATE_LINK "${LAME_DIR}/include" "${LAME_INCLUDE_LINK}/lame" SYMBOLIC)
  # -freciprocal-math: sample / 0dbfs as native's -ffast-math build computes it (see image above).
  csound_wasm_plugin(mp3out ENTRIES opcodes SOURCES "${CSP}/mp3/mp3out.c" INCLUDES "${LAME_INCLUDE_LINK}"
    OPTIONS -freciprocal-math ${COLD_OPT} DEPENDS csound_plugins_ext lame_ext)
  target_link_libraries(plugin_mp3out PRIVATE wasm_lame)

  # ---- stkops (STKBowed, STKMandolin, ... 27 opcodes): the Synthesis ToolKit 4.6.2, compiled from its instrument
  # classes (not its realtime audio, MIDI, sockets or threads: the files csound-plugins' own CMake leaves out when
  # it builds STK from source), and csound-plugins' stk/stkOpcodes.cpp.
  # Source, in order: CSOUND_WASM_STK_SRC (an unpacked tree), CSOUND_WASM_STK_TARBALL, Debian's source package
  # stk 4.6.2+dfsg-2 (apt-get source, like the others), then, when that download fails, the upstream 4.6.2 tarball
  # in CSOUND_WASM_THIRD_PARTY_DIR (default ../shared/third_party next to the checkout). Debian's +dfsg repack and
  # the upstream tarball differ as files, so each is pinned by its own sha256 and either is accepted. Without any
  # of them the build goes on without STK and says so (build/generated/stk-source.txt, printed by scripts/build.sh).
  # The rawwaves (the sampled tables some instruments read) go into <build>/stk-rawwaves.bin (scripts/pack-rawwaves.mjs),
  # which scripts/build.sh copies next to the wasm; the engine's file system shows them at RAWWAVE_DIR, where STK
  # looks by default (the path of Debian's stk package), loading the file on the first access (js/stk-rawwaves.ts).
  set(STK_TARBALL_NAME "stk_4.6.2+dfsg.orig.tar.xz")
  set(STK_TARBALL_SHA256_DEBIAN "b1be19077149c27551e4559b6e4a013a84be1d255744e2a11d82eea77eb28a28")
  set(STK_TARBALL_SHA256_UPSTREAM "dbe176f15535f3d544da970de4109a9889a04ee31247fb0ace4285987e7d4233")
  set(STK_SHARED_COPY_NAME "stk-4.6.2.tar.xz")
  set(RAWWAVE_DIR "/usr/share/stk/rawwaves/")
  if(NOT CSOUND_WASM_THIRD_PARTY_DIR)
    get_filename_component(CSOUND_WASM_THIRD_PARTY_DIR "${PROJECT_SOURCE_DIR}/../shared/third_party" ABSOLUTE)
  endif()
  set(STK_SOURCE_ARGS "")
  if(CSOUND_WASM_STK_SRC)
    if(NOT EXISTS "${CSOUND_WASM_STK_SRC}/include/Stk.h" OR NOT EXISTS "${CSOUND_WASM_STK_SRC}/src/Stk.cpp")
      message(FATAL_ERROR "STK: ${CSOUND_WASM_STK_SRC} is not an STK source tree (no include/Stk.h, src/Stk.cpp)")
    endif()
    set(STK_SOURCE_ARGS SOURCE_DIR "${CSOUND_WASM_STK_SRC}" DOWNLOAD_COMMAND "")
    set(STK_NOTE "STK 4.6.2 from CSOUND_WASM_STK_SRC (${CSOUND_WASM_STK_SRC})")
  else()
    set(stk_tarball "${CSOUND_WASM_STK_TARBALL}")
    if(stk_tarball)
      set(STK_NOTE "STK 4.6.2 from CSOUND_WASM_STK_TARBALL (${stk_tarball})")
    else()
      if(NOT EXISTS "${DOWNLOAD_DIR}/${STK_TARBALL_NAME}")
        message(STATUS "Fetching ${STK_TARBALL_NAME} (Debian source package stk)")
        file(MAKE_DIRECTORY "${DOWNLOAD_DIR}")
        execute_process(COMMAND apt-get source --download-only "stk=4.6.2+dfsg-2"
          WORKING_DIRECTORY "${DOWNLOAD_DIR}" OUTPUT_FILE "${DOWNLOAD_DIR}/fetch-stk.log"
          ERROR_FILE "${DOWNLOAD_DIR}/fetch-stk.log" RESULT_VARIABLE ignored)
      endif()
      if(EXISTS "${DOWNLOAD_DIR}/${STK_TARBALL_NAME}")
        set(stk_tarball "${DOWNLOAD_DIR}/${STK_TARBALL_NAME}")
        set(STK_NOTE "STK 4.6.2 from Debian's source package stk 4.6.2+dfsg-2")
      elseif(EXISTS "${CSOUND_WASM_THIRD_PARTY_DIR}/${STK_SHARED_COPY_NAME}")
        set(stk_tarball "${CSOUND_WASM_THIRD_PARTY_DIR}/${STK_SHARED_COPY_NAME}")
        set(STK_NOTE "STK 4.6.2 from the shared copy ${stk_tarball}: Debian's ${STK_TARBALL_NAME} could not be downloaded (see ${DOWNLOAD_DIR}/fetch-stk.log)")
      else()
        set(STK_NOTE "without STK (no STK opcodes): Debian's ${STK_TARBALL_NAME} could not be downloaded (see ${DOWNLOAD_DIR}/fetch-stk.log) and there is no ${CSOUND_WASM_THIRD_PARTY_DIR}/${STK_SHARED_COPY_NAME}; set CSOUND_WASM_STK_TARBALL or CSOUND_WASM_STK_SRC")
      endif()
    endif()
    if(stk_tarball)
      if(NOT EXISTS "${stk_tarball}")
        message(FATAL_ERROR "STK: ${stk_tarball} does not exist")
      endif()
      file(SHA256 "${stk_tarball}" stk_sha)
      if(NOT stk_sha STREQUAL STK_TARBALL_SHA256_DEBIAN AND NOT stk_sha STREQUAL STK_TARBALL_SHA256_UPSTREAM)
        message(FATAL_ERROR "${stk_tarball}: sha256 ${stk_sha}, expected ${STK_TARBALL_SHA256_DEBIAN} (Debian's "
                            "${STK_TARBALL_NAME}) or ${STK_TARBALL_SHA256_UPSTREAM} (upstream stk-4.6.2.tar.xz)")
      endif()
      set(STK_SOURCE_ARGS URL "${stk_tarball}" URL_HASH "SHA256=${stk_sha}" DOWNLOAD_EXTRACT_TIMESTAMP TRUE)
    endif()
  endif()
  message(STATUS "${STK_NOTE}")
  file(WRITE "${PLUGINS_GENERATED_DIR}/stk-source.txt" "${STK_NOTE}\n")
  if(STK_SOURCE_ARGS)
    ExternalProject_Add(stk_ext ${STK_SOURCE_ARGS}
      PREFIX "${CMAKE_BINARY_DIR}/stk"
      CONFIGURE_COMMAND "" BUILD_COMMAND "" INSTALL_COMMAND "")
    ExternalProject_Get_Property(stk_ext SOURCE_DIR)
    set(STK_DIR "${SOURCE_DIR}")
    # src/ minus realtime I/O (RtAudio, RtMidi, RtWv*), network (Inet*, Socket, Tcp*, Udp*), Thread, Mutex and
    # Messager (which reads from those), as csound-plugins' stk/CMakeLists.txt builds it.
    set(STK_FILES ADSR Asymp BandedWG BeeThree BiQuad Blit BlitSaw BlitSquare BlowBotl BlowHole Bowed Brass Chorus
        Clarinet Delay DelayA DelayL Drummer Echo Envelope FileLoop FileRead FileWrite FileWvIn FileWvOut Fir Flute
        FM FMVoices FormSwep FreeVerb Granulate Guitar HevyMetl Iir JCRev LentPitShift Mandolin Mesh2D MidiFileIn
        Modal ModalBar Modulate Moog Noise NRev OnePole OneZero PercFlut Phonemes PitShift Plucked PoleZero PRCRev
        Recorder Resonate Rhodey Sampler Saxofony Shakers Simple SineWave SingWave Sitar Skini Sphere StifKarp Stk
        TapDelay TubeBell Twang TwoPole TwoZero VoicForm Voicer Whistle Wurley)
    list(TRANSFORM STK_FILES PREPEND "${STK_DIR}/src/")
    list(TRANSFORM STK_FILES APPEND ".cpp")
    set_source_files_properties(${STK_FILES} PROPERTIES GENERATED TRUE)
    add_library(wasm_stk STATIC ${STK_FILES})
    add_dependencies(wasm_stk stk_ext)
    target_include_directories(wasm_stk PRIVATE "${STK_DIR}/include")
    # __LITTLE_ENDIAN__: STK's configure defines it on little-endian hosts; FileRead then swaps the big-endian
    # rawwaves. No __STK_REALTIME__ (nothing realtime is compiled). STK reports a missing file by throwing StkError,
    # which nothing catches (natively that terminates csound); here the throw aborts and the facade reports it.
    target_compile_options(wasm_stk PRIVATE ${WASM_COPTS} -O3 -w -D__LITTLE_ENDIAN__
      "-DRAWWAVE_PATH=\"${RAWWAVE_DIR}\"")
    # FileRead opens the rawwaves through cpp/stk_rawwaves.c, which serves them from memory when the host has put
    # them there (no file-system call on the audio thread; see cpp/stk_rawwaves.h).
    set_source_files_properties("${STK_DIR}/src/FileRead.cpp" PROPERTIES
      COMPILE_OPTIONS "-include;${PROJECT_SOURCE_DIR}/cpp/stk_rawwaves.h")
    target_sources(csound-engine PRIVATE "${PROJECT_SOURCE_DIR}/cpp/stk_rawwaves.c")
    # DEFAULT_RAWWAVE_PATH: the opcodes register without a RAWWAVE_PATH variable (natively, csoundModuleInit adds
    # them only when the variable is set); a RAWWAVE_PATH in the process environment still wins, as natively.
    # oentries is also the name of doppler's table (inside libcsound): renamed.
    csound_wasm_plugin(stkops ENTRIES create init destroy SOURCES "${CSP}/stk/stkOpcodes.cpp"
      INCLUDES "${STK_DIR}/include"
      OPTIONS -D__LITTLE_ENDIAN__ "-DDEFAULT_RAWWAVE_PATH=\"${RAWWAVE_DIR}\"" -Doentries=oentries_stk
      DEPENDS csound_plugins_ext stk_ext)
    target_link_libraries(plugin_stkops PRIVATE wasm_stk)
    add_custom_command(OUTPUT "${CMAKE_BINARY_DIR}/stk-rawwaves.bin"
      COMMAND node "${PROJECT_SOURCE_DIR}/scripts/pack-rawwaves.mjs" "${STK_DIR}/rawwaves"
              "${CMAKE_BINARY_DIR}/stk-rawwaves.bin"
      DEPENDS stk_ext "${PROJECT_SOURCE_DIR}/scripts/pack-rawwaves.mjs"
      COMMENT "Packing STK's rawwaves")
    add_custom_target(stk_rawwaves ALL DEPENDS "${CMAKE_BINARY_DIR}/stk-rawwaves.bin")
  else()
    message(WARNING "${STK_NOTE}")
    file(REMOVE "${CMAKE_BINARY_DIR}/stk-rawwaves.bin")
  endif()
endif()

file(WRITE "${PLUGINS_GENERATED_DIR}/static_plugins.inc.tmp"
  "// Generated by cmake/Plugins.cmake: CSW_PLUGIN(name, create, init, destroy, opcodes, fgens, builtin).\n"
  "${CSOUND_WASM_PLUGIN_TABLE}")
# Rewritten only on change, so a reconfigure does not recompile cpp/plugins.cpp.
configure_file("${PLUGINS_GENERATED_DIR}/static_plugins.inc.tmp" "${PLUGINS_GENERATED_DIR}/static_plugins.inc"
  COPYONLY)

target_sources(csound-engine PRIVATE "${PROJECT_SOURCE_DIR}/cpp/plugins.cpp")
target_include_directories(csound-engine PRIVATE "${PLUGINS_GENERATED_DIR}")
target_link_libraries(csound-engine PRIVATE ${CSOUND_WASM_PLUGIN_TARGETS})
