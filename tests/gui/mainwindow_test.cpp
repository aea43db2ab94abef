// The window, offscreen, fed by the real feed from the loopback exchange.
#include "common.h"
#include "mainwindow.h"

#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/historybackfill.h"
#include "bithumbticker/overviewfetcher.h"
#include "bithumbticker/tickerfeed.h"
#include "fixtures.h"
#include "frameclock.h"
#include "marketpicker.h"
#include "paintpasses.h"
#include "ticks.h"
#include "watchlistmodel.h"
#include "watchlistview.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listen());
        exchange.setStreamInterval(0);
        FeedConfig config;
        config.url = exchange.url(ApiVersion::V2);
        config.markets = {*MarketId::fromV1("BTC_KRW")};
        config.backoff = {20'000, 20'000, 20'000}; // a lost link stays lost until redialNow
        feed = std::make_unique<TickerFeed>(config);
        store.setCatalog(MarketCatalog::bundled(), MarketCatalog::Source::Bundled);
        store.showMarket(config.markets.constFirst());
        subscriptions.setWanted(Subscriptions::Need::Shown, config.markets);
        connectFeed(feed.get(), &store, &subscriptions);
        window = std::make_unique<MainWindow>(&store, &subscriptions, true);
        window->setRecorder(feed.get());
        window->show();
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        feed->start();
        ASSERT_TRUE(subscribed.wait(timeoutMs));
        // The exchange answers a subscription with a snapshot tick; start from it.
        ASSERT_TRUE(QTest::qWaitFor([&] { return window->priceText() != u"—"; }, timeoutMs));
    }

    // TICKER_SCREENSHOT_DIR set: the window as it looks now, for a person to check.
    void saveScreenshot(const char *name)
    {
        const QString dir = qEnvironmentVariable("TICKER_SCREENSHOT_DIR");
        QTest::qWait(50); // let the layout settle
        if (!dir.isEmpty())
            window->grab().save(dir + u'/' + QString::fromLatin1(name) + u".png");
    }

    // How many candles the demo exchange holds for the market's last 24 h.
    std::size_t candlesOfTheDay(const MarketId &market)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto candles = exchange.rest()->history(market, now);
        return std::size_t(std::count_if(candles.cbegin(), candles.cend(),
            [now](const Candle &c) { return c.startMs >= now - PriceChart::oneDayMs; }));
    }

    static HistoryBackfill::Config backfillFrom(const QUrl &restBase)
    {
        HistoryBackfill::Config config;
        config.restBase = restBase;
        return config;
    }

    FakeExchange exchange;
    MarketStore store;
    Subscriptions subscriptions;
    std::unique_ptr<TickerFeed> feed;
    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(MainWindowTest, LabelShowsThePriceOfTheTickThatArrived)
{
    exchange.publish(*MarketId::fromV1("BTC_KRW"), u"131000000"_s);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->priceText() == u"131,000,000"; }, timeoutMs))
        << window->priceText().toStdString();
    // 131,000,000 against the exchange's previous close of 130,112,000.
    EXPECT_EQ(window->changeText(), u"+888,000 (+0.68%)");
    EXPECT_TRUE(window->statusText().contains(u"Live")) << window->statusText().toStdString();
    EXPECT_TRUE(window->statusText().contains(u"last trade")) << window->statusText().toStdString();
}

// The app lets the feed hold ticks while no one sees them (main.cpp): minimised or hidden.
TEST_F(MainWindowTest, SaysWhenItIsSeenAndWhenNot)
{
    ASSERT_TRUE(window->isSeen());
    QSignalSpy seen(window.get(), &MainWindow::seenChanged);
    const auto said = [&] {
        EXPECT_TRUE(QTest::qWaitFor([&] { return !seen.isEmpty(); }, timeoutMs));
        return seen.isEmpty() ? std::optional<bool>() : seen.takeFirst().at(0).toBool();
    };
    window->showMinimized();
    EXPECT_EQ(said(), false);
    window->showNormal();
    EXPECT_EQ(said(), true);
    window->hide();
    EXPECT_EQ(said(), false);
    window->show();
    EXPECT_EQ(said(), true);
    EXPECT_TRUE(seen.isEmpty()); // once each
}

TEST_F(MainWindowTest, MarketStatusIsABadgeNextToTheChange)
{
    EXPECT_EQ(window->marketStatusText(), QString()); // an active market: nothing to say
    qint64 t = QDateTime::currentMSecsSinceEpoch();   // after the snapshot, sent as it happens
    const auto sendStatus = [&](const char *price, auto edit) {
        t = std::max(t + 1, QDateTime::currentMSecsSinceEpoch());
        exchange.sendRaw(test::v2Ticker(price, t, t, edit), true);
        return QTest::qWaitFor(
            [&] {
                return window->priceText()
                    == QString::fromLatin1(price).insert(3, u',').insert(7, u',');
            },
            timeoutMs);
    };
    ASSERT_TRUE(
        sendStatus("131000000", [](nlohmann::json &f) { f["market_warning"] = "CAUTION"; }));
    EXPECT_EQ(window->marketStatusText(), u"Caution (투자유의)");
    saveScreenshot("status-caution");
    ASSERT_TRUE(sendStatus("131100000", [](nlohmann::json &f) {
        f["is_trading_suspended"] = true;
        f["delisting_date"] = "2026-12-01";
    }));
    EXPECT_EQ(window->marketStatusText(), u"Trading suspended"); // the gravest first
    ASSERT_TRUE(
        sendStatus("131200000", [](nlohmann::json &f) { f["delisting_date"] = "2026-12-01"; }));
    EXPECT_EQ(window->marketStatusText(), u"Delisting on 12/1/26");
    saveScreenshot("status-delisting");
    ASSERT_TRUE(sendStatus("131300000", [](nlohmann::json &) {}));
    EXPECT_EQ(window->marketStatusText(), QString());
}

TEST_F(MainWindowTest, AQuietMarketsSnapshotSaysHowOldItsLastTradeIs)
{
    const auto eth = *MarketId::fromV1("ETH_KRW");
    const qint64 threeHoursAgo = QDateTime::currentMSecsSinceEpoch() - 3 * 3'600'000;
    exchange.setLastTrade(eth, threeHoursAgo);
    ASSERT_TRUE(window->selectMarket(u"ETH_KRW"_s));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->historySize(eth) == 1; }, timeoutMs));
    window->refreshStatus();
    // Not "just now": the snapshot is the last trade, three hours old, and drawn there.
    EXPECT_TRUE(window->statusText().contains(u"last trade 3 h ago"))
        << window->statusText().toStdString();
    EXPECT_EQ(window->chart()->history()->newest().timeMs, threeHoursAgo);
    EXPECT_TRUE(window->isPriceStale());
    EXPECT_TRUE(window->statusText().contains(u"Live")); // the link is fine; the market is quiet
}

TEST_F(MainWindowTest, RateLimitIsSaidWithTheWait)
{
    Q_EMIT feed->stateChanged(FeedClient::State::RateLimited,
        {LinkDetail::Why::SocketError,
            u"QWebSocketPrivate::processHandshake: Unhandled http status code: 429 (Too Many "
            "Requests)."_s},
        630'000);
    EXPECT_TRUE(window->statusText().startsWith(u"Rate-limited by Bithumb · retrying in 11 min"))
        << window->statusText().toStdString();
    EXPECT_TRUE(window->isPriceStale());
}

TEST_F(MainWindowTest, SwitchingMarketResubscribesAndShowsTheNewPrice)
{
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    ASSERT_TRUE(window->selectMarket(u"krw-shib"_s));
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    EXPECT_EQ(window->currentMarket().toV1(), u"SHIB_KRW");
    exchange.publish(*MarketId::fromV1("SHIB_KRW"), u"0.0124"_s);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->priceText() == u"0.0124"; }, timeoutMs))
        << window->priceText().toStdString();
}

TEST_F(MainWindowTest, RejectsANameThatIsNoMarket)
{
    EXPECT_FALSE(window->selectMarket(u"<b>bitcoin</b>"_s));
    EXPECT_EQ(window->currentMarket().toV1(), u"BTC_KRW");
}

TEST_F(MainWindowTest, AgeUsesTheInjectedClock)
{
    // 42 s after the last trade by the injected clock. Read at once, not after a wait, so the
    // real clock (a second or less since the snapshot) cannot produce the text instead.
    const qint64 lastTrade = window->chart()->history()->newest().timeMs;
    store.setClock([&] { return lastTrade + 42'000; });
    window->refreshStatus();
    EXPECT_TRUE(window->statusText().endsWith(u"last trade 42 s ago"))
        << window->statusText().toStdString();
    EXPECT_EQ(window->marketAgeText(u"BTC_KRW"_s), u"last trade 42 s ago");
}

TEST_F(MainWindowTest, PriceIsMarkedStaleWhileTheLinkIsDown)
{
    EXPECT_FALSE(window->isPriceStale());
    exchange.closeAll(1001);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->isPriceStale(); }, timeoutMs));
    EXPECT_TRUE(window->statusText().contains(u"reconnecting in 20 s"))
        << window->statusText().toStdString();
    saveScreenshot("stale-link-down");

    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    feed->redialNow({LinkDetail::Why::NetworkBack});
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    exchange.publish(*MarketId::fromV1("BTC_KRW"), u"131000000"_s);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window->isPriceStale(); }, timeoutMs));
}

TEST_F(MainWindowTest, SilentMarketIsMarkedStaleOnALiveLink)
{
    EXPECT_FALSE(window->isPriceStale());
    store.setClock([] { return QDateTime::currentMSecsSinceEpoch() + 61'000; });
    window->refreshStatus();
    EXPECT_TRUE(window->isPriceStale());
    EXPECT_TRUE(window->statusText().contains(u"Live")); // the link is fine; the market is not
}

TEST_F(MainWindowTest, PickerSaysHowFreshEachMarketIs)
{
    store.setClock([] { return QDateTime::currentMSecsSinceEpoch() + 5'000; });
    window->refreshStatus();
    EXPECT_TRUE(window->marketAgeText(u"BTC_KRW"_s).startsWith(u"last trade "))
        << window->marketAgeText(u"BTC_KRW"_s).toStdString();
    EXPECT_TRUE(window->marketAgeText(u"BTC_KRW"_s).endsWith(u" s ago"));
    EXPECT_EQ(window->marketAgeText(u"ETH_KRW"_s), u"no tick yet");
}

TEST_F(MainWindowTest, OfflineIsSaidPlainly)
{
    exchange.closeAll(1001);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->isPriceStale(); }, timeoutMs));
    store.setNetworkOnline(false);
    EXPECT_TRUE(window->statusText().contains(u"Offline")) << window->statusText().toStdString();
    store.setNetworkOnline(true);
    EXPECT_TRUE(window->statusText().contains(u"reconnecting in"))
        << window->statusText().toStdString();
}

TEST_F(MainWindowTest, ChartKeepsEveryTickAndDrawsAtMostFourPointsAColumn)
{
    const auto btc = *MarketId::fromV1("BTC_KRW");
    const std::size_t before = window->historySize(btc);
    exchange.flood(3000);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->historySize(btc) >= before + 3000; }, 60'000));
    QTest::qWait(50); // the coalesced repaint
    window->repaint();
    const std::size_t drawn = window->chart()->drawnPoints();
    EXPECT_GT(drawn, 1u);
    const int columns = int(window->chart()->width() * window->chart()->devicePixelRatioF());
    EXPECT_LE(drawn, std::size_t(4 * columns));
    saveScreenshot("chart-after-flood");
}

TEST_F(MainWindowTest, ChartStartsFromTheBackfilledDayAndEachNewMarketGetsItsOwn)
{
    ASSERT_TRUE(exchange.listenRest());
    HistoryBackfill backfill(backfillFrom(exchange.restUrl()));
    QSignalSpy fetched(&backfill, &HistoryBackfill::fetched);
    const auto btc = *MarketId::fromV1("BTC_KRW");
    const std::size_t live = window->historySize(btc);
    store.setBackfill(&backfill);
    ASSERT_TRUE(fetched.wait(timeoutMs));
    EXPECT_TRUE(fetched.at(0).at(2).toString().isEmpty());
    // Every candle of the day, four points each, before the live ticks; the minutes with live
    // ticks keep them. Minutes without trades have no candle, so that is fewer than 1,440.
    const std::size_t btcCandles = candlesOfTheDay(btc);
    EXPECT_LT(btcCandles, 1440u);
    EXPECT_GE(window->historySize(btc), live + 4 * (btcCandles - 2));
    window->setChartSpan(PriceChart::oneDayMs);
    EXPECT_EQ(window->chart()->spanMs(), PriceChart::oneDayMs);
    window->repaint();
    EXPECT_GE(window->chart()->timeLabels().size(), 3);
    saveScreenshot("backfilled-24h");

    window->selectMarket(u"ETH_KRW"_s);
    ASSERT_TRUE(fetched.wait(timeoutMs));
    EXPECT_EQ(fetched.at(1).at(0).value<MarketId>().toV1(), u"ETH_KRW");
    const auto eth = *MarketId::fromV1("ETH_KRW");
    EXPECT_GE(window->historySize(eth), 4 * (candlesOfTheDay(eth) - 2));
    EXPECT_EQ(backfill.failureCount(), 0);
}

TEST_F(MainWindowTest, ALinkThatComesBackRefillsTheMinutesMissed)
{
    ASSERT_TRUE(exchange.listenRest());
    HistoryBackfill backfill(backfillFrom(exchange.restUrl()));
    QSignalSpy fetched(&backfill, &HistoryBackfill::fetched);
    store.setBackfill(&backfill);
    ASSERT_TRUE(fetched.wait(timeoutMs));
    exchange.closeAll(1001);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->isPriceStale(); }, timeoutMs));
    feed->redialNow({LinkDetail::Why::NetworkBack}); // Connecting, then Live
    ASSERT_TRUE(fetched.wait(timeoutMs)) << "no backfill after the link came back";
    EXPECT_EQ(fetched.size(), 2);
}

TEST_F(MainWindowTest, WithoutHistoryTheChartGoesOnFromLiveTicksAndSaysNothing)
{
    QTcpServer closed; // a port that was free a moment ago
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const auto config = backfillFrom(QUrl(u"http://127.0.0.1:%1"_s.arg(closed.serverPort())));
    closed.close();
    HistoryBackfill backfill(config);
    QSignalSpy fetched(&backfill, &HistoryBackfill::fetched);
    const auto btc = *MarketId::fromV1("BTC_KRW");
    store.setBackfill(&backfill);
    ASSERT_TRUE(fetched.wait(timeoutMs));
    EXPECT_FALSE(fetched.at(0).at(2).toString().isEmpty());
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr);
    const QWidgetList topLevel = QApplication::topLevelWidgets();
    const auto visible = std::count_if(
        topLevel.cbegin(), topLevel.cend(), [](QWidget *w) { return w->isVisible(); });
    EXPECT_EQ(visible, 1) << "no dialog, no message box";
    const std::size_t before = window->historySize(btc);
    exchange.publish(btc, u"131000000"_s);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->historySize(btc) == before + 1; }, timeoutMs));
}

TEST_F(MainWindowTest, AMarketTheExchangeDoesNotListIsRefusedAtOnce)
{
    store.setCatalog({}, MarketCatalog::Source::Bundled);
    // The bundled list cannot say: the market is tried.
    EXPECT_TRUE(window->selectMarket(u"KRW-NOPE"_s));
    ASSERT_TRUE(window->selectMarket(u"BTC_KRW"_s));
    // The exchange's own list can: refused, said in the status bar, the shown market kept.
    store.setCatalog(MarketCatalog::bundled(), MarketCatalog::Source::Exchange);
    EXPECT_FALSE(window->selectMarket(u"KRW-NOPE"_s));
    EXPECT_EQ(window->currentMarket().toV1(), u"BTC_KRW");
    EXPECT_EQ(window->statusMessage(), u"NOPE_KRW is not listed on Bithumb");
}

TEST_F(MainWindowTest, ASilentUnknownMarketAsksWhetherItIsListed)
{
    store.setCatalog({}, MarketCatalog::Source::Bundled); // Bithumb's list unreadable
    const auto nope = *MarketId::fromV1("NOPE_KRW");
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    ASSERT_TRUE(window->selectMarket(u"NOPE_KRW"_s));
    ASSERT_TRUE(subscribed.wait(timeoutMs)); // and the strict exchange says nothing about it
    EXPECT_EQ(window->noticeText(), QString());
    const qint64 asked = store.state(nope).wantedSinceMs;
    store.setClock([asked] { return asked + MarketStore::noDataAfterMs; });
    window->refreshStatus();
    EXPECT_EQ(window->noticeText(), u"no data from Bithumb for NOPE_KRW — is it listed?");
}

TEST_F(MainWindowTest, AMarketThatLeavesTheCatalogueIsMarkedNoLongerListed)
{
    store.setCatalog(MarketCatalog::bundled(), MarketCatalog::Source::Exchange);
    EXPECT_EQ(window->noticeText(), QString());
    std::vector<MarketCatalog::Entry> without = MarketCatalog::bundled();
    std::erase_if(
        without, [](const MarketCatalog::Entry &e) { return e.market.toV1() == u"BTC_KRW"; });
    store.setCatalog(without, MarketCatalog::Source::Exchange);
    EXPECT_EQ(window->noticeText(), u"no longer listed");
    EXPECT_NE(window->priceText(), u"—"); // its last price is still there to see
}

TEST_F(MainWindowTest, TheWatchlistShowsWhatIsClickedAndTheStarAddsTheShownMarket)
{
    subscriptions.setWanted(Subscriptions::Need::Watchlist, {});
    window->watchlistModel()->setMarkets({*MarketId::fromV1("ETH_KRW")});
    QSignalSpy edited(window.get(), &MainWindow::watchlistEdited);
    window->watchCurrent();
    ASSERT_EQ(edited.size(), 1);
    EXPECT_EQ(subscriptions.wanted(Subscriptions::Need::Watchlist).size(), 2);
    auto *view = window->watchlist();
    const QModelIndex eth = view->model()->index(0, 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(eth).center());
    EXPECT_EQ(window->currentMarket().toV1(), u"ETH_KRW");
}

TEST_F(MainWindowTest, ThePickerFindsAMarketByNameAndShowsIt)
{
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    window->picker()->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->picker()->lineEdit()->hasFocus(); }));
    // Keys go where QApplication routes them: the list while it is open, else the line.
    const auto target = [&]() -> QWidget * {
        QWidget *open = QApplication::activePopupWidget();
        return open ? open : window->picker()->lineEdit();
    };
    for (const char c : std::string_view("ethereum"))
        QTest::keyClick(target(), c);
    QTest::keyClick(target(), Qt::Key_Return);
    EXPECT_EQ(window->currentMarket().toV1(), u"ETH_KRW");
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    EXPECT_TRUE(
        subscribed.last().at(1).value<QList<MarketId>>().contains(*MarketId::fromV1("ETH_KRW")));
}

TEST_F(MainWindowTest, TheWatchlistsRowsInViewGetHourlySparklinesButNotTheShownMarket)
{
    ASSERT_TRUE(exchange.listenRest());
    OverviewFetcher::Config config;
    config.restBase = exchange.restUrl();
    OverviewFetcher overviews(config);
    QSignalSpy fetched(&overviews, &OverviewFetcher::fetched);
    store.setOverviews(&overviews);
    const auto eth = *MarketId::fromV1("ETH_KRW");
    window->watchlistModel()->addMarket(*MarketId::fromV1("BTC_KRW")); // shown: minutes instead
    window->watchlistModel()->addMarket(eth);
    ASSERT_TRUE(fetched.wait(timeoutMs)) << "the window never said which rows are in view";
    EXPECT_EQ(fetched.at(0).at(0).value<MarketId>(), eth);
    EXPECT_TRUE(fetched.at(0).at(2).toString().isEmpty());
    EXPECT_FALSE(store.find(eth)->overview.isEmpty());
    EXPECT_EQ(overviews.requestCount(), 1);
}

TEST_F(MainWindowTest, RecordingFromTheWindowShowsTheFileGrowingThenItsSize)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"window.jsonl"_s);
    ASSERT_TRUE(window->startRecording(path));
    EXPECT_TRUE(feed->isRecording());
    EXPECT_TRUE(window->recordingText().startsWith(u"● Recording window.jsonl"_s))
        << window->recordingText().toStdString();
    exchange.publish(*MarketId::fromV1("BTC_KRW"), u"131000000"_s);
    // The size shown follows the file (flushed at least twice a second).
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            const QString shown = QLocale().formattedDataSize(QFile(path).size());
            return QFile(path).size() > 200 && window->recordingText().endsWith(shown);
        },
        timeoutMs))
        << window->recordingText().toStdString();
    window->stopRecording();
    EXPECT_FALSE(feed->isRecording());
    EXPECT_EQ(window->recordingText(),
        u"Recorded %1 to window.jsonl"_s.arg(QLocale().formattedDataSize(QFile(path).size())));
    const Recording recording = Recording::fromFile(path);
    ASSERT_TRUE(recording.isValid());
    EXPECT_EQ(recording.entries.first().kind, RecordedEntry::Kind::Connect); // mid-link
    EXPECT_TRUE(recording.entries.last().data.contains("131000000"));

    // A file that cannot be written: said in the status bar, not recording, still live.
    EXPECT_FALSE(window->startRecording(dir.filePath(u"no/dir/x.jsonl"_s)));
    EXPECT_TRUE(window->recordingText().startsWith(u"Not recording: "_s));
    EXPECT_FALSE(feed->isRecording());
}

// Fed straight into the store, no feed: what one frame of ticks costs the window's views.
TEST(MainWindowFrameTest, TheLabelsTheChartAndTheWatchlistOfAFramePaintInOnePass)
{
    MarketStore store;
    Subscriptions subscriptions;
    store.setLinkState(FeedClient::State::Live, {}, 0);
    store.showMarket(btc);
    subscriptions.setWanted(Subscriptions::Need::Shown, {btc});
    subscriptions.setWanted(Subscriptions::Need::Watchlist, {btc, eth});
    MainWindow window(&store, &subscriptions, false);
    window.frameClock()->setSecondMs(3'600'000);    // no age beat during the test
    window.watchlistModel()->setFlashMs(3'600'000); // nor any flash ending
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    qint64 t = QDateTime::currentMSecsSinceEpoch() - 10'000;
    for (int i = 0; i < 3; ++i) { // enough history for a line
        store.applyTicks(
            {test::tickAt("BTC_KRW", QByteArray::number(131'000'000 + i).constData(), t += 1000),
                test::tickAt("ETH_KRW", "5000000", t)});
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.priceText() == u"131,000,002"; }, timeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.chart()->drawnPoints() >= 3; }, timeoutMs));
    for (int i = 0; i < 3; ++i) // what those ticks left pending: a relayout for the new labels
        QCoreApplication::processEvents();

    test::PaintPasses passes;
    window.installEventFilter(&passes);
    const int chartPaints = window.chart()->paintCount();
    const int listPaints = window.watchlist()->paintCount();
    // Two batches within one frame: the shown market's tick and another watched market's.
    store.applyTicks({test::tickAt("BTC_KRW", "131000100", t += 1000)});
    store.applyTicks({test::tickAt("ETH_KRW", "5001000", t)});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return window.priceText() == u"131,000,100"
                && window.chart()->paintCount() > chartPaints
                && window.watchlist()->paintCount() > listPaints;
        },
        timeoutMs));
    EXPECT_EQ(passes.count, 1) << "the labels, chart and watchlist painted apart";
    EXPECT_EQ(window.chart()->paintCount(), chartPaints + 1);
    EXPECT_EQ(window.watchlist()->paintCount(), listPaints + 1);
}
