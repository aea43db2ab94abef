#include "bithumbticker/marketrhythm.h"

#include <gtest/gtest.h>

using namespace ticker;

TEST(MarketRhythm, NothingIsStaleBeforeTheFirstTick)
{
    MarketRhythm rhythm;
    EXPECT_FALSE(rhythm.hasTicked());
    EXPECT_FALSE(rhythm.isStale(1'000'000'000));
}

TEST(MarketRhythm, ABusyMarketIsStaleAfterTheMinimum)
{
    MarketRhythm rhythm;
    for (qint64 t = 1000; t <= 60'000; t += 500)
        rhythm.record(t);
    EXPECT_NEAR(rhythm.usualGapMs(), 500, 1);
    EXPECT_FALSE(rhythm.isStale(60'000 + 59'000));
    EXPECT_TRUE(rhythm.isStale(60'000 + 61'000));
}

TEST(MarketRhythm, AQuietMarketGetsTenOfItsGaps)
{
    MarketRhythm rhythm;
    for (qint64 t = 30'000; t <= 600'000; t += 30'000)
        rhythm.record(t); // a tick every 30 s
    EXPECT_EQ(rhythm.staleAfterMs(), 300'000);
    EXPECT_FALSE(rhythm.isStale(600'000 + 200'000));
    EXPECT_TRUE(rhythm.isStale(600'000 + 301'000));
}

TEST(MarketRhythm, IgnoresTimeGoingBackwards)
{
    MarketRhythm rhythm;
    rhythm.record(10'000);
    rhythm.record(5'000);
    EXPECT_EQ(rhythm.lastMs(), 10'000);
    EXPECT_EQ(rhythm.usualGapMs(), 0);
}

TEST(MarketRhythm, ASnapshotTeachesNoGap)
{
    // A quiet market's snapshot is its last trade, three hours ago; then it trades every 2 s.
    MarketRhythm rhythm;
    rhythm.record(1'000, false);
    EXPECT_EQ(rhythm.lastMs(), 1'000);
    rhythm.record(3 * 3'600'000, true); // the first live trade: the gap before it is unknown
    EXPECT_EQ(rhythm.usualGapMs(), 0);
    rhythm.record(3 * 3'600'000 + 2'000, true);
    EXPECT_EQ(rhythm.usualGapMs(), 2'000);
    // So a silence is judged by the live pace, not by a three-hour gap learned from a snapshot.
    EXPECT_TRUE(rhythm.isStale(3 * 3'600'000 + 2'000 + 61'000));
}
