#include "bithumbticker/clockoffset.h"

#include <gtest/gtest.h>

using namespace ticker;

TEST(ClockOffset, AgreeingClocksWithAJitteryTripAreNotSkewed)
{
    ClockOffset clock(5'000);
    for (const qint64 offset : {30, 4'000, 250, 6'000, 90}) // a backlog now and then
        EXPECT_FALSE(clock.sample(offset));
    EXPECT_FALSE(clock.isSkewed());
    EXPECT_EQ(clock.offsetMs(), 30); // the smallest: the trip only adds
}

TEST(ClockOffset, AClockAnHourOffIsSkewedOnceAndStaysSo)
{
    ClockOffset clock(5'000);
    EXPECT_FALSE(clock.sample(3'600'040));
    EXPECT_FALSE(clock.sample(3'600'120)); // too few to judge
    EXPECT_TRUE(clock.sample(3'600'010));  // the judgement changes: said once
    EXPECT_TRUE(clock.isSkewed());
    EXPECT_EQ(clock.offsetMs(), 3'600'010);
    for (int i = 0; i < 20; ++i)
        EXPECT_FALSE(clock.sample(3'600'000 + i)); // no change, nothing more to say
    EXPECT_TRUE(clock.isSkewed());
}

TEST(ClockOffset, ALocalClockBehindIsSkewedToo)
{
    ClockOffset clock(5'000);
    for (const qint64 offset : {-60'000, -59'900, -59'950})
        clock.sample(offset);
    EXPECT_TRUE(clock.isSkewed());
    EXPECT_EQ(clock.offsetMs(), -60'000);
}

TEST(ClockOffset, NearTheLimitItDoesNotFlap)
{
    ClockOffset clock(5'000);
    for (int i = 0; i < ClockOffset::window; ++i)
        clock.sample(5'100);
    ASSERT_TRUE(clock.isSkewed());
    // Back under the limit but over half of it: still skewed, nothing said.
    for (int i = 0; i < ClockOffset::window; ++i)
        EXPECT_FALSE(clock.sample(4'900));
    EXPECT_TRUE(clock.isSkewed());
    // Corrected (NTP caught up): agree again, said once.
    int changes = 0;
    for (int i = 0; i < ClockOffset::window; ++i)
        changes += clock.sample(40) ? 1 : 0;
    EXPECT_EQ(changes, 1);
    EXPECT_FALSE(clock.isSkewed());
}
