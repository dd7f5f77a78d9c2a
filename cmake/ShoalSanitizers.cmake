# One sanitizer family per build directory: ASan+UBSan or TSan (they cannot be combined).
if(SHOAL_ASAN AND SHOAL_TSAN)
    message(FATAL_ERROR "SHOAL_ASAN and SHOAL_TSAN are exclusive; configure two build directories")
endif()
if(SHOAL_FUZZ AND SHOAL_TSAN)
    message(FATAL_ERROR "SHOAL_FUZZ builds with ASan+UBSan and cannot be combined with SHOAL_TSAN")
endif()
if(SHOAL_FUZZ)
    # libFuzzer ships with Clang only (-fsanitize=fuzzer); GCC has no equivalent.
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "SHOAL_FUZZ needs Clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: "
            "configure a separate build directory with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    # Everything is instrumented for coverage and checked by ASan+UBSan; only the fuzz targets
    # link libFuzzer's main (tests/fuzz adds -fsanitize=fuzzer to them).
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(SHOAL_ASAN AND NOT SHOAL_FUZZ)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(SHOAL_TSAN)
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
endif()

if((SHOAL_ASAN OR SHOAL_TSAN) AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports std::variant members as maybe-uninitialized under sanitizer instrumentation
    # (a known false positive); it stays a warning there and an error in normal builds.
    add_compile_options(-Wno-error=maybe-uninitialized)
endif()

# How often the stress label repeats the concurrency tests. The normal build repeats them to
# shake out rare interleavings; the sanitizers judge each run by happens-before and shadow
# memory, not by luck, and run several times slower, so a few rounds are what they add.
if(SHOAL_ASAN OR SHOAL_TSAN)
    set(SHOAL_STRESS_ROUNDS 5)
else()
    set(SHOAL_STRESS_ROUNDS 50)
endif()

# The environment every test runs in: sanitizer reports fail the test.
set(SHOAL_TEST_ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
if(SHOAL_TSAN)
    list(APPEND SHOAL_TEST_ENVIRONMENT
        "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=${CMAKE_SOURCE_DIR}/tests/tsan.supp")
endif()
if(SHOAL_ASAN OR SHOAL_FUZZ)
    list(APPEND SHOAL_TEST_ENVIRONMENT
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endif()
