#include "bithumbticker/alertengine.h"
#include "bithumbticker/marketstore.h"
#include "common.h"
#include "ticks.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using test::tickAt;

namespace {

constexpr qint64 minute = 60'000;

// The store and the engine on one injected clock, the link live; every tick is fed through
// the store, as in the app.
class AlertEngineTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store.setClock([this] { return now; });
        store.setLinkState(FeedClient::State::Live, {}, 0);
        engine.setClock([this] { return now; });
        QObject::connect(&engine, &AlertEngine::fired, &engine,
            [this](const AlertSpec &alert, const Tick &tick) {
                fired.append(alert.text + u'@' + tick.priceText);
            });
    }

    void add(const QString &text) { engine.add(std::get<AlertSpec>(AlertSpec::parse(text))); }
    // A live trade at the clock's time.
    void trade(const char *market, const char *price)
    {
        store.applyTicks({tickAt(market, price, now)});
    }
    QStringList takeFired() { return std::exchange(fired, {}); }

    qint64 now = t0;
    MarketStore store;
    AlertEngine engine {&store};
    QStringList fired;
};

Tick snapshotAt(const char *market, const char *price, qint64 tradeMs, qint64 receivedMs)
{
    Tick tick = tickAt(market, price, tradeMs);
    tick.snapshot = true;
    tick.receivedMs = receivedMs;
    tick.serverTimeMs = receivedMs;
    return tick;
}

} // namespace

TEST_F(AlertEngineTest, AboveFiresOnceAtOrAboveItsPrice)
{
    add(u"BTC_KRW>135000000"_s);
    trade("BTC_KRW", "134999999");
    EXPECT_TRUE(takeFired().isEmpty());
    now += 1000;
    trade("BTC_KRW", "135000000"); // at counts
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>135000000@135000000"_s});
    EXPECT_FALSE(engine.isArmed(0));
    for (const char *price : {"136000000", "135000000", "134900000"}) {
        now += 1000;
        trade("BTC_KRW", price);
    }
    EXPECT_TRUE(takeFired().isEmpty()); // once, until it re-arms
}

TEST_F(AlertEngineTest, BelowFiresOnceAtOrBelowItsPriceAndOnlyForItsMarket)
{
    add(u"KRW-BTC<120000000"_s);
    trade("BTC_KRW", "121000000");
    trade("ETH_KRW", "1000"); // another market's price is no crossing
    EXPECT_TRUE(takeFired().isEmpty());
    now += 1000;
    trade("BTC_KRW", "120000000");
    EXPECT_EQ(takeFired(), QStringList {u"KRW-BTC<120000000@120000000"_s});
    now += 1000;
    trade("BTC_KRW", "119000000");
    EXPECT_TRUE(takeFired().isEmpty());
}

TEST_F(AlertEngineTest, TheFirstPriceSeenBeyondFires)
{
    add(u"BTC_KRW>100"_s);
    trade("BTC_KRW", "150");
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>100@150"_s});
}

TEST_F(AlertEngineTest, ItReArmsOnlyOnceThePriceIsBackPastTheHysteresisBand)
{
    add(u"BTC_KRW>100000"_s); // band: 0.5 % of 100000 = 500
    EXPECT_EQ(engine.hysteresis(), 0.005);
    trade("BTC_KRW", "100000");
    ASSERT_EQ(takeFired().size(), 1);
    now += 1000;
    trade("BTC_KRW", "99600"); // back below, but inside the band
    EXPECT_FALSE(engine.isArmed(0));
    now += 1000;
    trade("BTC_KRW", "100100");
    EXPECT_TRUE(takeFired().isEmpty()); // a jitter around the price is not a new crossing
    now += 1000;
    trade("BTC_KRW", "99400"); // past the band
    EXPECT_TRUE(engine.isArmed(0));
    EXPECT_TRUE(takeFired().isEmpty()); // re-arming is not firing
    now += 1000;
    trade("BTC_KRW", "100000");
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>100000@100000"_s});
}

TEST_F(AlertEngineTest, BelowReArmsAboveItsBandAndTheBandIsASetting)
{
    engine.setHysteresis(0.02); // 2 % of 1000 = 20
    add(u"ETH_KRW<1000"_s);
    trade("ETH_KRW", "990");
    ASSERT_EQ(takeFired().size(), 1);
    now += 1000;
    trade("ETH_KRW", "1015"); // past 0.5 %, not past 2 %
    EXPECT_FALSE(engine.isArmed(0));
    now += 1000;
    trade("ETH_KRW", "1021");
    EXPECT_TRUE(engine.isArmed(0));
    now += 1000;
    trade("ETH_KRW", "1000");
    EXPECT_EQ(takeFired(), QStringList {u"ETH_KRW<1000@1000"_s});
}

TEST_F(AlertEngineTest, AfterTheSnoozeItFiresAgainOnlyIfStillBeyond)
{
    add(u"BTC_KRW>100"_s);
    EXPECT_EQ(engine.snoozeMs(), 10 * minute);
    trade("BTC_KRW", "101");
    ASSERT_EQ(takeFired().size(), 1);
    now = t0 + 10 * minute - 1;
    trade("BTC_KRW", "102");
    EXPECT_TRUE(takeFired().isEmpty()); // still snoozed
    now = t0 + 10 * minute;
    trade("BTC_KRW", "102");
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>100@102"_s}); // snooze over, still above
    // Over again, but the price is back below (inside the band): re-armed, nothing fires
    // until it is above again.
    now = t0 + 20 * minute;
    trade("BTC_KRW", "99.9");
    EXPECT_TRUE(takeFired().isEmpty());
    EXPECT_TRUE(engine.isArmed(0));
    now += 1000;
    trade("BTC_KRW", "100");
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>100@100"_s});
}

TEST_F(AlertEngineTest, TheSnoozeIsASettingOnTheInjectedClock)
{
    engine.setSnoozeMs(30'000);
    add(u"BTC_KRW<50"_s);
    trade("BTC_KRW", "40");
    ASSERT_EQ(takeFired().size(), 1);
    now += 29'999;
    trade("BTC_KRW", "40");
    EXPECT_TRUE(takeFired().isEmpty());
    now += 1;
    trade("BTC_KRW", "40");
    EXPECT_EQ(takeFired().size(), 1);
}

TEST_F(AlertEngineTest, AMoveWithinItsWindowFiresEitherWay)
{
    add(u"BTC_KRW%5/10m"_s);
    trade("BTC_KRW", "100");
    now += 5 * minute;
    trade("BTC_KRW", "103");
    EXPECT_TRUE(takeFired().isEmpty());
    now += 4 * minute;
    trade("BTC_KRW", "105"); // exactly 5 % above the window's low
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW%5/10m@105"_s});

    add(u"ETH_KRW%5/10m"_s);
    trade("ETH_KRW", "200");
    now += minute;
    trade("ETH_KRW", "191");
    EXPECT_TRUE(takeFired().isEmpty());
    now += minute;
    trade("ETH_KRW", "190"); // 5 % below the window's high
    EXPECT_EQ(takeFired(), QStringList {u"ETH_KRW%5/10m@190"_s});
}

TEST_F(AlertEngineTest, AMoveSpreadOverLongerThanTheWindowDoesNotFire)
{
    add(u"BTC_KRW%5/10m"_s);
    trade("BTC_KRW", "100");
    now += 6 * minute;
    trade("BTC_KRW", "103");
    now += 5 * minute - 1; // 100 was 11 min ago, 103 only 5: within 10 min it rose 1.9 %
    trade("BTC_KRW", "105");
    EXPECT_TRUE(takeFired().isEmpty());
    // The window's edge is in it: 10 minutes exactly after 100 still counts.
    add(u"ETH_KRW%5/10m"_s);
    trade("ETH_KRW", "100");
    now += 10 * minute;
    trade("ETH_KRW", "105");
    EXPECT_EQ(takeFired(), QStringList {u"ETH_KRW%5/10m@105"_s});
}

TEST_F(AlertEngineTest, ASignedMoveWatchesOneWayOnly)
{
    add(u"BTC_KRW%+5/10m"_s);
    add(u"BTC_KRW%-5/10m"_s);
    trade("BTC_KRW", "100");
    now += minute;
    trade("BTC_KRW", "94");
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW%-5/10m@94"_s});
    now += minute;
    trade("BTC_KRW", "99");
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW%+5/10m@99"_s}); // 5.3 % above the low, 94
}

TEST_F(AlertEngineTest, AMoveReArmsOnceItHasLeftTheWindow)
{
    engine.setSnoozeMs(3600'000); // so only the window can re-arm it
    add(u"BTC_KRW%5/10m"_s);
    trade("BTC_KRW", "100");
    now += minute;
    trade("BTC_KRW", "106");
    ASSERT_EQ(takeFired().size(), 1);
    now += 5 * minute;
    trade("BTC_KRW", "106"); // still 6 % above the window's low
    EXPECT_FALSE(engine.isArmed(0));
    now += 5 * minute; // 100 has left the window: no move
    trade("BTC_KRW", "106");
    EXPECT_TRUE(engine.isArmed(0));
    EXPECT_TRUE(takeFired().isEmpty());
}

TEST_F(AlertEngineTest, AStaleSnapshotNeverFires)
{
    add(u"BTC_KRW>100"_s);
    // A quiet market's snapshot: its last trade two hours ago, far beyond any rhythm.
    store.applyTicks({snapshotAt("BTC_KRW", "150", now - 2 * 3600'000, now)});
    EXPECT_TRUE(takeFired().isEmpty());
    EXPECT_EQ(engine.staleSkipped(), 1u);
    EXPECT_TRUE(engine.isArmed(0));
    // A snapshot of a trade a few seconds old is a fresh price.
    now += 1000;
    store.applyTicks({snapshotAt("BTC_KRW", "150", now - 5000, now)});
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>100@150"_s});
}

TEST_F(AlertEngineTest, StaleIsJudgedByTheMarketsRhythm)
{
    add(u"BTC_KRW>100"_s);
    // A market that trades every 20 s may be silent 200 s (ten gaps) before it is stale.
    for (int i = 0; i < 40; ++i) {
        trade("BTC_KRW", "90");
        now += 20'000;
    }
    ASSERT_NEAR(store.find(*MarketId::fromV1("BTC_KRW"))->rhythm.staleAfterMs(), 200'000, 1);
    const qint64 lastTrade = now - 20'000;
    now = lastTrade + 250'000;
    store.applyTicks({snapshotAt("BTC_KRW", "150", lastTrade + 30'000, now)}); // 220 s old
    EXPECT_TRUE(takeFired().isEmpty());
    // 180 s old: stale for a market of the 60 s minimum, not for this one.
    store.applyTicks({snapshotAt("BTC_KRW", "150", lastTrade + 70'000, now)});
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>100@150"_s});
}

TEST_F(AlertEngineTest, NothingFiresWhileTheLinkIsNotLive)
{
    add(u"BTC_KRW>100"_s);
    store.setLinkState(FeedClient::State::Redialing, {LinkDetail::Why::NoAnswer}, 1000);
    trade("BTC_KRW", "150");
    EXPECT_TRUE(takeFired().isEmpty());
    store.setLinkState(FeedClient::State::Live, {}, 0);
    now += 1000;
    trade("BTC_KRW", "150");
    EXPECT_EQ(takeFired().size(), 1);
}

TEST_F(AlertEngineTest, AStalePriceDoesNotReArm)
{
    add(u"BTC_KRW>100"_s);
    trade("BTC_KRW", "150");
    ASSERT_EQ(takeFired().size(), 1);
    // After the snooze, a snapshot of a trade an hour old (but after the last one seen).
    const qint64 firedAt = now;
    now += 2 * 3600'000;
    store.applyTicks({snapshotAt("BTC_KRW", "50", firedAt + 3600'000, now)});
    EXPECT_EQ(engine.staleSkipped(), 1u);
    EXPECT_FALSE(engine.isArmed(0));
}

TEST_F(AlertEngineTest, AnOutOfOrderTickNeverFiresNorReArms)
{
    add(u"BTC_KRW>100"_s);
    add(u"ETH_KRW<100"_s);
    store.applyTicks({tickAt("BTC_KRW", "90", now)});
    // Older than the last trade seen, though only by a millisecond and fresh by its age.
    store.applyTicks({tickAt("BTC_KRW", "150", now - 1)});
    EXPECT_TRUE(takeFired().isEmpty());
    EXPECT_EQ(engine.outOfOrderSkipped(), 1u);
    store.applyTicks({tickAt("BTC_KRW", "150", now)}); // the same time is in order
    EXPECT_EQ(takeFired(), QStringList {u"BTC_KRW>100@150"_s});

    store.applyTicks({tickAt("ETH_KRW", "90", now)});
    ASSERT_EQ(takeFired().size(), 1);
    store.applyTicks({tickAt("ETH_KRW", "200", now - 1000)});
    EXPECT_FALSE(engine.isArmed(1));
}

TEST_F(AlertEngineTest, AnOutOfOrderTickStaysOutOfAMovesWindow)
{
    add(u"BTC_KRW%5/10m"_s);
    store.applyTicks({tickAt("BTC_KRW", "100", now)});
    now += minute;
    store.applyTicks({tickAt("BTC_KRW", "90", now - 2 * minute)}); // late: it is not a low
    now += minute;
    store.applyTicks({tickAt("BTC_KRW", "104", now)});
    EXPECT_TRUE(takeFired().isEmpty());
}

TEST_F(AlertEngineTest, AMovesWindowIsBoundedInMemory)
{
    add(u"BTC_KRW%500/1h"_s);
    // A steady climb: every point could still be the low of a later, shorter view.
    for (int i = 0; i < int(AlertEngine::maxWindowPoints) * 3; ++i) {
        now += 10;
        store.applyTicks({tickAt("BTC_KRW", QByteArray::number(1000 + i).constData(), now)});
    }
    EXPECT_LE(engine.windowPoints(0), AlertEngine::maxWindowPoints + 1);
    now += 2 * 3600'000; // the window empties of all but the newest point
    trade("BTC_KRW", "5000");
    EXPECT_EQ(engine.windowPoints(0), 2u);
}

TEST_F(AlertEngineTest, ItSaysWhichMarketsItWatches)
{
    QList<QList<MarketId>> told;
    QObject::connect(&engine, &AlertEngine::marketsChanged, &engine,
        [&](const QList<MarketId> &markets) { told.append(markets); });
    add(u"BTC_KRW>1"_s);
    add(u"KRW-BTC<1"_s); // the same market, spelled the other way
    add(u"ETH_KRW%1/1m"_s);
    const QList<MarketId> both {*MarketId::fromV1("BTC_KRW"), *MarketId::fromV1("ETH_KRW")};
    EXPECT_EQ(engine.markets(), both);
    ASSERT_EQ(told.size(), 2);
    EXPECT_EQ(told.last(), both);
}

TEST_F(AlertEngineTest, ARemovedAlertNoLongerFiresAndItsMarketIsLetGo)
{
    QList<QList<MarketId>> told;
    QObject::connect(&engine, &AlertEngine::marketsChanged, &engine,
        [&](const QList<MarketId> &markets) { told.append(markets); });
    add(u"BTC_KRW>100"_s);
    add(u"ETH_KRW>100"_s);
    add(u"BTC_KRW<50"_s);
    engine.removeAt(0);
    EXPECT_EQ(told.size(), 2); // BTC is still watched by the third
    engine.removeAt(5);        // out of range: nothing
    ASSERT_EQ(engine.count(), 2);
    EXPECT_EQ(engine.alerts().constFirst().text, u"ETH_KRW>100"_s);
    trade("BTC_KRW", "200");
    trade("ETH_KRW", "200");
    EXPECT_EQ(takeFired(), QStringList {u"ETH_KRW>100@200"_s});
    engine.removeAt(1);
    ASSERT_EQ(told.size(), 3);
    EXPECT_EQ(told.last(), QList<MarketId> {*MarketId::fromV1("ETH_KRW")});
}

TEST_F(AlertEngineTest, AnAlertAddedAgainStillKnowsItsMarketsOrder)
{
    add(u"BTC_KRW>100"_s);
    trade("BTC_KRW", "50");
    engine.removeAt(0);
    add(u"BTC_KRW>100"_s);
    // Traded before the last tick seen: out of order, even though the alert is new.
    store.applyTicks({tickAt("BTC_KRW", "200", now - 1000)});
    EXPECT_TRUE(takeFired().isEmpty());
    EXPECT_EQ(engine.outOfOrderSkipped(), 1u);
}
