# Warnings are errors in Shoal's own code; strict Qt string handling as in well-kept Qt projects,
# and Qt's macros spelled Q_EMIT, Q_SIGNALS and Q_SLOTS (no bare keywords to clash with others').
# On an interface target rather than global options, so code built alongside (benchmark or test
# libraries) keeps its own flags. Shoal::Pool, which every target builds on, links it PUBLIC, so
# every library, the app, the tests, the benchmarks and the fuzz targets get it.
add_library(shoal_flags INTERFACE)
add_library(Shoal::Flags ALIAS shoal_flags)
target_compile_options(shoal_flags INTERFACE -Wall -Wextra -Wpedantic -Werror)
target_compile_definitions(shoal_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
)
