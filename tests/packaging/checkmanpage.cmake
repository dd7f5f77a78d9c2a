# The man page's OPTIONS section names exactly the options of `shoal-lab --help`, each with the
# same value name, in the same order.
#   cmake -DLAB=path/to/shoal-lab -DMAN_PAGE=path/to/shoal-lab.1 -P checkmanpage.cmake
execute_process(COMMAND ${LAB} --help RESULT_VARIABLE status OUTPUT_VARIABLE help
    ERROR_VARIABLE err)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "shoal-lab --help failed (exit ${status}): ${err}")
endif()
# "  --preset <NAME|FILE>  The preset ..." -> "--preset NAME|FILE"
set(fromHelp)
string(REPLACE "\n" ";" lines "${help}")
foreach(line IN LISTS lines)
    if(line MATCHES "^  (--[a-z-]+)( <([^>]+)>)?  ")
        string(STRIP "${CMAKE_MATCH_1} ${CMAKE_MATCH_3}" option)
        list(APPEND fromHelp "${option}")
    endif()
endforeach()

# ".B \-\-run" or ".BI \-\-preset " NAME|FILE"" under ".SH OPTIONS", up to the next section.
file(READ ${MAN_PAGE} page)
if(NOT page MATCHES "\n\\.SH OPTIONS\n(.*)")
    message(FATAL_ERROR "${MAN_PAGE} has no OPTIONS section")
endif()
string(REGEX REPLACE "\n\\.SH .*" "" section "${CMAKE_MATCH_1}")
string(REPLACE "\n" ";" lines "${section}")
set(fromMan)
set(afterTP FALSE)
foreach(line IN LISTS lines)
    if(afterTP AND line MATCHES "^\\.BI? (\\\\-\\\\-[a-z\\\\-]+)( \" ([^\"]+)\")?$")
        string(REPLACE "\\-" "-" option "${CMAKE_MATCH_1}")
        string(STRIP "${option} ${CMAKE_MATCH_3}" option)
        list(APPEND fromMan "${option}")
    endif()
    set(afterTP FALSE)
    if(line STREQUAL ".TP")
        set(afterTP TRUE)
    endif()
endforeach()

if(NOT fromHelp)
    message(FATAL_ERROR "no options found in shoal-lab --help:\n${help}")
endif()
if(NOT fromHelp STREQUAL fromMan)
    string(REPLACE ";" "\n  " fromHelp "${fromHelp}")
    string(REPLACE ";" "\n  " fromMan "${fromMan}")
    message(FATAL_ERROR "the man page's options differ from --help:\n"
        "--help:\n  ${fromHelp}\nman page:\n  ${fromMan}")
endif()
