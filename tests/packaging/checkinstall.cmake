# Installs the build into a fresh prefix and checks what a desktop and a package need there:
# the layout, desktop-file-validate, appstreamcli, the MIME XML, and the installed program.
#   cmake -DBUILD_DIR=... -DWORK_DIR=... -DAPP_ID=... -DVERSION=... -P checkinstall.cmake
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/usr)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix}
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmake --install failed:\n${out}")
endif()

set(expected
    bin/shoal-lab
    share/applications/${APP_ID}.desktop
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/man/man1/shoal-lab.1
    share/metainfo/${APP_ID}.metainfo.xml
    share/mime/packages/${APP_ID}.xml)
file(GLOB_RECURSE installed RELATIVE ${prefix} ${prefix}/*)
list(SORT installed)
if(NOT installed STREQUAL expected)
    string(REPLACE ";" "\n  " installed "${installed}")
    string(REPLACE ";" "\n  " expected "${expected}")
    message(FATAL_ERROR "installed:\n  ${installed}\nexpected:\n  ${expected}")
endif()

# Runs a validator; it must exit 0 and, when clean is set, print nothing but its success line.
function(validate what success)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out
        ERROR_VARIABLE out)
    string(STRIP "${out}" out)
    if(NOT status EQUAL 0 OR NOT out MATCHES "^${success}$")
        message(FATAL_ERROR "${what} (exit ${status}):\n${out}")
    endif()
endfunction()

find_program(desktopFileValidate desktop-file-validate REQUIRED)
find_program(appstreamcli appstreamcli REQUIRED)
find_program(xmllint xmllint REQUIRED)
find_program(updateMimeDatabase update-mime-database REQUIRED)

# The desktop entry lists the two main categories the application belongs to; the validator's
# hint that it may then show in both menus is the one message allowed.
validate("desktop-file-validate" "(.*: hint: value \"[^\"]*\" for key \"Categories\" in group \"Desktop Entry\" contains more than one main category; application might appear more than once in the application menu)?"
    ${desktopFileValidate} ${prefix}/share/applications/${APP_ID}.desktop)
validate("appstreamcli validate" "✔ Validation was successful.*"
    ${appstreamcli} validate --no-net --no-color ${prefix}/share/metainfo/${APP_ID}.metainfo.xml)
validate("xmllint" "" ${xmllint} --noout ${prefix}/share/mime/packages/${APP_ID}.xml)
file(READ ${prefix}/share/metainfo/${APP_ID}.metainfo.xml metainfo)
if(NOT metainfo MATCHES "<release version=\"${VERSION}\"")
    message(FATAL_ERROR "the metainfo has no release ${VERSION}")
endif()

# The MIME database built from the package's XML knows the run files.
# It warns unless the folder is on XDG_DATA_DIRS.
validate("update-mime-database" "" ${CMAKE_COMMAND} -E env XDG_DATA_DIRS=${prefix}/share
    ${updateMimeDatabase} ${prefix}/share/mime)
set(runType ${prefix}/share/mime/application/x-shoal-run.xml)
if(NOT EXISTS ${runType})
    message(FATAL_ERROR "update-mime-database made no application/x-shoal-run")
endif()
file(READ ${prefix}/share/mime/globs2 globs)
if(NOT globs MATCHES "application/x-shoal-run:\\*\\.shoalrun")
    message(FATAL_ERROR "no *.shoalrun glob in the MIME database:\n${globs}")
endif()

# The installed program runs and names the project's version.
execute_process(COMMAND ${prefix}/bin/shoal-lab --version RESULT_VARIABLE status
    OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT out STREQUAL "shoal-lab ${VERSION}\n")
    message(FATAL_ERROR "installed shoal-lab --version (exit ${status}): ${out}${err}")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
