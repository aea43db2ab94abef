// The watchlist's model, proxy, view and sparklines, fed straight into a MarketStore.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakemarkets.h"
#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/historybackfill.h"
#include "bithumbticker/marketstore.h"
#include "bithumbticker/overviewfetcher.h"
#include "celldelegate.h"
#include "common.h"
#include "frameclock.h"
#include "sparklinedelegate.h"
#include "tickcolors.h"
#include "ticks.h"
#include "watchlistmodel.h"
#include "watchlistview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using test::tickAt;

namespace {

const MarketId xrp = *MarketId::fromV1("XRP_KRW");

class WatchlistTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store.setClock([this] { return now; });
        store.setLinkState(FeedClient::State::Live, {}, 0);
        model.setMarkets({btc, eth, xrp});
    }

    QVariant cell(const MarketId &market, int column, int role = Qt::DisplayRole) const
    {
        return model.index(model.rowOf(market), column).data(role);
    }

    qint64 now = t0;
    MarketStore store;
    WatchlistModel model {&store};
    QAbstractItemModelTester tester {&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

TEST_F(WatchlistTest, EachRowShowsItsMarketAsThePresentationSaysIt)
{
    store.setCatalog(
        {test::listing("KRW-BTC", "비트코인", "Bitcoin")}, MarketCatalog::Source::Exchange);
    Tick tick = tickAt("BTC_KRW", "131000000", t0, 0.68);
    tick.tradedValue = 8'230'696'760.35;
    now = t0 + 3000; // read 3 s after the trade
    store.applyTicks({tick});
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(cell(btc, WatchlistModel::MarketColumn).toString(), u"BTC · Bitcoin");
    EXPECT_EQ(cell(btc, WatchlistModel::PriceColumn).toString(), u"131,000,000");
    EXPECT_EQ(cell(btc, WatchlistModel::ChangeColumn).toString(), u"+0.68%");
    EXPECT_EQ(cell(btc, WatchlistModel::ChangeColumn, Qt::ForegroundRole).value<QColor>(),
        risingColor(QGuiApplication::palette()));
    EXPECT_EQ(cell(btc, WatchlistModel::ValueColumn).toString(), u"8.23B");
    EXPECT_EQ(cell(btc, WatchlistModel::AgeColumn).toString(), u"3 s");
    EXPECT_EQ(cell(eth, WatchlistModel::PriceColumn).toString(), u"—");
    // The exchange's list no longer has ETH: it stays, marked, until removed.
    EXPECT_EQ(cell(eth, WatchlistModel::StatusColumn).toString(), u"no longer listed");
    now = t0 + MarketRhythm::minimumStaleMs + 1000;
    store.checkStaleness();
    EXPECT_EQ(cell(btc, WatchlistModel::StatusColumn).toString(), u"stale");
    EXPECT_TRUE(cell(btc, WatchlistModel::PriceColumn, WatchlistModel::StaleRole).toBool());
}

TEST_F(WatchlistTest, ATickAnnouncesOnlyItsRowsCellsOnceAFrame)
{
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto dataChanges = [&] {
        return std::count_if(changed.cbegin(), changed.cend(),
            [](const QList<QVariant> &args) { return args.at(2).value<QList<int>>().isEmpty(); });
    };
    for (int i = 0; i < 100; ++i) // a burst within one frame
        store.applyTicks({tickAt("ETH_KRW", QByteArray::number(5000 + i).constData(), t0 + i)});
    EXPECT_EQ(dataChanges(), 0); // the frame comes when the batch is told to every view
    ASSERT_TRUE(QTest::qWaitFor([&] { return dataChanges() == 1; }, 1000));
    QTest::qWait(3 * WatchlistModel::frameMs);
    EXPECT_EQ(dataChanges(), 1); // and nothing after it
    const QList<QVariant> first = changed.at(0);
    const auto topLeft = first.at(0).toModelIndex();
    const auto bottomRight = first.at(1).toModelIndex();
    EXPECT_EQ(topLeft.row(), model.rowOf(eth));
    EXPECT_EQ(bottomRight.row(), model.rowOf(eth));
    // Never painted: every cell a tick can change.
    EXPECT_EQ(topLeft.column(), WatchlistModel::PriceColumn);
    EXPECT_EQ(bottomRight.column(), WatchlistModel::StatusColumn);
    EXPECT_EQ(cell(eth, WatchlistModel::PriceColumn).toString(), u"5,099");
}

TEST_F(WatchlistTest, TheAgeColumnIsAnnouncedOnlyWhenAnAgeItShowsMoves)
{
    FrameClock clock;
    clock.setSecondMs(3'600'000); // the seconds turn by hand here
    model.setFrameClock(&clock);
    store.applyTicks({tickAt("BTC_KRW", "131000000", t0), tickAt("ETH_KRW", "5000", t0)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(changed.wait(1000)); // the ticks' frame
    const auto paint = [&] {         // what a paint of the rows asks
        for (const MarketId &market : {btc, eth, xrp})
            cell(market, WatchlistModel::AgeColumn);
    };
    paint();
    EXPECT_EQ(cell(btc, WatchlistModel::AgeColumn).toString(), u"now");
    changed.clear();
    const auto secondTurns = [&](qint64 at) {
        now = at;
        changed.clear();
        Q_EMIT clock.second();
    };
    secondTurns(t0 + 900); // still "now": nothing to repaint
    EXPECT_TRUE(changed.isEmpty());
    secondTurns(t0 + 1000); // "1 s": the column, every row
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex(), model.index(0, WatchlistModel::AgeColumn));
    EXPECT_EQ(changed.at(0).at(1).toModelIndex(), model.index(2, WatchlistModel::AgeColumn));
    paint();
    EXPECT_EQ(cell(btc, WatchlistModel::AgeColumn).toString(), u"1 s");
    // A minute on, an age moves once a minute; the rows painted before stay the ones asked.
    secondTurns(t0 + 61'000);
    ASSERT_EQ(changed.size(), 1);
    paint();
    EXPECT_EQ(cell(eth, WatchlistModel::AgeColumn).toString(), u"1 min");
    for (int second = 62; second < 120; ++second) {
        secondTurns(t0 + second * 1000);
        EXPECT_TRUE(changed.isEmpty()) << second;
    }
    secondTurns(t0 + 120'000);
    EXPECT_EQ(changed.size(), 1);
    EXPECT_EQ(cell(btc, WatchlistModel::AgeColumn).toString(), u"2 min");
}

TEST_F(WatchlistTest, APaintedRowAnnouncesOnlyTheCellsWhoseWordsChanged)
{
    store.applyTicks({tickAt("ETH_KRW", "5000", t0, 1.5)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(changed.wait(1000));
    EXPECT_EQ(cell(eth, WatchlistModel::PriceColumn).toString(), u"5,000"); // painted
    changed.clear();
    // Another price, the same change, value, age and status: the price cell alone.
    store.applyTicks({tickAt("ETH_KRW", "5001", t0 + 10, 1.5)});
    ASSERT_TRUE(changed.wait(1000));
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex(), model.index(model.rowOf(eth), 1));
    EXPECT_EQ(changed.at(0).at(1).toModelIndex(), model.index(model.rowOf(eth), 1));
    EXPECT_EQ(cell(eth, WatchlistModel::PriceColumn).toString(), u"5,001");
    changed.clear();
    // Two ticks in a frame and a paint of one cell between them: the price moves, the change
    // moves and comes back. Each cell that differs from what it may show is announced: the
    // price (unpainted, still 5,001) and the change (painted +2.50%).
    store.applyTicks({tickAt("ETH_KRW", "5002", t0 + 20, 2.5)});
    EXPECT_EQ(cell(eth, WatchlistModel::ChangeColumn).toString(), u"+2.50%"); // a paint between
    store.applyTicks({tickAt("ETH_KRW", "5002", t0 + 30, 1.5)});
    ASSERT_TRUE(changed.wait(1000));
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex().column(), WatchlistModel::PriceColumn);
    EXPECT_EQ(changed.at(0).at(1).toModelIndex().column(), WatchlistModel::ChangeColumn);
    changed.clear();
    // The same words again: nothing to paint.
    store.applyTicks({tickAt("ETH_KRW", "5002", t0 + 40, 1.5)});
    QTest::qWait(3 * WatchlistModel::frameMs);
    EXPECT_TRUE(changed.isEmpty());
}

TEST_F(WatchlistTest, SparklinesAreRedrawnOnTheirOwnSlowerBeat)
{
    model.setSparklineIntervalMs(100);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto sparklineChanges = [&] {
        return std::count_if(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
            return args.at(0).toModelIndex().column() == WatchlistModel::TrendColumn;
        });
    };
    store.applyTicks({tickAt("XRP_KRW", "1000", t0)});
    ASSERT_TRUE(changed.wait(1000)); // the frame's cells, on the next turn
    EXPECT_EQ(sparklineChanges(), 0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return sparklineChanges() == 1; }, 2000));
    const QModelIndex trend = changed.last().at(0).toModelIndex();
    EXPECT_EQ(trend.row(), model.rowOf(xrp));
    QTest::qWait(250); // nothing new: nothing redrawn
    EXPECT_EQ(sparklineChanges(), 1);
}

// The slow beat is for ticks, which move a day's line by less than a pixel: a past that
// arrives from REST shows on the next frame, not seconds later.
TEST_F(WatchlistTest, ASparklineShowsItsArrivingPastOnTheNextFrame)
{
    model.setSparklineIntervalMs(3600'000); // the beat never comes within this test
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto trendRows = [&] {
        QList<int> rows;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const QModelIndex from = args.at(0).toModelIndex();
            if (from.column() == WatchlistModel::TrendColumn)
                rows.append(from.row());
        }
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    const qint64 hour = t0 / OverviewFetcher::hourMs * OverviewFetcher::hourMs;
    now = hour + 600'000;
    // The hourly overview of a market never shown, and a shown market's minute backfill.
    store.applyOverview(xrp, {{hour - OverviewFetcher::hourMs, 900, 990, 880, 950}});
    store.applyCandles(
        btc, {{now - 120'000, 100, 110, 90, 105}, {now - 60'000, 105, 106, 101, 102}});
    ASSERT_TRUE(QTest::qWaitFor([&] { return trendRows().size() == 2; }, 1000));
    EXPECT_EQ(trendRows(), (QList<int> {model.rowOf(btc), model.rowOf(xrp)}));
    // Ticks after it: the slow beat's.
    changed.clear();
    store.applyTicks({tickAt("BTC_KRW", "103", now), tickAt("XRP_KRW", "951", now)});
    ASSERT_TRUE(changed.wait(1000));
    QTest::qWait(3 * WatchlistModel::frameMs);
    EXPECT_TRUE(trendRows().isEmpty());
}

TEST_F(WatchlistTest, WhilePausedNothingIsAnnouncedAndResumingAnnouncesAllOnce)
{
    model.setPaused(true);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    store.applyTicks({tickAt("BTC_KRW", "100", t0)});
    QTest::qWait(5 * WatchlistModel::frameMs);
    EXPECT_EQ(changed.size(), 0);
    EXPECT_EQ(model.announcedFrames(), 0);
    model.setPaused(false);
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex(), model.index(0, 0));
    EXPECT_EQ(changed.at(0).at(1).toModelIndex(),
        model.index(model.rowCount() - 1, WatchlistModel::ColumnCount - 1));
}

TEST_F(WatchlistTest, AChangedPriceFlashesRedUpAndBlueDownThenFades)
{
    model.setFlashMs(40);
    const auto flash = [&] {
        return cell(btc, WatchlistModel::PriceColumn, Qt::BackgroundRole).value<QColor>();
    };
    store.applyTicks({tickAt("BTC_KRW", "100", t0)});
    EXPECT_FALSE(flash().isValid()); // the first price has nothing to move from
    store.applyTicks({tickAt("BTC_KRW", "101", t0 + 1)});
    QColor up = risingColor(QGuiApplication::palette());
    up.setAlpha(WatchlistModel::flashAlpha);
    EXPECT_EQ(flash(), up);
    EXPECT_FALSE(cell(eth, WatchlistModel::PriceColumn, Qt::BackgroundRole).isValid());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !flash().isValid(); }, 2000));
    store.applyTicks({tickAt("BTC_KRW", "99", t0 + 2)});
    QColor down = fallingColor(QGuiApplication::palette());
    down.setAlpha(WatchlistModel::flashAlpha);
    EXPECT_EQ(flash(), down);
}

TEST_F(WatchlistTest, AddRemoveAndReorderAreEditsThatSayTheNewList)
{
    QSignalSpy edited(&model, &WatchlistModel::marketsEdited);
    const MarketId sol = *MarketId::fromV1("SOL_KRW");
    EXPECT_TRUE(model.addMarket(sol));
    EXPECT_FALSE(model.addMarket(sol));           // once
    EXPECT_TRUE(model.moveRows({}, 3, 1, {}, 0)); // SOL to the top
    EXPECT_EQ(model.markets(), (QList<MarketId> {sol, btc, eth, xrp}));
    EXPECT_TRUE(model.removeMarket(eth));
    EXPECT_FALSE(model.moveRows({}, 0, 1, {}, 1)); // onto itself: no move
    ASSERT_EQ(edited.size(), 3);
    EXPECT_EQ(edited.last().at(0).value<QList<MarketId>>(), (QList<MarketId> {sol, btc, xrp}));

    // A drag of XRP dropped before BTC.
    std::unique_ptr<QMimeData> dragged(model.mimeData({model.index(2, 0), model.index(2, 3)}));
    model.dropMimeData(dragged.get(), Qt::MoveAction, 1, 0, {});
    EXPECT_EQ(model.markets(), (QList<MarketId> {sol, xrp, btc}));
}

TEST_F(WatchlistTest, TheViewSortsThroughTheProxyAndDeleteRemoves)
{
    WatchlistView view(&model);
    view.resize(800, 300);
    view.show();
    store.applyTicks({tickAt("BTC_KRW", "100", t0, 2.0), tickAt("ETH_KRW", "50", t0, -1.0),
        tickAt("XRP_KRW", "10", t0, 5.0)});
    view.sortByColumn(WatchlistModel::ChangeColumn, Qt::DescendingOrder);
    const auto marketAt = [&](int row) {
        return view.model()->index(row, 0).data(WatchlistModel::MarketRole).value<MarketId>();
    };
    EXPECT_EQ(marketAt(0), xrp);
    EXPECT_EQ(marketAt(1), btc);
    EXPECT_EQ(marketAt(2), eth);
    EXPECT_EQ(view.dragDropMode(), QAbstractItemView::NoDragDrop); // sorted: no reordering

    QSignalSpy activated(&view, &WatchlistView::marketActivated);
    view.selectRow(1); // BTC
    QTest::keyClick(&view, Qt::Key_Delete);
    EXPECT_EQ(model.markets(), (QList<MarketId> {eth, xrp}));
    EXPECT_EQ(activated.size(), 0);
}

TEST_F(WatchlistTest, ColumnWidthsAndTheSortSurviveARestart)
{
    store.applyTicks({tickAt("BTC_KRW", "100", t0, 2.0), tickAt("ETH_KRW", "50", t0, -1.0),
        tickAt("XRP_KRW", "10", t0, 5.0)});
    QByteArray saved;
    int defaultWidth = 0;
    {
        WatchlistView view(&model);
        defaultWidth = view.columnWidth(WatchlistModel::MarketColumn);
        view.setColumnWidth(WatchlistModel::MarketColumn, defaultWidth + 77);
        view.sortByColumn(WatchlistModel::ChangeColumn, Qt::DescendingOrder);
        saved = view.saveColumns();
    }
    WatchlistView restarted(&model);
    ASSERT_TRUE(restarted.restoreColumns(saved));
    EXPECT_EQ(restarted.columnWidth(WatchlistModel::MarketColumn), defaultWidth + 77);
    const auto marketAt = [&](int row) {
        return restarted.model()->index(row, 0).data(WatchlistModel::MarketRole).value<MarketId>();
    };
    EXPECT_EQ(marketAt(0), xrp); // sorted by change, not only marked so
    EXPECT_EQ(marketAt(2), eth);
    EXPECT_EQ(restarted.horizontalHeader()->sortIndicatorSection(), WatchlistModel::ChangeColumn);
    EXPECT_EQ(restarted.dragDropMode(), QAbstractItemView::NoDragDrop);

    // Clearing the sort again gives back the user's order and dragging.
    restarted.sortByColumn(-1, Qt::AscendingOrder);
    EXPECT_EQ(marketAt(0), btc);
    EXPECT_EQ(restarted.dragDropMode(), QAbstractItemView::InternalMove);

    // A saved state that is not this header's changes nothing.
    WatchlistView fresh(&model);
    EXPECT_FALSE(fresh.restoreColumns("not a header state"));
    EXPECT_EQ(fresh.columnWidth(WatchlistModel::MarketColumn), defaultWidth);
    EXPECT_EQ(fresh.dragDropMode(), QAbstractItemView::InternalMove);
}

TEST_F(WatchlistTest, HidingOrMinimisingTheViewPausesTheModel)
{
    WatchlistView view(&model);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    EXPECT_FALSE(model.isPaused());
    view.showMinimized();
    EXPECT_TRUE(QTest::qWaitFor([&] { return model.isPaused(); }, 2000));
    view.showNormal();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !model.isPaused(); }, 2000));
    view.hide();
    EXPECT_TRUE(model.isPaused());
}

TEST_F(WatchlistTest, TheSparklineDrawsTheDayDecimatedToItsColumns)
{
    for (int i = 0; i < 20'000; ++i) // a tick every 4 s over the day, jagged
        store.applyTicks({tickAt("BTC_KRW", i % 2 ? "101" : "99", t0 - 86'400'000 + i * 4320)});
    now = t0;
    model.setMarkets({btc}); // the last row painted is the one measured
    WatchlistView view(&model);
    view.sparklines()->setClock([this] { return now; });
    view.resize(900, 200);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.viewport()->repaint();
    const int drawn = view.sparklines()->lastDrawnPoints();
    const int columns
        = int(view.columnWidth(WatchlistModel::TrendColumn) * view.devicePixelRatioF());
    EXPECT_GT(drawn, 0);
    EXPECT_LE(drawn, 4 * columns);
    EXPECT_EQ(view.sparklines()->lastSummarised(), 0); // painted when shown: nothing new

    // A tick later only the newest columns are summarised again, and the line is the one a
    // fresh delegate draws.
    now = t0 + 1000;
    store.applyTicks({tickAt("BTC_KRW", "100", now)});
    view.viewport()->repaint();
    EXPECT_LE(view.sparklines()->lastSummarised(), 2);
    SparklineDelegate fresh;
    fresh.setClock([this] { return now; });
    const QModelIndex trend = view.model()->index(0, WatchlistModel::TrendColumn);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.rect = view.visualRect(trend);
    QImage image(view.viewport()->size() * view.devicePixelRatioF(), QImage::Format_ARGB32);
    image.setDevicePixelRatio(view.devicePixelRatioF());
    QPainter painter(&image);
    fresh.paint(&painter, option, trend);
    EXPECT_GT(fresh.lastSummarised(), columns / 2); // every column of its grid
    EXPECT_EQ(fresh.lastDrawnPoints(), view.sparklines()->lastDrawnPoints());
}

TEST_F(WatchlistTest, ATickRepaintsOnlyItsRowsChangedCells)
{
    WatchlistView view(&model);
    view.resize(900, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(50);
    const auto paintAfter = [&](const Tick &tick) {
        const int before = view.paintCount();
        store.applyTicks({tick});
        EXPECT_TRUE(QTest::qWaitFor([&] { return view.paintCount() > before; }, 2000));
        return view.lastPaintedRect();
    };
    const int row = view.proxy()->mapFromSource(model.index(model.rowOf(eth), 0)).row();
    const QRect price = view.visualRect(view.model()->index(row, WatchlistModel::PriceColumn));
    const QRect status = view.visualRect(view.model()->index(row, WatchlistModel::StatusColumn));
    // Qt adds a pixel of margin around the changed cells' rectangle.
    QRect painted = paintAfter(tickAt("ETH_KRW", "5000", t0));
    EXPECT_TRUE(painted.contains(price));
    EXPECT_LE(painted.width(), price.united(status).width() + 2) << "not just the changed cells";
    EXPECT_LE(painted.height(), view.rowHeight(row) + 2) << "not just the row";
    // Only the price moves: only its cell is painted.
    painted = paintAfter(tickAt("ETH_KRW", "5001", t0 + 10));
    EXPECT_TRUE(painted.contains(price));
    EXPECT_LE(painted.width(), price.width() + 2) << "more than the price";
    EXPECT_LE(painted.height(), view.rowHeight(row) + 2) << "not just the row";
}

namespace {

QSet<MarketId> setOf(const QList<MarketId> &markets)
{
    return {markets.begin(), markets.end()};
}

// The watchlist's sparklines with history from the loopback exchange's REST candles: hourly
// overviews for the visible rows, the minute backfill for the shown market.
class SparklineHistoryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listenRest());
        OverviewFetcher::Config config;
        config.restBase = exchange.restUrl();
        // The server stands at one instant, so what it holds is what was fetched.
        exchange.rest()->setClock([this] { return now; });
        overviews = std::make_unique<OverviewFetcher>(config);
        store.setOverviews(overviews.get());
        markets = fakeListedMarkets().first(60);
        model.setMarkets(markets);
        // As the window wires it.
        QObject::connect(
            &view, &WatchlistView::visibleMarketsChanged, &store, &MarketStore::setVisibleMarkets);
        view.resize(900, 8 * view.verticalHeader()->defaultSectionSize());
    }

    // Waits for the view to say its rows, then for every overview wanted; the markets
    // fetched since `before` answers.
    QSet<MarketId> fetchedFor(QSignalSpy &visible, QSignalSpy &fetched, qsizetype before)
    {
        EXPECT_TRUE(visible.wait(timeoutMs));
        QSet<MarketId> got;
        const auto done = [&] {
            for (; before < fetched.size(); ++before)
                got.insert(fetched.at(before).at(0).value<MarketId>());
            return overviews->inFlight() == 0 && got.contains(setOf(overviews->wanted()));
        };
        EXPECT_TRUE(QTest::qWaitFor(done, timeoutMs));
        return got;
    }

    // The sparkline of a row, painted alone: how many points it drew, or -1 when it says it
    // drew some but no pixel shows a line.
    int drawnPoints(int row)
    {
        QImage image(drawnColumns + 8, 24, QImage::Format_ARGB32_Premultiplied);
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.rect = image.rect();
        image.fill(option.palette.color(QPalette::Base));
        QPainter painter(&image);
        view.sparklines()->paint(
            &painter, option, view.model()->index(row, WatchlistModel::TrendColumn));
        painter.end();
        const int drawn = view.sparklines()->lastDrawnPoints();
        // The line crosses the cell from the day's start to now: lit pixels in most columns.
        int litColumns = 0;
        for (int x = 0; x < image.width(); ++x) {
            for (int y = 0; y < image.height(); ++y) {
                if (image.pixelColor(x, y) != option.palette.color(QPalette::Base)) {
                    ++litColumns;
                    break;
                }
            }
        }
        return drawn > 0 && litColumns < image.width() * 3 / 4 ? -1 : drawn;
    }

    static constexpr int timeoutMs = 10'000;
    static constexpr int drawnColumns = 192; // drawnPoints' cell less the delegate's 4 px a side
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    FakeExchange exchange;
    MarketStore store;
    WatchlistModel model {&store};
    WatchlistView view {&model};
    std::unique_ptr<OverviewFetcher> overviews;
    QList<MarketId> markets;
};

} // namespace

TEST_F(SparklineHistoryTest, OnlyTheVisibleRowsAreFetchedAndScrollingFetchesMore)
{
    store.showMarket(markets[1]); // shown: it has minute candles instead
    QSignalSpy visible(&view, &WatchlistView::visibleMarketsChanged);
    QSignalSpy fetched(overviews.get(), &OverviewFetcher::fetched);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    const QSet<MarketId> first = fetchedFor(visible, fetched, 0);
    const QList<MarketId> onScreen = view.visibleMarkets();
    ASSERT_GE(onScreen.size(), 4);
    ASSERT_LE(onScreen.size(), 10);
    EXPECT_EQ(onScreen.first(), markets[0]);
    QSet<MarketId> expected = setOf(onScreen);
    expected.remove(markets[1]);
    EXPECT_EQ(first, expected);
    EXPECT_EQ(overviews->requestCount(), expected.size());
    EXPECT_EQ(overviews->failureCount(), 0);

    // A never-shown market's sparkline is its day of hours: four points each.
    const MarketState *top = store.find(markets[0]);
    ASSERT_TRUE(top);
    EXPECT_TRUE(top->history.isEmpty());
    auto held = exchange.rest()->candles(markets[0], 60, now); // the hours touching the day
    std::erase_if(
        held, [this](const Candle &c) { return c.startMs + hourMs <= now - 24 * hourMs; });
    EXPECT_GE(held.size(), 20u); // about a day: a lull empties at most one hour in four
    // Four points an hour; of the oldest, only those still in the day by the store's clock.
    EXPECT_GE(top->overview.size(), 4 * (held.size() - 1));
    EXPECT_LE(top->overview.size(), 4 * held.size());
    // Drawn at a later instant, the oldest of those may have left the day: what is drawn is
    // the points still in it, on the cell's columns (M4 drops a point only where a column holds
    // three or more, as where an hour's close meets the next hour's open).
    const qint64 paintAt = QDateTime::currentMSecsSinceEpoch();
    view.sparklines()->setClock([paintAt] { return paintAt; });
    const qint64 dayStart = paintAt - SparklineDelegate::spanMs;
    const PriceHistory::Range inDay = top->overview.range(dayStart, paintAt);
    EXPECT_GE(inDay.size(), top->overview.size() - 4);
    const int drawn = drawnPoints(0);
    EXPECT_EQ(drawn, int(decimateM4(inDay, dayStart, paintAt, drawnColumns).size()));
    EXPECT_GE(drawn, int(inDay.size()) - 4);
    EXPECT_EQ(drawnPoints(1), 0); // the shown one has no ticks here, and no overview

    view.scrollToBottom();
    const QSet<MarketId> second = fetchedFor(visible, fetched, fetched.size());
    const QList<MarketId> atBottom = view.visibleMarkets();
    EXPECT_EQ(atBottom.last(), markets.last());
    EXPECT_EQ(second, setOf(atBottom));
    EXPECT_EQ(overviews->requestCount(), expected.size() + second.size());
}

TEST_F(SparklineHistoryTest, AMarketShownLaterStillGetsItsWholeMinuteBackfill)
{
    HistoryBackfill::Config config;
    config.restBase = exchange.restUrl();
    HistoryBackfill backfill(config);
    store.setBackfill(&backfill);
    QSignalSpy visible(&view, &WatchlistView::visibleMarketsChanged);
    QSignalSpy fetched(overviews.get(), &OverviewFetcher::fetched);
    view.show();
    const MarketId later = markets[1];
    ASSERT_TRUE(fetchedFor(visible, fetched, 0).contains(later));
    ASSERT_FALSE(store.find(later)->overview.isEmpty());

    QSignalSpy backfilled(&backfill, &HistoryBackfill::fetched);
    store.showMarket(later);
    ASSERT_TRUE(backfilled.wait(timeoutMs));
    EXPECT_TRUE(backfilled.at(0).at(2).toString().isEmpty());
    // Every candle of the day, four points each (as the window's backfill test expects): the
    // overview took nothing from it.
    auto day = exchange.rest()->history(later, now);
    std::erase_if(
        day, [this](const Candle &c) { return c.startMs < now - PriceHistory::windowMs; });
    EXPECT_GE(store.find(later)->history.size(), 4 * (day.size() - 2));
    EXPECT_GE(drawnPoints(1), 4 * 24);
    // Shown and backfilled: no hours for it again.
    const int requests = overviews->requestCount();
    store.setVisibleMarkets({later});
    EXPECT_EQ(overviews->requestCount(), requests);
}

TEST(CellDelegateTest, AFlashLooksAsIfBlendedOverTheRowsColour)
{
    // One cell, flashing, on a plain and on an alternate row: painted as one opaque fill, it
    // must look like the translucent flash drawn over the row (to rounding).
    QStandardItemModel model(1, 1);
    QColor flash = risingColor(QPalette());
    flash.setAlpha(WatchlistModel::flashAlpha);
    model.setData(model.index(0, 0), flash, Qt::BackgroundRole);
    CellDelegate delegate;
    for (const bool alternate : {false, true}) {
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, 40, 20);
        option.palette.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf0, 0xf0));
        option.state = QStyle::State_Enabled | QStyle::State_Active;
        if (alternate)
            option.features |= QStyleOptionViewItem::Alternate;
        const QColor row
            = option.palette.color(alternate ? QPalette::AlternateBase : QPalette::Base);
        QImage painted(option.rect.size(), QImage::Format_RGB32);
        painted.fill(option.palette.color(QPalette::Base)); // the viewport's own fill
        QImage expected = painted;
        {
            QPainter painter(&painted);
            delegate.paint(&painter, option, model.index(0, 0));
        }
        {
            QPainter painter(&expected);
            painter.fillRect(option.rect, row);
            painter.fillRect(option.rect, flash);
        }
        const QColor got = painted.pixelColor(5, 5), want = expected.pixelColor(5, 5);
        EXPECT_NE(got, row) << alternate;
        EXPECT_LE(std::abs(got.red() - want.red()), 1) << alternate;
        EXPECT_LE(std::abs(got.green() - want.green()), 1) << alternate;
        EXPECT_LE(std::abs(got.blue() - want.blue()), 1) << alternate;
    }
}
