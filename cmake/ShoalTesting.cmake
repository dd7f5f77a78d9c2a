# shoal_add_test(NAME LIBS ... [LABEL unit|stress] [TIMEOUT s]): one executable per test source; "unit" tests run by default, "stress" ones in their own label.
function(shoal_add_test name)
    cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "LIBS" ${ARGN})
    add_executable(${name} ${name}.cpp)
    target_link_libraries(${name} PRIVATE Shoal::Flags ${ARG_LIBS} Qt6::Test)
    # The shared test helpers: #include "testsupport/...".
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_LABEL)
        set(ARG_LABEL unit)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS ${ARG_LABEL} TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "${SHOAL_TEST_ENVIRONMENT}")
endfunction()
