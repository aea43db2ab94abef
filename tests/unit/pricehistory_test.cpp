#include "bithumbticker/pricehistory.h"
#include "common.h"

#include <gtest/gtest.h>

#include <QRandomGenerator>

#include <algorithm>
#include <limits>

using namespace ticker;
using namespace ticker::test;

namespace {

std::vector<PricePoint> all(const PriceHistory::Range &range)
{
    std::vector<PricePoint> points;
    for (std::size_t i = 0; i < range.size(); ++i)
        points.push_back(range[i]);
    return points;
}

} // namespace

TEST(PriceHistory, KeepsTicksInOrderAndFindsRanges)
{
    PriceHistory history;
    for (int i = 0; i < 100; ++i)
        history.append(1000 + i * 10, 100.0 + i);
    EXPECT_EQ(history.size(), 100u);
    const auto range = all(history.range(1100, 1200));
    ASSERT_EQ(range.size(), 11u);
    EXPECT_EQ(range.front().timeMs, 1100);
    EXPECT_EQ(range.back().price, 120.0);
    EXPECT_EQ(history.range(5000, 6000).size(), 0u);
}

TEST(PriceHistory, DropsWhatLeavesTheDayWindow)
{
    PriceHistory history;
    history.append(0, 1);
    history.append(PriceHistory::windowMs / 2, 2);
    history.append(PriceHistory::windowMs + 1, 3); // the first is now older than 24 h
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history.at(0).price, 2);
}

TEST(PriceHistory, AtTheCapTheOldestGivesWay)
{
    PriceHistory history(1000);
    for (int i = 0; i < 2500; ++i)
        history.append(i, i);
    EXPECT_EQ(history.size(), 1000u);
    EXPECT_EQ(history.allocatedPoints(), 1000u);
    EXPECT_EQ(history.at(0).price, 1500);
    EXPECT_EQ(history.newest().price, 2499);
    // A wrapped ring still answers ranges in order, in two pieces.
    const auto range = history.range(1990, 2010);
    EXPECT_EQ(range.size(), 21u);
    const auto points = all(range);
    EXPECT_TRUE(std::is_sorted(
        points.begin(), points.end(), [](auto a, auto b) { return a.timeMs < b.timeMs; }));
}

TEST(PriceHistory, TimeNeverGoesBackwards)
{
    PriceHistory history;
    history.append(1000, 1);
    history.append(900, 2); // a clock step back: stored at the newest time
    EXPECT_EQ(history.newest().timeMs, 1000);
}

TEST(PriceHistory, GrowsWithoutLosingTicksAfterEvictions)
{
    PriceHistory history(1 << 20);
    qint64 t = 0;
    // A day and a half at one tick a minute, then a burst: nothing inside the window is lost.
    for (; t < PriceHistory::windowMs * 3 / 2; t += 60'000)
        history.append(t, double(t));
    for (int i = 0; i < 5000; ++i)
        history.append(t, double(i));
    const std::size_t expected = std::size_t(PriceHistory::windowMs / 60'000) + 5000;
    EXPECT_NEAR(double(history.size()), double(expected), 1);
    EXPECT_LE(history.allocatedPoints(), 2 * history.size() + 1024);
}

TEST(DecimateM4, ColumnExtremesEqualTheTrueOnes)
{
    QRandomGenerator random(99);
    PriceHistory history;
    double price = 1000;
    for (qint64 t = 0; t < 100'000; t += 1 + qint64(random.bounded(20))) {
        price += random.bounded(21) - 10;
        history.append(t, price);
    }
    const qint64 from = 10'000, to = 90'000;
    for (const int columns : {1, 7, 400, 1200}) {
        const auto points = decimateM4(history.range(from, to), from, to, columns);
        EXPECT_LE(points.size(), std::size_t(4 * columns));
        const auto column = [&](qint64 t) {
            return std::clamp(
                int(double(t - from) / (double(to - from) + 1) * columns), 0, columns - 1);
        };
        std::vector<double> trueLow(columns, 1e300), trueHigh(columns, -1e300);
        std::vector<double> drawnLow(columns, 1e300), drawnHigh(columns, -1e300);
        const auto truth = all(history.range(from, to));
        for (const auto &p : truth) {
            trueLow[column(p.timeMs)] = std::min(trueLow[column(p.timeMs)], p.price);
            trueHigh[column(p.timeMs)] = std::max(trueHigh[column(p.timeMs)], p.price);
        }
        for (const auto &p : points) {
            drawnLow[column(p.timeMs)] = std::min(drawnLow[column(p.timeMs)], p.price);
            drawnHigh[column(p.timeMs)] = std::max(drawnHigh[column(p.timeMs)], p.price);
        }
        EXPECT_EQ(drawnLow, trueLow) << columns << " columns";
        EXPECT_EQ(drawnHigh, trueHigh) << columns << " columns";
        EXPECT_EQ(points.front().timeMs, truth.front().timeMs); // first and last kept
        EXPECT_EQ(points.back().timeMs, truth.back().timeMs);
        EXPECT_TRUE(std::is_sorted(
            points.begin(), points.end(), [](auto a, auto b) { return a.timeMs < b.timeMs; }));
    }
}

TEST(DecimateM4, FewPointsPassThrough)
{
    PriceHistory history;
    history.append(0, 1);
    history.append(10, 2);
    const auto points = decimateM4(history.range(0, 10), 0, 10, 400);
    EXPECT_EQ(points.size(), 2u);
    EXPECT_TRUE(decimateM4(history.range(20, 30), 20, 30, 400).empty());
}

namespace {

constexpr qint64 minuteT0 = 1'795'430'460'000; // a minute boundary

Candle flatCandle(qint64 start, double price)
{
    return {start, price, price, price, price};
}

} // namespace

TEST(PriceHistoryBackfill, CandlesBecomeOpenLowHighCloseInsideTheirMinute)
{
    PriceHistory history;
    const Candle rising {minuteT0, 100, 130, 90, 120};
    const Candle falling {minuteT0 + minuteMs, 120, 125, 80, 85};
    const Candle candles[] = {rising, falling};
    EXPECT_EQ(history.mergeCandles(candles, minuteT0 + 10 * minuteMs), 8u);
    const auto points = all(history.range(0, std::numeric_limits<qint64>::max()));
    const std::vector<double> prices {100, 90, 130, 120, 120, 125, 80, 85};
    ASSERT_EQ(points.size(), prices.size());
    for (std::size_t i = 0; i < prices.size(); ++i) {
        EXPECT_EQ(points[i].price, prices[i]) << i;
        EXPECT_GE(points[i].timeMs, minuteT0 + qint64(i / 4) * minuteMs);
        EXPECT_LT(points[i].timeMs, minuteT0 + qint64(i / 4 + 1) * minuteMs);
    }
}

TEST(PriceHistoryBackfill, LiveTicksWinAndNothingIsDoubled)
{
    PriceHistory history;
    // Live ticks from 10:05:30 on; candles for 10:00..10:06; now is 10:06:20.
    for (int i = 0; i < 10; ++i)
        history.append(minuteT0 + 5 * minuteMs + 30'000 + i * 5'000, 500 + i);
    std::vector<Candle> candles;
    for (int m = 0; m <= 6; ++m)
        candles.push_back({minuteT0 + m * minuteMs, 100.0 + m, 110.0 + m, 90.0 + m, 105.0 + m});
    const qint64 now = minuteT0 + 6 * minuteMs + 20'000;
    // 10:00..10:04 are filled; 10:05 holds live ticks; 10:06 is not over yet.
    EXPECT_EQ(history.mergeCandles(candles, now), 5u * 4);
    EXPECT_EQ(history.size(), 30u);
    const auto points = all(history.range(0, std::numeric_limits<qint64>::max()));
    EXPECT_TRUE(std::is_sorted(
        points.begin(), points.end(), [](auto a, auto b) { return a.timeMs < b.timeMs; }));
    EXPECT_EQ(points[19].price, 109.0); // 10:04's close
    EXPECT_EQ(points[20].price, 500.0); // then the live ticks, untouched
    EXPECT_EQ(history.newest().price, 509.0);
    // The same candles again add nothing.
    EXPECT_EQ(history.mergeCandles(candles, now), 0u);
    EXPECT_EQ(history.size(), 30u);
    // Appending goes on after the merge.
    history.append(now + 1000, 600);
    EXPECT_EQ(history.newest().price, 600.0);
}

TEST(PriceHistoryBackfill, FillsAGapBetweenLiveStretches)
{
    PriceHistory history;
    history.append(minuteT0 + 10'000, 1);                // minute 0
    history.append(minuteT0 + 5 * minuteMs + 10'000, 2); // minute 5, after a gap
    std::vector<Candle> candles;
    for (int m = 0; m < 6; ++m)
        candles.push_back(flatCandle(minuteT0 + m * minuteMs, 50.0 + m));
    // Minutes 1..4 are filled, four points each; 0 and 5 are live.
    EXPECT_EQ(history.mergeCandles(candles, minuteT0 + 10 * minuteMs), 16u);
    const auto points = all(history.range(0, std::numeric_limits<qint64>::max()));
    ASSERT_EQ(points.size(), 18u);
    EXPECT_EQ(points[0].price, 1.0);
    EXPECT_EQ(points[1].price, 51.0);
    EXPECT_EQ(points[1].timeMs, minuteT0 + minuteMs);
    EXPECT_EQ(points[16].price, 54.0);
    EXPECT_EQ(points[17].price, 2.0);
}

TEST(PriceHistoryBackfill, KeepsTheDayWindowAndTheCap)
{
    PriceHistory history(100);
    std::vector<Candle> candles;
    const qint64 now = minuteT0 + 2 * PriceHistory::windowMs;
    for (qint64 start = now - PriceHistory::windowMs - 10 * minuteMs; start < now;
         start += minuteMs)
        candles.push_back({start, 1, 3, 0.5, 2});
    history.mergeCandles(candles, now);
    EXPECT_EQ(history.size(), 100u); // the cap, filled with the newest
    EXPECT_GE(history.at(0).timeMs, now - PriceHistory::windowMs);
    EXPECT_EQ(history.newest().timeMs, now - 1'000); // the close of the last whole minute
}

TEST(PriceHistory, NearestPointToATime)
{
    PriceHistory history;
    EXPECT_EQ(history.nearest(5), nullptr);
    history.append(100, 1);
    history.append(200, 2);
    history.append(300, 3);
    EXPECT_EQ(history.nearest(0)->price, 1.0);
    EXPECT_EQ(history.nearest(149)->price, 1.0);
    EXPECT_EQ(history.nearest(151)->price, 2.0);
    EXPECT_EQ(history.nearest(1000)->price, 3.0);
}

// -- Resolution: every tick for the full-resolution window, per-minute summaries before it.

namespace {

struct Feed
{
    std::vector<PricePoint> ticks; // what was appended, in order
};

// A random walk from minuteT0 for `durationMs`, one tick every 1..maxGapMs, into every history.
Feed feedRandomWalk(std::initializer_list<PriceHistory *> histories, qint64 durationMs,
    qint64 maxGapMs, quint32 seed)
{
    QRandomGenerator random(seed);
    Feed feed;
    double price = 50'000;
    for (qint64 t = minuteT0; t < minuteT0 + durationMs;
         t += 1 + qint64(random.bounded(int(maxGapMs)))) {
        price += double(random.bounded(41) - 20);
        feed.ticks.push_back({t, price});
        for (PriceHistory *history : histories)
            history->append(t, price);
    }
    return feed;
}

bool inTimeOrder(const std::vector<PricePoint> &points)
{
    return std::is_sorted(
        points.begin(), points.end(), [](auto a, auto b) { return a.timeMs < b.timeMs; });
}

// What a minute's ticks compact to, found the plain way: first, lowest (the first of them),
// highest (the first of them) and last, in time order, each once.
std::vector<PricePoint> firstLowHighLast(const std::vector<PricePoint> &minute)
{
    std::size_t low = 0, high = 0;
    for (std::size_t i = 0; i < minute.size(); ++i) {
        if (minute[i].price < minute[low].price)
            low = i;
        if (minute[i].price > minute[high].price)
            high = i;
    }
    std::vector<std::size_t> picks {0, low, high, minute.size() - 1};
    std::sort(picks.begin(), picks.end());
    picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
    std::vector<PricePoint> points;
    for (const std::size_t i : picks)
        points.push_back(minute[i]);
    return points;
}

// Each column's lowest and highest price, columns cut as decimateM4 cuts them: a minute
// before minutesBeforeMs goes whole to the column it starts in.
struct Extremes
{
    std::vector<double> low, high;
};

Extremes columnExtremes(const std::vector<PricePoint> &points, qint64 from, qint64 to, int columns,
    qint64 minutesBeforeMs)
{
    Extremes e {std::vector<double>(columns, 1e300), std::vector<double>(columns, -1e300)};
    const double span = double(to - from) + 1;
    for (const PricePoint &p : points) {
        const qint64 t = p.timeMs < minutesBeforeMs ? std::max(from, p.timeMs / minuteMs * minuteMs)
                                                    : p.timeMs;
        const int c = std::clamp(int(double(t - from) / span * columns), 0, columns - 1);
        e.low[c] = std::min(e.low[c], p.price);
        e.high[c] = std::max(e.high[c], p.price);
    }
    return e;
}

} // namespace

TEST(PriceHistoryResolution, EveryTickByDefault)
{
    PriceHistory history;
    EXPECT_EQ(history.fullResolutionWindow(), PriceHistory::windowMs);
    const Feed feed = feedRandomWalk({&history}, 3 * hourMs, 500, 1);
    EXPECT_EQ(history.size(), feed.ticks.size());
    EXPECT_EQ(history.summarySize(), 0u);
}

TEST(PriceHistoryResolution, OlderMinutesKeepExactlyTheirFirstLowHighLast)
{
    PriceHistory history;
    history.setFullResolutionWindow(hourMs);
    const Feed feed = feedRandomWalk({&history}, 3 * hourMs + 30'000, 400, 2);
    const qint64 newest = feed.ticks.back().timeMs;
    const qint64 boundary = (newest - hourMs) / minuteMs * minuteMs; // minutes before: compacted
    // The expected history: each whole minute before the boundary as its four, then every tick.
    std::vector<PricePoint> expected, minute;
    for (std::size_t i = 0; i < feed.ticks.size(); ++i) {
        const PricePoint &p = feed.ticks[i];
        if (p.timeMs >= boundary) {
            expected.push_back(p);
            continue;
        }
        minute.push_back(p);
        if (i + 1 == feed.ticks.size()
            || feed.ticks[i + 1].timeMs / minuteMs != p.timeMs / minuteMs) {
            const auto four = firstLowHighLast(minute);
            expected.insert(expected.end(), four.begin(), four.end());
            minute.clear();
        }
    }
    const auto points = all(history.range(0, std::numeric_limits<qint64>::max()));
    ASSERT_EQ(points.size(), expected.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i].timeMs, expected[i].timeMs) << i;
        EXPECT_EQ(points[i].price, expected[i].price) << i;
    }
    // Two hours of minutes became at most four points each; the last hour holds every tick.
    EXPECT_LE(history.summarySize(), std::size_t(4 * (3 * 60 - 60 + 1)));
    EXPECT_GT(history.summarySize(), std::size_t(3 * (3 * 60 - 60 - 1)));
    EXPECT_LT(history.size(), feed.ticks.size() / 2);
}

TEST(PriceHistoryResolution, DecimatedDayHasTheSameColumnExtremesAsEveryTick)
{
    PriceHistory full, tiered;
    tiered.setFullResolutionWindow(hourMs);
    // 26 h of ticks, so the day window has dropped the first two hours too.
    const Feed feed = feedRandomWalk({&full, &tiered}, 26 * hourMs, 1200, 3);
    ASSERT_GT(tiered.summarySize(), 0u);
    ASSERT_LT(tiered.size(), full.size() / 10);
    const qint64 to = full.newest().timeMs;
    // From the first whole minute of the day: the one the window cuts lost its part before.
    const qint64 from = (to - PriceHistory::windowMs) / minuteMs * minuteMs + minuteMs;
    const auto every = all(full.range(from, to));
    const PriceHistory::Range compacted = tiered.range(from, to);
    // The compacted minutes end where the full-resolution ticks begin, about an hour ago.
    EXPECT_NEAR(double(compacted.minutesBeforeMs), double(to - hourMs), double(minuteMs));
    EXPECT_EQ(full.range(from, to).minutesBeforeMs, std::numeric_limits<qint64>::min());
    // M4 of every tick, with the columns cut the same way (whole minutes until an hour ago).
    PriceHistory::Range everyTick = full.range(from, to);
    everyTick.minutesBeforeMs = compacted.minutesBeforeMs;
    for (const int columns : {1440, 400, 1200, 2880, 97}) {
        const auto fromFull = decimateM4(everyTick, from, to, columns);
        const auto fromTiered = decimateM4(compacted, from, to, columns);
        const Extremes truth = columnExtremes(every, from, to, columns, compacted.minutesBeforeMs);
        const Extremes drawnFull
            = columnExtremes(fromFull, from, to, columns, compacted.minutesBeforeMs);
        const Extremes drawnTiered
            = columnExtremes(fromTiered, from, to, columns, compacted.minutesBeforeMs);
        EXPECT_EQ(drawnTiered.low, drawnFull.low) << columns << " columns";
        EXPECT_EQ(drawnTiered.high, drawnFull.high) << columns << " columns";
        EXPECT_EQ(drawnTiered.low, truth.low) << columns << " columns";
        EXPECT_EQ(drawnTiered.high, truth.high) << columns << " columns";
        EXPECT_TRUE(inTimeOrder(fromTiered));
        EXPECT_EQ(fromTiered.front(), fromFull.front()); // the first and last points too
        EXPECT_EQ(fromTiered.back(), fromFull.back());
    }
    // The last hour is every tick, point for point, and so is its chart.
    const qint64 hourAgo = to - hourMs;
    const auto lastHourFull = all(full.range(hourAgo, to));
    const auto lastHourTiered = all(tiered.range(hourAgo, to));
    ASSERT_EQ(lastHourTiered.size(), lastHourFull.size());
    EXPECT_TRUE(std::equal(lastHourTiered.begin(), lastHourTiered.end(), lastHourFull.begin()));
    const auto chartFull = decimateM4(full.range(hourAgo, to), hourAgo, to, 1200);
    const auto chartTiered = decimateM4(tiered.range(hourAgo, to), hourAgo, to, 1200);
    ASSERT_EQ(chartTiered.size(), chartFull.size());
    EXPECT_TRUE(std::equal(chartTiered.begin(), chartTiered.end(), chartFull.begin()));
}

TEST(PriceHistoryResolution, BackToFullResolutionKeepsWhatIsThere)
{
    PriceHistory history;
    history.setFullResolutionWindow(0); // even the minute before the current one compacts
    feedRandomWalk({&history}, 2 * hourMs, 300, 4);
    const auto before = all(history.range(0, std::numeric_limits<qint64>::max()));
    const std::size_t summaries = history.summarySize();
    ASSERT_GT(summaries, 0u);
    history.setFullResolutionWindow(PriceHistory::windowMs);
    const auto after = all(history.range(0, std::numeric_limits<qint64>::max()));
    ASSERT_EQ(after.size(), before.size());
    EXPECT_TRUE(std::equal(after.begin(), after.end(), before.begin()));
    // From now on every tick stays, and the summaries stay summaries.
    const qint64 next = history.newest().timeMs + 1;
    for (int i = 0; i < 7200; ++i)
        history.append(next + i * 1000, 1.0 + i);
    EXPECT_EQ(history.size(), before.size() + 7200);
    EXPECT_EQ(history.summarySize(), summaries);
}

TEST(PriceHistoryResolution, AShorterWindowCompactsAtOnceAndGivesMemoryBack)
{
    PriceHistory full, tiered;
    tiered.setFullResolutionWindow(hourMs);
    feedRandomWalk({&full, &tiered}, 3 * hourMs, 40, 5); // ~50 ticks/s
    const std::size_t allocatedWhenFull = full.allocatedPoints();
    full.setFullResolutionWindow(hourMs); // the shown market goes back to the watchlist
    const auto switched = all(full.range(0, std::numeric_limits<qint64>::max()));
    const auto grown = all(tiered.range(0, std::numeric_limits<qint64>::max()));
    ASSERT_EQ(switched.size(), grown.size()); // as if it had been tiered all along
    EXPECT_TRUE(std::equal(switched.begin(), switched.end(), grown.begin()));
    EXPECT_LT(full.allocatedPoints(), allocatedWhenFull / 2);
    EXPECT_LE(full.allocatedPoints(), 2 * full.size() + 1024);
    EXPECT_EQ(full.allocatedBytes(), full.allocatedPoints() * sizeof(PricePoint) + sizeof(full));
}

TEST(PriceHistoryResolution, CompactedMinutesLeaveTheDayWindowToo)
{
    PriceHistory history;
    history.setFullResolutionWindow(hourMs);
    feedRandomWalk({&history}, 30 * hourMs, 20'000, 6);
    const qint64 newest = history.newest().timeMs;
    EXPECT_GE(history.at(0).timeMs, newest - PriceHistory::windowMs);
    EXPECT_LT(history.at(0).timeMs, newest - PriceHistory::windowMs + minuteMs);
    // At most four points for each minute older than the last hour.
    EXPECT_LE(history.summarySize(), std::size_t(4 * (24 * 60 - 60 + 1)));
    EXPECT_TRUE(inTimeOrder(all(history.range(0, std::numeric_limits<qint64>::max()))));
}

TEST(PriceHistoryResolution, TheCapHoldsWithSummaries)
{
    PriceHistory history(1000);
    history.setFullResolutionWindow(60'000);
    for (int i = 0; i < 200'000; ++i) // 20 ticks/s for 10,000 s
        history.append(minuteT0 + i * 50, double(i % 977));
    EXPECT_EQ(history.size(), 1000u);
    EXPECT_LE(history.allocatedPoints(), 2000u);
    EXPECT_EQ(history.newest().price, double(199'999 % 977));
    EXPECT_TRUE(inTimeOrder(all(history.range(0, std::numeric_limits<qint64>::max()))));
}

TEST(PriceHistoryResolution, CandlesFillGapsBesideCompactedMinutes)
{
    PriceHistory history;
    history.setFullResolutionWindow(hourMs);
    // Ticks every 5 s for minutes 0..9 and 30..179, none for 10..29 nor for 170..174 (a gap in
    // the last hour): now is minute 180.
    for (int m = 0; m < 180; ++m) {
        if ((m >= 10 && m < 30) || (m >= 170 && m < 175))
            continue;
        for (int s = 0; s < 60; s += 5)
            history.append(minuteT0 + m * minuteMs + s * 1000, 1000.0 + m + s);
    }
    const std::size_t summaries = history.summarySize();
    const auto before = all(history.range(0, std::numeric_limits<qint64>::max()));
    std::vector<Candle> candles;
    for (int m = 0; m < 180; ++m)
        candles.push_back({minuteT0 + m * minuteMs, 1.0 * m, 2.0 * m + 1, 0.5 * m, 1.5 * m});
    const qint64 now = minuteT0 + 180 * minuteMs;
    EXPECT_EQ(history.mergeCandles(candles, now), (20u + 5u) * 4);
    const auto points = all(history.range(0, std::numeric_limits<qint64>::max()));
    ASSERT_EQ(points.size(), before.size() + 100);
    EXPECT_TRUE(inTimeOrder(points));
    // The old gap's candles joined the summaries; the last hour's gap holds its candles' four.
    EXPECT_EQ(history.summarySize(), summaries + 20 * 4);
    const auto minute = [&](int m) {
        return all(history.range(minuteT0 + m * minuteMs, minuteT0 + (m + 1) * minuteMs - 1));
    };
    const auto old = minute(15);
    ASSERT_EQ(old.size(), 4u);
    EXPECT_EQ(old[0].price, 15.0);
    EXPECT_EQ(old[1].price, 7.5);
    EXPECT_EQ(old[2].price, 31.0);
    EXPECT_EQ(old[3].price, 22.5);
    EXPECT_EQ(minute(172).size(), 4u);
    // What was there is untouched.
    for (const PricePoint &p : before)
        EXPECT_TRUE(std::find(points.begin(), points.end(), p) != points.end()) << p.timeMs;
    // The same candles again add nothing; appending and compacting go on.
    EXPECT_EQ(history.mergeCandles(candles, now), 0u);
    history.append(now + 2 * hourMs, 5);
    EXPECT_EQ(history.newest().price, 5.0);
    EXPECT_EQ(history.size(), history.summarySize() + 1); // all else is older than an hour
    EXPECT_TRUE(inTimeOrder(all(history.range(0, std::numeric_limits<qint64>::max()))));
}
