# Fails unless LIBRARY exports exactly the functions in EXPECTED (a ;-list): the host resolves them by name, and
# nothing else may leak out. Run as: cmake -DNM=<nm> -DLIBRARY=<.so> -DEXPECTED=<a;b;...> -P check_exports.cmake
execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY} OUTPUT_VARIABLE listing RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed")
endif()
string(REPLACE "\n" ";" lines "${listing}")
set(exported "")
foreach(line IN LISTS lines)
    if(line MATCHES "([^ ]+)$") # the symbol name is the last field
        list(APPEND exported ${CMAKE_MATCH_1})
    endif()
endforeach()
list(SORT exported)
set(wanted ${EXPECTED})
list(SORT wanted)
if(NOT exported STREQUAL wanted)
    message(FATAL_ERROR "${LIBRARY} exports differ\n  exported: ${exported}\n  expected: ${wanted}")
endif()
