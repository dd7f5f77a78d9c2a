# Warnings are errors everywhere; strict Qt string handling as in well-kept Qt projects.
add_compile_options(-Wall -Wextra -Wpedantic -Werror)
add_compile_definitions(
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
)
