# Run after building the glibm library (cmake/GlibcLibm.cmake): fails when the library defines a global symbol
# that is neither one of the public maths functions (PUBLIC) nor in the __glibm_ namespace, since such a symbol
# could silently replace a musl internal of the same name. A new glibc file that brings a new internal name needs
# an entry in cpp/glibc-libm/include/glibm-rename.h.
cmake_minimum_required(VERSION 3.20)
execute_process(COMMAND "${NM}" --defined-only --extern-only "${LIB}" OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}")
endif()
string(REPLACE "\n" ";" lines "${listing}")
set(stray "")
foreach(line ${lines})
  if(line MATCHES "^[0-9a-fA-F]* +[A-Z] +([^ ]+)$")
    set(name "${CMAKE_MATCH_1}")
    if(NOT name MATCHES "^__glibm_" AND NOT name IN_LIST PUBLIC)
      list(APPEND stray "${name}")
    endif()
  endif()
endforeach()
if(stray)
  message(FATAL_ERROR "glibm defines names outside its namespace: ${stray} (add them to glibm-rename.h)")
endif()
