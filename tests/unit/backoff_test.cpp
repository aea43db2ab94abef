#include "bithumbticker/backoff.h"

#include <gtest/gtest.h>

using namespace ticker;

TEST(Backoff, DelaysGrowExponentiallyWithinFloorAndCap)
{
    Backoff backoff({1000, 30000, 250}, 7);
    const int ceilings[] = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (const int ceiling : ceilings) {
        EXPECT_EQ(backoff.ceilingMs(), ceiling);
        const int delay = backoff.nextDelayMs();
        EXPECT_GE(delay, 250);
        EXPECT_LE(delay, ceiling);
    }
    EXPECT_EQ(backoff.failures(), 8);
}

TEST(Backoff, FullJitterSpreadsOverTheWholeRange)
{
    Backoff backoff({1000, 1000, 0}, 11);
    int low = 0, high = 0;
    double sum = 0;
    for (int i = 0; i < 10000; ++i) {
        const int delay = backoff.nextDelayMs();
        low += delay < 100;
        high += delay > 900;
        sum += delay;
    }
    EXPECT_GT(low, 500); // about 10 % each, were the draw uniform
    EXPECT_GT(high, 500);
    EXPECT_NEAR(sum / 10000, 500, 30);
}

TEST(Backoff, TightFailureLoopNeverDialsMoreThanFourTimesASecond)
{
    Backoff backoff({1000, 30000, 250}, 3);
    qint64 elapsed = 0;
    int dials = 0;
    while (elapsed < 60'000) {
        elapsed += backoff.nextDelayMs();
        ++dials;
        backoff.reset(); // even if every link "recovered" at once
    }
    EXPECT_LE(dials, 60 * 4);
}

TEST(Backoff, ResetStartsOver)
{
    Backoff backoff;
    for (int i = 0; i < 6; ++i)
        backoff.nextDelayMs();
    EXPECT_EQ(backoff.ceilingMs(), 30000);
    backoff.reset();
    EXPECT_EQ(backoff.failures(), 0);
    EXPECT_EQ(backoff.ceilingMs(), 1000);
}

TEST(Backoff, SurvivesAThousandFailuresWithoutOverflow)
{
    Backoff backoff({1, 5000, 1}, 5);
    for (int i = 0; i < 1000; ++i)
        EXPECT_LE(backoff.nextDelayMs(), 5000);
}

TEST(Backoff, QuickRetryIsTheFloorAndStillCounts)
{
    Backoff backoff({1000, 30000, 250}, 1);
    EXPECT_EQ(backoff.quickRetryMs(), 250);
    EXPECT_EQ(backoff.failures(), 1);
    EXPECT_EQ(backoff.ceilingMs(), 2000); // the next failure backs off
}
