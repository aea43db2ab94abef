#include "bithumbticker/pricehistory.h"

#include <gtest/gtest.h>

#include <QRandomGenerator>

#include <algorithm>
#include <limits>

using namespace ticker;

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

constexpr qint64 minuteMs = 60'000;
constexpr qint64 t0 = 1'795'430'460'000; // a minute boundary

Candle flatCandle(qint64 start, double price)
{
    return {start, price, price, price, price};
}

} // namespace

TEST(PriceHistoryBackfill, CandlesBecomeOpenLowHighCloseInsideTheirMinute)
{
    PriceHistory history;
    const Candle rising {t0, 100, 130, 90, 120};
    const Candle falling {t0 + minuteMs, 120, 125, 80, 85};
    const Candle candles[] = {rising, falling};
    EXPECT_EQ(history.mergeCandles(candles, t0 + 10 * minuteMs), 8u);
    const auto points = all(history.range(0, std::numeric_limits<qint64>::max()));
    const std::vector<double> prices {100, 90, 130, 120, 120, 125, 80, 85};
    ASSERT_EQ(points.size(), prices.size());
    for (std::size_t i = 0; i < prices.size(); ++i) {
        EXPECT_EQ(points[i].price, prices[i]) << i;
        EXPECT_GE(points[i].timeMs, t0 + qint64(i / 4) * minuteMs);
        EXPECT_LT(points[i].timeMs, t0 + qint64(i / 4 + 1) * minuteMs);
    }
}

TEST(PriceHistoryBackfill, LiveTicksWinAndNothingIsDoubled)
{
    PriceHistory history;
    // Live ticks from 10:05:30 on; candles for 10:00..10:06; now is 10:06:20.
    for (int i = 0; i < 10; ++i)
        history.append(t0 + 5 * minuteMs + 30'000 + i * 5'000, 500 + i);
    std::vector<Candle> candles;
    for (int m = 0; m <= 6; ++m)
        candles.push_back({t0 + m * minuteMs, 100.0 + m, 110.0 + m, 90.0 + m, 105.0 + m});
    const qint64 now = t0 + 6 * minuteMs + 20'000;
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
    history.append(t0 + 10'000, 1);                // minute 0
    history.append(t0 + 5 * minuteMs + 10'000, 2); // minute 5, after a gap
    std::vector<Candle> candles;
    for (int m = 0; m < 6; ++m)
        candles.push_back(flatCandle(t0 + m * minuteMs, 50.0 + m));
    // Minutes 1..4 are filled, four points each; 0 and 5 are live.
    EXPECT_EQ(history.mergeCandles(candles, t0 + 10 * minuteMs), 16u);
    const auto points = all(history.range(0, std::numeric_limits<qint64>::max()));
    ASSERT_EQ(points.size(), 18u);
    EXPECT_EQ(points[0].price, 1.0);
    EXPECT_EQ(points[1].price, 51.0);
    EXPECT_EQ(points[1].timeMs, t0 + minuteMs);
    EXPECT_EQ(points[16].price, 54.0);
    EXPECT_EQ(points[17].price, 2.0);
}

TEST(PriceHistoryBackfill, KeepsTheDayWindowAndTheCap)
{
    PriceHistory history(100);
    std::vector<Candle> candles;
    const qint64 now = t0 + 2 * PriceHistory::windowMs;
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
