// GoogleTest inside Qt: one application object for the whole run, created before the tests so
// sockets, timers and widgets work; each test drives the event loop itself with QTest::qWaitFor
// or QSignalSpy::wait. GUI tests build this with TICKER_GUI_TESTS and run offscreen.
#include <QLocale>

#ifdef TICKER_GUI_TESTS
#include <QApplication>
using Application = QApplication;
#else
#include <QCoreApplication>
using Application = QCoreApplication;
#endif

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
#ifdef TICKER_GUI_TESTS
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    // Expected texts in the tests are written for this locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Application app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
