# Locates the pinned dependency sources: Csound 1:6.18.1+dfsg and libsndfile 1.2.0, Debian source packages.
# Each can come from, in order of preference:
#   CSOUND_WASM_CSOUND_SRC / CSOUND_WASM_SNDFILE_SRC   an already unpacked source tree (used as is)
#   CSOUND_WASM_CSOUND_TARBALL / CSOUND_WASM_SNDFILE_TARBALL   an orig tarball (checked by sha256)
#   otherwise scripts/fetch-sources.sh downloads the orig tarballs once into <build>/downloads.
# The variables may be given to cmake (-D) or as environment variables.

set(CSOUND_TARBALL_NAME  "csound_6.18.1+dfsg.orig.tar.xz")
set(CSOUND_TARBALL_SHA256 "cca9e8cd5655b5b5b99f967cff7f9fa222307becf00f70f1508126377ef94d4e")
set(SNDFILE_TARBALL_NAME "libsndfile_1.2.0.orig.tar.gz")
set(SNDFILE_TARBALL_SHA256 "62dc4e2bcd45f6f0e89cbc3522cc90eb174dca0eef0a0d19ead289833b390cd7")

set(DOWNLOAD_DIR "${CMAKE_BINARY_DIR}/downloads")

foreach(var CSOUND_WASM_CSOUND_SRC CSOUND_WASM_SNDFILE_SRC CSOUND_WASM_CSOUND_TARBALL CSOUND_WASM_SNDFILE_TARBALL)
  if(NOT DEFINED ${var} AND DEFINED ENV{${var}})
    set(${var} "$ENV{${var}}")
  endif()
endforeach()

# Result: <PREFIX>_SOURCE_ARGS, a list of ExternalProject_Add arguments that say where the source comes from.
function(csound_wasm_source prefix tree tarball name sha)
  if(tree)
    if(NOT EXISTS "${tree}/CMakeLists.txt")
      message(FATAL_ERROR "${prefix}: ${tree} is not a source tree (no CMakeLists.txt)")
    endif()
    set(${prefix}_SOURCE_ARGS SOURCE_DIR "${tree}" DOWNLOAD_COMMAND "" PARENT_SCOPE)
    return()
  endif()
  if(NOT tarball)
    set(tarball "${DOWNLOAD_DIR}/${name}")
    if(NOT EXISTS "${tarball}")
      message(STATUS "Fetching ${name} (Debian source package)")
      execute_process(
        COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/fetch-sources.sh" "${DOWNLOAD_DIR}"
        RESULT_VARIABLE fetch_result)
      if(NOT fetch_result EQUAL 0 OR NOT EXISTS "${tarball}")
        message(FATAL_ERROR "Could not fetch ${name}; set CSOUND_WASM_*_TARBALL or CSOUND_WASM_*_SRC")
      endif()
    endif()
  endif()
  file(SHA256 "${tarball}" actual)
  if(NOT actual STREQUAL sha)
    message(FATAL_ERROR "${tarball}: sha256 ${actual}, expected ${sha}")
  endif()
  set(${prefix}_SOURCE_ARGS URL "${tarball}" URL_HASH "SHA256=${sha}" DOWNLOAD_EXTRACT_TIMESTAMP TRUE PARENT_SCOPE)
endfunction()

csound_wasm_source(CSOUND "${CSOUND_WASM_CSOUND_SRC}" "${CSOUND_WASM_CSOUND_TARBALL}"
                   "${CSOUND_TARBALL_NAME}" "${CSOUND_TARBALL_SHA256}")
csound_wasm_source(SNDFILE "${CSOUND_WASM_SNDFILE_SRC}" "${CSOUND_WASM_SNDFILE_TARBALL}"
                   "${SNDFILE_TARBALL_NAME}" "${SNDFILE_TARBALL_SHA256}")
