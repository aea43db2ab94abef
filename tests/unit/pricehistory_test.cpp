#include "bithumbticker/pricehistory.h"

#include <gtest/gtest.h>

#include <QRandomGenerator>

#include <algorithm>

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
