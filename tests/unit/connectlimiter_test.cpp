#include "bithumbticker/connectlimiter.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

const QString here = u"127.0.0.1"_s;
constexpr qint64 limiterT0 = 1'000'000;

// Requests at these times; how many were admitted.
int admitted(ConnectLimiter &limiter, std::initializer_list<qint64> times)
{
    int count = 0;
    for (const qint64 time : times)
        count += limiter.admit(here, time) ? 1 : 0;
    return count;
}

} // namespace

TEST(ConnectLimiter, TenASecondPassTheEleventhIsRefused)
{
    ConnectLimiter limiter;
    for (int i = 0; i < 10; ++i)
        EXPECT_TRUE(limiter.admit(here, limiterT0 + i * 10)) << i;
    EXPECT_FALSE(limiter.admit(here, limiterT0 + 100));
    EXPECT_FALSE(limiter.isBanned(here, limiterT0 + 100));      // one burst is no ban
    EXPECT_TRUE(limiter.admit(u"10.0.0.2"_s, limiterT0 + 100)); // per address
    // A second after the burst the window is clear again.
    EXPECT_TRUE(limiter.admit(here, limiterT0 + 1101));
}

TEST(ConnectLimiter, StayingOverTheLimitForASecondBansAndDialsProlongTheBan)
{
    ConnectLimiter limiter;
    limiter.setBanMs(600'000);
    // 20 a second: the 11th is refused at limiterT0 + 500, and a second of that is a ban.
    qint64 t = limiterT0;
    for (; t < limiterT0 + 1600; t += 50)
        limiter.admit(here, t);
    EXPECT_TRUE(limiter.isBanned(here, t));
    EXPECT_FALSE(limiter.admit(here, t + 5000)); // the rate is fine, the ban is not over
    // That dial moved the ban's end to 10 minutes after it.
    EXPECT_FALSE(limiter.admit(here, t + 5000 + 599'000));
    EXPECT_TRUE(limiter.isBanned(here, t + 5000 + 599'000 + 599'999));
    EXPECT_TRUE(limiter.admit(here, t + 5000 + 599'000 + 600'000));
}

TEST(ConnectLimiter, ABurstThatStopsIsForgiven)
{
    ConnectLimiter limiter;
    EXPECT_EQ(admitted(limiter,
                  {limiterT0, limiterT0, limiterT0, limiterT0, limiterT0, limiterT0, limiterT0,
                      limiterT0, limiterT0, limiterT0, limiterT0, limiterT0}),
        10);
    // Back under the limit before a second of excess: no ban.
    EXPECT_EQ(admitted(limiter, {limiterT0 + 1000, limiterT0 + 1500, limiterT0 + 2100}), 3);
    EXPECT_FALSE(limiter.isBanned(here, limiterT0 + 2100));
}

TEST(ConnectLimiter, LimitCanBeRaisedForATestThatMustRedialFast)
{
    ConnectLimiter limiter;
    limiter.setLimit(1000);
    int count = 0;
    for (int i = 0; i < 500; ++i)
        count += limiter.admit(here, limiterT0 + i) ? 1 : 0;
    EXPECT_EQ(count, 500);
}
