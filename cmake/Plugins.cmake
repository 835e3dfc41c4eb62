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
#     linear algebra (la_*) and chua. Pinned by sha256; CSOUND_WASM_PLUGINS_SRC / CSOUND_WASM_PLUGINS_TARBALL
#     point at an unpacked tree / a tarball instead of downloading it.
#   - Debian source package eigen3 3.4.0 (header-only, for chua). CSOUND_WASM_EIGEN_SRC / CSOUND_WASM_EIGEN_TARBALL.
#   - gmm++ headers (la_*): Debian package libgmm-dev on the build machine (scripts/setup-system.sh installs it) (header-only);
#     CSOUND_WASM_GMM_INCLUDE may name another directory that holds gmm/gmm.h.
#   CSOUND_WASM_EXTRA_PLUGINS=OFF builds only the plugins of Csound's own tree (no downloads, no gmm).
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
#     osc          - needs liblo and UDP sockets
#     rtalsa rtpulse rtpa rtjack pmidi ipmidi cmidi rtauhal rtwinmm rthaiku rtcoreaudio
#                  - native real-time audio/MIDI drivers; the wasm build does host-implemented audio I/O
#   (stdutil, the utilities plugin, is linked and registered by the top-level CMakeLists.txt and cpp/engine.cpp.)
#   csound-plugins 1.0.2
#     stkops       - needs the STK library and its rawwave files (not built for wasm yet; the orig tarball of
#                    Debian's stk 4.6.2+dfsg-2 could not be fetched from this machine's archive)
#     image        - needs libpng + zlib (not built for wasm yet)
#     mp3out       - needs the LAME encoder library (not built for wasm yet)
#     fluidOpcodes - needs libfluidsynth (and its glib dependency)
#     widgets      - FLTK GUI widgets and the virtual MIDI keyboard
#     py           - embeds a Python interpreter
#     faustcsound  - embeds the Faust compiler (LLVM)
#     ableton_link - Ableton Link network tempo sync (UDP multicast)
#     websockets   - libwebsockets server
#     hdf5         - needs libhdf5
#     jackops      - JACK audio connection kit
#     wiimote p5glove - USB/Bluetooth controllers
#     CUDA opencl  - GPU back ends

option(CSOUND_WASM_EXTRA_PLUGINS "Link the csound-plugins collection (la_*, chua)" ON)
foreach(var CSOUND_WASM_PLUGINS_SRC CSOUND_WASM_PLUGINS_TARBALL CSOUND_WASM_EIGEN_SRC CSOUND_WASM_EIGEN_TARBALL
        CSOUND_WASM_GMM_INCLUDE)
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
  target_compile_options(plugin_${name} PRIVATE ${THREAD_FLAGS} ${CSOUND_DEFS} ${PLUGIN_DEFINES} ${renames}
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
# build, which lacks HAVE_CLOCK_GETTIME and returns 0), cpumeter fails at init with "Failed to open /proc/stat"
# (there is no /proc/stat in the wasm file system), as it would on a machine without procfs.
csound_wasm_plugin(cpumeter ENTRIES builtin=cpumeter_localops SOURCES "${OPC}/cpumeter.c"
  OPTIONS -D__BUILDING_LIBCSOUND -DLINUX=1 -DHAVE_CLOCK_GETTIME=1 -Dcpupercent_init=cpupercent_init_wasm)

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
