#include "bithumbticker/wakewatcher.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace ticker;

TEST(WakeWatcher, ClockJumpRule)
{
    EXPECT_FALSE(WakeWatcher::isClockJump(5000, 5000, 15000));
    EXPECT_FALSE(WakeWatcher::isClockJump(5100, 5000, 15000));     // ordinary drift
    EXPECT_TRUE(WakeWatcher::isClockJump(3'600'000, 5000, 15000)); // an hour asleep
    EXPECT_TRUE(WakeWatcher::isClockJump(-60'000, 5000, 15000));   // clock set back
}

TEST(WakeWatcher, SignalsAResumeOnlyWhenTheWallClockJumps)
{
    qint64 wall = 1'000'000, monotonic = 0;
    WakeWatcher watcher(1'000'000, 15'000, {[&] { return wall; }, [&] { return monotonic; }});
    QSignalSpy resumed(&watcher, &WakeWatcher::resumeSuggested);
    watcher.start();
    wall += 5000;
    monotonic += 5000;
    watcher.check();
    EXPECT_EQ(resumed.size(), 0);
    wall += 8 * 3'600'000; // a night in suspend: the monotonic clock stood still
    monotonic += 5000;
    watcher.check();
    ASSERT_EQ(resumed.size(), 1);
    EXPECT_EQ(resumed.first().at(0).value<LinkDetail>().why, LinkDetail::Why::Woke);
    wall += 5000;
    monotonic += 5000;
    watcher.check();
    EXPECT_EQ(resumed.size(), 1);
}
