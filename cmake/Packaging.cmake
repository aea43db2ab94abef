# Install rules and the .deb: only the app (binary, desktop file, icon, AppStream metainfo).
# The tests, benchmarks and static libraries have no install rules.
include(GNUInstallDirs)

set(BITHUMB_APP_ID io.github.bithumbticker.BithumbTicker)
install(TARGETS bithumb-ticker RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# qt_standard_project_setup() gives it a RUNPATH of $ORIGIN/../lib; it links only system
# libraries, so the installed binary needs none.
set_target_properties(bithumb-ticker PROPERTIES INSTALL_RPATH "")
install(FILES resources/${BITHUMB_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES resources/${BITHUMB_APP_ID}.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES resources/${BITHUMB_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bithumb-ticker)
set(CPACK_PACKAGE_CONTACT "The bithumb-ticker authors")
set(CPACK_PACKAGE_DESCRIPTION
    "A native Qt 6 desktop ticker for the Bithumb exchange (Korea): the last price of a market \
the moment it trades, its change since the previous close, a live chart and a watchlist. \
--demo runs it against a built-in simulated exchange; --headless prints one JSON line per tick.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # bithumb-ticker_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# dpkg-shlibdeps declares the libraries the binary links (Qt Core, Network, WebSockets, Gui,
# Widgets, HttpServer, zlib). What Qt loads as plugins it cannot see, so it is named here: the
# platform plugins (xcb, wayland's are elsewhere) for the window, Qt SVG for its icon.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# The Hangul the window shows; Qt's own words (a line edit's menu, dialog buttons) in Korean.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-nanum, qt6-translations-l10n")
set(CPACK_STRIP_FILES ON) # the build is RelWithDebInfo; the package ships no debug info
include(CPack)
