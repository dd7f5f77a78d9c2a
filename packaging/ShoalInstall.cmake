# Desktop integration and the Debian package: what `cmake --install` lays out besides
# bin/shoal-lab (see app/CMakeLists.txt), and how `cpack -G DEB` packs it. The version comes
# from project() alone; the metainfo and the man page get it when configured.
include(GNUInstallDirs)

set(SHOAL_APP_ID dev.shoal.ShoalLab)
set(shoalResources ${PROJECT_SOURCE_DIR}/resources)
configure_file(${shoalResources}/desktop/${SHOAL_APP_ID}.metainfo.xml
    ${PROJECT_BINARY_DIR}/packaging/${SHOAL_APP_ID}.metainfo.xml @ONLY)
configure_file(${shoalResources}/man/shoal-lab.1 ${PROJECT_BINARY_DIR}/packaging/shoal-lab.1 @ONLY)

install(FILES ${shoalResources}/desktop/${SHOAL_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_BINARY_DIR}/packaging/${SHOAL_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${shoalResources}/desktop/${SHOAL_APP_ID}.mime.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${SHOAL_APP_ID}.xml)
install(FILES ${shoalResources}/icons/${SHOAL_APP_ID}.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_BINARY_DIR}/packaging/shoal-lab.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_PACKAGE_NAME shoal-lab)
set(CPACK_PACKAGE_VENDOR Shoal)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "worker-pool monitor and workload lab")
set(CPACK_PACKAGE_HOMEPAGE_URL https://shoal.dev/)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Shoal developers <maintainers@shoal.dev>")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Shoal Lab drives a worker pool (a port of Go's tunny pool, each worker on\n"
    "its own thread) with real workloads: SHA-256 hashing, image thumbnails and\n"
    "synthetic service times. Its window charts queue length, work in flight,\n"
    "throughput, timeouts and latency as they happen, and every knob acts on the\n"
    "running pool at once. The same presets run headless from the command line.")
# The linked libraries are found by dpkg-shlibdeps; the plugins Qt loads at run time are not:
# a platform plugin for the window and the SVG icon engine for its icon.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
include(CPack)
