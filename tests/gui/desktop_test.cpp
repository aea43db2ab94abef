// The desktop companion offscreen: the compact window and the tray as views of the store the
// main window shows, closing to the tray, the Alerts dialog and a fired alert. The store is
// fed directly, on an injected clock.
#include "alertbook.h"
#include "alertsdialog.h"
#include "appsettings.h"
#include "bithumbticker/alertengine.h"
#include "common.h"
#include "compactwindow.h"
#include "desktopshell.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "notifier.h"
#include "presentation.h"
#include "tickcolors.h"
#include "ticks.h"
#include "trayicon.h"
#include "watchlistview.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using test::tickAt;

namespace {

AlertSpec spec(const QString &text)
{
    return std::get<AlertSpec>(AlertSpec::parse(text));
}

class DesktopTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store.setClock([this] { return now; });
        engine.setClock([this] { return now; });
        store.setLinkState(FeedClient::State::Live, {}, 0);
        store.showMarket(btc);
        subscriptions.setWanted(Subscriptions::Need::Shown, {btc});
        window = std::make_unique<MainWindow>(&store, &subscriptions, true);
    }

    std::unique_ptr<DesktopShell> makeShell(bool tray)
    {
        auto shell = std::make_unique<DesktopShell>(window.get(), &store, &book, &settings, tray);
        // No session bus in a test: alerts show in the window (and the tray, if any).
        shell->setNotifier(new Notifier(QDBusConnection(u"none"_s), nullptr));
        return shell;
    }

    // A live trade a second after the last; percent is the change since the previous close.
    void trade(const char *price, double percent = 1)
    {
        now += 1000;
        store.applyTicks({tickAt("BTC_KRW", price, now, percent)});
    }

    qint64 now = t0;
    QTemporaryDir dir;
    AppSettings settings {dir.filePath(u"bithumb-ticker.conf"_s)};
    MarketStore store;
    Subscriptions subscriptions;
    AlertEngine engine {&store};
    AlertBook book {&engine, &settings};
    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(DesktopTest, TheCompactWindowSaysWhatTheMainWindowSays)
{
    const auto shell = makeShell(false);
    CompactWindow *compact = shell->compactWindow();
    window->show();
    compact->show();
    trade("131000000");
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return window->priceText() == u"131,000,000" && compact->priceText() == u"131,000,000";
        },
        timeoutMs))
        << compact->priceText().toStdString();
    EXPECT_EQ(compact->symbolText(), u"BTC_KRW");
    EXPECT_EQ(compact->changeText(), window->changeText());
    EXPECT_EQ(compact->quoteText(), u"KRW");
    EXPECT_EQ(compact->changeColor(), risingColor(compact->palette())); // up is red
    EXPECT_EQ(compact->statusText(), QString());                        // live: nothing to say
    EXPECT_FALSE(compact->ageText().isEmpty());

    trade("129000000", -1);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return window->priceText() == u"129,000,000" && compact->priceText() == u"129,000,000";
        },
        timeoutMs));
    EXPECT_EQ(compact->changeText(), window->changeText());
    EXPECT_EQ(compact->changeColor(), fallingColor(compact->palette())); // down is blue

    store.setLinkState(
        FeedClient::State::Redialing, {LinkDetail::Why::ServerClosed, {}, 1000}, now + 3000);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !compact->statusText().isEmpty(); }, timeoutMs));
    EXPECT_EQ(compact->statusText(), presentLink(store.link(), now));
    EXPECT_EQ(compact->quoteText(), u"KRW · stale"); // never an old price as if current
}

TEST_F(DesktopTest, AHiddenCompactWindowDoesNothingPerTickAndCatchesUpWhenShown)
{
    const auto shell = makeShell(false);
    CompactWindow *compact = shell->compactWindow();
    window->show();
    const int before = compact->refreshCount();
    for (const char *price : {"131000000", "131100000", "131200000"}) {
        trade(price);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return window->priceText()
                    == QString::fromLatin1(price).insert(3, u',').insert(7, u',');
            },
            timeoutMs));
    }
    EXPECT_EQ(compact->refreshCount(), before);
    shell->showCompact();
    EXPECT_EQ(compact->priceText(), u"131,200,000");
    EXPECT_FALSE(window->isVisible()); // one view at a time
}

TEST_F(DesktopTest, DoubleClickReturnsToTheFullWindow)
{
    const auto shell = makeShell(false);
    shell->showCompact();
    CompactWindow *compact = shell->compactWindow();
    ASSERT_TRUE(compact->isVisible());
    EXPECT_TRUE(compact->windowFlags().testFlag(Qt::FramelessWindowHint));
    EXPECT_TRUE(compact->windowFlags().testFlag(Qt::WindowStaysOnTopHint));
    QTest::mouseDClick(compact, Qt::LeftButton);
    EXPECT_FALSE(compact->isVisible());
    EXPECT_TRUE(window->isVisible());
    window->compactAction()->trigger(); // Ctrl+M's action: and back
    EXPECT_TRUE(shell->isCompact());
}

TEST_F(DesktopTest, ADraggedCompactWindowIsRememberedForItsScreen)
{
    const auto shell = makeShell(false);
    shell->showCompact();
    CompactWindow *compact = shell->compactWindow();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(compact));
    QSignalSpy moved(compact, &CompactWindow::moved);
    const QPoint start = compact->pos();
    QTest::mousePress(compact, Qt::LeftButton, {}, QPoint(10, 10));
    QTest::mouseMove(compact, QPoint(-90, 50));
    QTest::mouseRelease(compact, Qt::LeftButton, {}, QPoint(-90, 50));
    ASSERT_EQ(moved.count(), 1);
    EXPECT_EQ(compact->pos(), start + QPoint(-100, 40));
    const QString screen = compact->screen()->name();
    EXPECT_EQ(moved.at(0).at(0).toString(), screen);
    EXPECT_EQ(settings.compactPosition(screen), compact->pos());
    shell->showFull();
    compact->move(0, 0);
    shell->showCompact();
    EXPECT_EQ(compact->pos(), start + QPoint(-100, 40)); // where it was left on this screen
}

TEST_F(DesktopTest, WithATrayClosingTheWindowHidesItThere)
{
    const auto shell = makeShell(true);
    ASSERT_NE(shell->tray(), nullptr);
    window->show();
    EXPECT_TRUE(window->hidesOnClose()); // the default where a tray exists
    EXPECT_FALSE(window->close());       // refused: hidden instead
    EXPECT_FALSE(window->isVisible());
    shell->toggleWindow(); // the tray's Show
    EXPECT_TRUE(window->isVisible());
    shell->closesToTrayAction()->setChecked(false); // the View menu's setting
    EXPECT_FALSE(window->hidesOnClose());
    EXPECT_FALSE(settings.closesToTray(true));
    EXPECT_TRUE(window->close());
}

TEST_F(DesktopTest, WithoutATrayClosingTheWindowClosesIt)
{
    settings.setClosesToTray(true); // saved on a desktop that had one
    const auto shell = makeShell(false);
    EXPECT_EQ(shell->tray(), nullptr);
    EXPECT_EQ(shell->closesToTrayAction(), nullptr); // no setting that cannot work
    window->show();
    EXPECT_FALSE(window->hidesOnClose());
    EXPECT_TRUE(window->close());
}

TEST_F(DesktopTest, TheTrayToolTipIsThePresentationsAndChangesOnlyWhenItsTextDoes)
{
    TrayIcon tray(&store);
    tray.setRefreshMs(50);
    QSignalSpy changed(&tray, &TrayIcon::toolTipChanged);
    trade("131000000");
    trade("131100000");
    trade("131200000");
    ASSERT_TRUE(changed.wait(timeoutMs));
    // One look for the three ticks, after the wait.
    EXPECT_EQ(changed.count(), 1);
    const MarketPresentation view = present(btc, store.find(btc), store.link(), now, QLocale());
    EXPECT_EQ(tray.toolTip(), presentSummary(view));
    EXPECT_EQ(tray.toolTip(), u"BTC_KRW 131,200,000 KRW\n"_s + view.change);
    EXPECT_EQ(tray.icon()->toolTip(), tray.toolTip());

    now += 1000; // the same price and change again: the same words, the icon untouched
    store.applyTicks({tickAt("BTC_KRW", "131200000", now)});
    ASSERT_TRUE(QTest::qWaitFor([&] { return tray.isRefreshPending(); }, timeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !tray.isRefreshPending(); }, timeoutMs));
    EXPECT_EQ(changed.count(), 1);

    tray.setShowsPrice(true);
    EXPECT_EQ(tray.iconText(), formatTradedValue(131200000, QLocale()));
}

TEST_F(DesktopTest, TheAlertsDialogChecksAddsListsAndRemoves)
{
    book.addRunOnly(spec(u"ETH_KRW<5"_s)); // --alert
    AlertsDialog dialog(&book);
    ASSERT_EQ(dialog.list()->count(), 1);
    EXPECT_TRUE(dialog.list()->item(0)->text().contains(u"this run only"));

    dialog.specEdit()->setText(u"BTC_KRW>1e8"_s);
    EXPECT_EQ(dialog.errorText(),
        u"Not an alert: "_s + presentAlertError(AlertSpec::Error::BadThreshold));
    EXPECT_FALSE(dialog.addTyped());
    dialog.specEdit()->setText(u"BTC_KRW%5"_s);
    EXPECT_EQ(dialog.errorText(),
        u"Not an alert: "_s + presentAlertError(AlertSpec::Error::MissingWindow));

    dialog.specEdit()->setText(u"BTC_KRW>135000000"_s);
    EXPECT_EQ(dialog.errorText(), QString());
    EXPECT_TRUE(dialog.addTyped());
    EXPECT_EQ(dialog.specEdit()->text(), QString());
    ASSERT_EQ(dialog.list()->count(), 2);
    EXPECT_EQ(engine.count(), 2);
    ASSERT_EQ(settings.alerts().size(), 1); // only the saved one
    EXPECT_EQ(settings.alerts()[0].text, u"BTC_KRW>135000000"_s);
    dialog.specEdit()->setText(u"BTC_KRW>135000000"_s);
    EXPECT_FALSE(dialog.errorText().isEmpty()); // already watched

    dialog.list()->setCurrentRow(0); // the run-only one cannot be removed here
    dialog.removeSelected();
    EXPECT_EQ(engine.count(), 2);
    dialog.list()->setCurrentRow(1);
    dialog.removeSelected();
    EXPECT_EQ(engine.count(), 1);
    EXPECT_TRUE(settings.alerts().isEmpty());
    EXPECT_EQ(dialog.list()->count(), 1);
}

TEST_F(DesktopTest, TheBandAndSnoozeAreSettingsTheEngineUses)
{
    book.setHysteresisPercent(2);
    book.setSnoozeMinutes(3);
    EXPECT_DOUBLE_EQ(engine.hysteresis(), 0.02);
    EXPECT_EQ(engine.snoozeMs(), 3 * 60'000);
    AlertEngine restartedEngine(&store);
    AlertBook restarted(&restartedEngine, &settings);
    restarted.loadSaved();
    EXPECT_DOUBLE_EQ(restartedEngine.hysteresis(), 0.02);
    EXPECT_EQ(restartedEngine.snoozeMs(), 3 * 60'000);
}

TEST_F(DesktopTest, ASavedAlertAlsoGivenByTheCommandLineIsWatchedOnce)
{
    settings.setAlerts({spec(u"BTC_KRW>1"_s)});
    book.addRunOnly(spec(u"BTC_KRW>1"_s));
    book.loadSaved();
    EXPECT_EQ(engine.count(), 1);
    ASSERT_EQ(book.entries().size(), 1);
    EXPECT_TRUE(book.entries()[0].saved);
}

TEST_F(DesktopTest, AFiredAlertShowsInTheStatusBarInThePresentationsWords)
{
    const auto shell = makeShell(false);
    QObject::connect(&engine, &AlertEngine::fired, shell.get(), &DesktopShell::alertFired);
    EXPECT_EQ(shell->notifier()->backend(), Notifier::Backend::WindowOnly);
    window->show();
    book.add(spec(u"BTC_KRW>135000000"_s));
    QSignalSpy fired(&engine, &AlertEngine::fired);
    trade("135500000");
    ASSERT_EQ(fired.count(), 1);
    EXPECT_EQ(window->statusMessage(), u"Alert BTC_KRW>135000000: 135,500,000 KRW"_s);
}

TEST_F(DesktopTest, TheMenuBarHasTheCommonActionsWithShortcuts)
{
    EXPECT_EQ(window->quitAction()->shortcut(), QKeySequence(QKeySequence::Quit));
    EXPECT_EQ(window->compactAction()->shortcut(), QKeySequence(u"Ctrl+M"_s));
    EXPECT_FALSE(window->alertsAction()->shortcut().isEmpty());
    const auto shell = makeShell(false);
    window->alertsAction()->trigger();
    ASSERT_NE(shell->alertsDialog(), nullptr);
    EXPECT_TRUE(shell->alertsDialog()->isVisible());
}

TEST_F(DesktopTest, CtrlLPutsTheCursorInTheMarketPickerAndCtrlMGoesCompact)
{
    const auto shell = makeShell(false);
    window->show();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    window->watchlist()->setFocus();
    ASSERT_FALSE(window->picker()->lineEdit()->hasFocus());
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    EXPECT_TRUE(window->picker()->lineEdit()->hasFocus());
    QTest::keyClick(window.get(), Qt::Key_M, Qt::ControlModifier);
    EXPECT_TRUE(shell->isCompact());
    EXPECT_FALSE(window->isVisible());
}
