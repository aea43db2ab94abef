#include "chartaxes.h"

#include <gtest/gtest.h>

using namespace ticker;

TEST(ChartAxes, PriceStepsAreRoundAndFitTheRoom)
{
    EXPECT_DOUBLE_EQ(priceStep(1000, 4), 250);
    EXPECT_DOUBLE_EQ(priceStep(1000, 10), 100);
    EXPECT_DOUBLE_EQ(priceStep(130'150'000 - 130'051'000, 4), 25'000);
    EXPECT_DOUBLE_EQ(priceStep(0.0007, 3), 0.00025);
    EXPECT_DOUBLE_EQ(priceStep(0, 4), 1); // a flat line still gets a step
    for (const double range : {0.013, 7.0, 99.0, 12345.0, 8.1e7}) {
        const double step = priceStep(range, 5);
        EXPECT_LE(range / step, 5.0 + 1e-9) << range;
        EXPECT_GT(range / step, 5.0 / 2.5 - 1e-9) << range; // not needlessly coarse
    }
}

TEST(ChartAxes, PriceTicksAreTheMultiplesInsideTheRange)
{
    const auto ticks = priceTicks(130'051'000, 130'150'000, 25'000);
    ASSERT_EQ(ticks.size(), 4u);
    EXPECT_DOUBLE_EQ(ticks.front(), 130'075'000);
    EXPECT_DOUBLE_EQ(ticks.back(), 130'150'000);
    EXPECT_TRUE(priceTicks(1, 0, 1).empty());
}

TEST(ChartAxes, DecimalsShowTheStepExactly)
{
    EXPECT_EQ(stepDecimals(1000), 0);
    EXPECT_EQ(stepDecimals(2.5), 1);
    EXPECT_EQ(stepDecimals(0.002), 3);
    EXPECT_EQ(stepDecimals(0.00025), 5);
}

TEST(ChartAxes, TimeStepsAreClockRound)
{
    EXPECT_EQ(timeStepMs(5 * 60'000, 5), 60'000);       // 5 min: a label a minute
    EXPECT_EQ(timeStepMs(60 * 60'000, 5), 15 * 60'000); // 1 h: every 15 min
    EXPECT_EQ(timeStepMs(24 * 3'600'000, 5), 6 * 3'600'000);
    EXPECT_EQ(timeStepMs(24 * 3'600'000, 12), 2 * 3'600'000);
    EXPECT_EQ(timeStepMs(20'000, 4), 5'000);
}

TEST(ChartAxes, TimeTicksFallOnTheLocalClock)
{
    constexpr qint64 hour = 3'600'000;
    constexpr qint64 kst = 9 * hour;
    const qint64 from = 1'795'430'460'000; // 10:41 UTC, 19:41 in Seoul
    const auto ticks = timeTicks(from, from + 3 * hour, hour, kst);
    ASSERT_EQ(ticks.size(), 3u);
    EXPECT_EQ((ticks[0] + kst) % hour, 0); // 20:00, 21:00, 22:00 Seoul time
    EXPECT_EQ(ticks[0] - from, 19 * 60'000);
    // Half-hour zones land on their own round hours.
    const auto india = timeTicks(from, from + 3 * hour, hour, 5 * hour + hour / 2);
    EXPECT_EQ((india[0] + 5 * hour + hour / 2) % hour, 0);
    EXPECT_TRUE(timeTicks(from, from - 1, hour, 0).empty());
}
