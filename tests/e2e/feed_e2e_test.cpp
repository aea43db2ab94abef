// FeedClient on its worker thread against the loopback FakeExchange, on both APIs.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/tickerfeed.h"
#include "common.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

MarketId market(const char *name)
{
    return *MarketId::fromUser(QString::fromLatin1(name));
}

class FeedE2E : public ::testing::TestWithParam<ApiVersion>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listen());
        exchange.setStreamInterval(0); // only scripted ticks
    }

    std::unique_ptr<TickerFeed> startFeed(QList<MarketId> markets)
    {
        FeedConfig config;
        config.api = GetParam();
        config.url = exchange.url(GetParam());
        config.markets = std::move(markets);
        config.backoff = {20, 200, 5};
        config.heartbeatMs = 5000; // none of these is about heartbeats: a loaded machine is no loss
        config.connectTimeoutMs = 500;
        config.handoffSpacingMs = spacingMs;
        config.sideHandoffMs = sideMs;
        auto feed = std::make_unique<TickerFeed>(config);
        connect(*feed);
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        feed->start();
        EXPECT_TRUE(subscribed.wait(timeoutMs));
        skipSnapshots(feed->config().markets.size());
        return feed;
    }

    void connect(TickerFeed &feed)
    {
        QObject::connect(&feed, &TickerFeed::ticksReceived, &feed, [this](const TickBatch &batch) {
            ++batches;
            ticks.append(batch);
        });
    }

    // API 2.0 answers every subscription with one snapshot tick per market.
    void skipSnapshots(qsizetype markets)
    {
        if (GetParam() == ApiVersion::V2) {
            EXPECT_TRUE(waitForTicks(markets));
            skipped += ticks.size();
            ticks.clear();
            batches = 0;
        }
    }

    bool waitForTicks(qsizetype count, int timeout = timeoutMs)
    {
        return QTest::qWaitFor([&] { return ticks.size() >= count; }, timeout);
    }

    // A trade in a socket read of its own: the server status sent after it is handed over at
    // once, so when it arrives the feed has read the trade (and, unheld, handed it over).
    bool publishInOwnRead(TickerFeed *feed, const QString &price, const char *symbol = "BTC_KRW")
    {
        QSignalSpy messages(feed, &TickerFeed::serverMessage);
        exchange.publish(market(symbol), price);
        const bool binary = GetParam() == ApiVersion::V2;
        exchange.sendRaw(
            binary ? R"({"status":"UP"})" : R"({"status":"0000","resmsg":"ok"})", binary);
        return messages.wait(timeoutMs);
    }

    // Unwatched, frames are parsed at the hand-off, so no server message can say they were
    // read: the pong to a ping sent after them does.
    bool feedReadAllSent()
    {
        QSignalSpy pongs(&exchange, &FakeExchange::ponged);
        exchange.pingAll();
        return pongs.wait(timeoutMs);
    }

    std::unique_ptr<TickerFeed> startWithEthHeld(const QString &ethPrice);

    QStringList prices() const
    {
        QStringList result;
        for (const auto &tick : ticks)
            result.append(tick.priceText);
        return result;
    }

    FakeExchange exchange;
    TickBatch ticks;
    int batches = 0;
    qsizetype skipped = 0;
    int spacingMs = FeedConfig {}.handoffSpacingMs;
    int sideMs = FeedConfig {}.sideHandoffMs;
};

} // namespace

TEST_P(FeedE2E, TicksArriveInOrderWithExactPrices)
{
    auto feed = startFeed({market("BTC_KRW")});
    const QStringList sent {
        u"130112000"_s, u"130113000"_s, u"130111000.5"_s, u"0.00001234"_s, u"130112000"_s};
    for (const auto &price : sent)
        exchange.publish(market("BTC_KRW"), price);
    ASSERT_TRUE(waitForTicks(sent.size()));
    EXPECT_EQ(prices(), sent);
    for (const auto &tick : std::as_const(ticks)) {
        EXPECT_EQ(tick.market, market("BTC_KRW"));
        EXPECT_GT(tick.exchangeTimeMs, 0);
        EXPECT_GT(tick.receivedMs, 0);
    }
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.ticks, quint64(sent.size() + skipped));
    EXPECT_EQ(stats.rejectedTotal(), 0u);
}

TEST_P(FeedE2E, MarketSwitchResubscribes)
{
    auto feed = startFeed({market("BTC_KRW")});
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    feed->setMarkets({market("ETH_KRW")});
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    EXPECT_TRUE(subscribed.last().at(1).value<QList<MarketId>>().contains(market("ETH_KRW")));
    skipSnapshots(1);

    exchange.publish(market("BTC_KRW"), u"1"_s); // API 1.0 keeps sending it: must be dropped
    exchange.publish(market("ETH_KRW"), u"4312000"_s);
    ASSERT_TRUE(waitForTicks(1));
    const FeedStats stats = feed->stop();
    ASSERT_EQ(ticks.size(), 1);
    EXPECT_EQ(ticks.first().market, market("ETH_KRW"));
    EXPECT_EQ(ticks.first().priceText, u"4312000");
    if (GetParam() == ApiVersion::V1) {
        EXPECT_EQ(stats.ignored, 1u);
    }
}

TEST_P(FeedE2E, HostileFramesAreCountedAndValidTicksKeepFlowing)
{
    auto feed = startFeed({market("BTC_KRW")});
    const bool binary = GetParam() == ApiVersion::V2;
    exchange.sendRaw("", binary);
    exchange.sendRaw("not json", binary);
    exchange.sendRaw(QByteArray(64, '[') + QByteArray(64, ']'), binary);
    exchange.sendRaw("\xff\xfe\x00\x01", true); // binary noise on either API
    exchange.sendRaw(R"({"type":"orderbook"})", binary);
    exchange.publish(market("BTC_KRW"), u"130112000"_s);
    ASSERT_TRUE(waitForTicks(1));
    const FeedStats stats = feed->stop();
    EXPECT_EQ(prices(), QStringList {u"130112000"_s});
    EXPECT_EQ(stats.rejected[std::size_t(RejectReason::EmptyFrame)], 1u);
    EXPECT_EQ(stats.rejected[std::size_t(RejectReason::BadJson)], 2u);
    EXPECT_EQ(stats.rejected[std::size_t(RejectReason::TooDeep)], 1u);
    EXPECT_EQ(stats.rejected[std::size_t(RejectReason::UnknownChannel)], 1u);
}

TEST_P(FeedE2E, OversizedFrameCostsOnlyThatLinkAndTheFeedResubscribes)
{
    auto feed = startFeed({market("BTC_KRW")});
    QSignalSpy resubscribed(&exchange, &FakeExchange::subscribed);
    exchange.sendRaw(QByteArray(2 << 20, ' '), GetParam() == ApiVersion::V2);
    ASSERT_TRUE(resubscribed.wait(timeoutMs));
    exchange.publish(market("BTC_KRW"), u"130112000"_s);
    ASSERT_TRUE(waitForTicks(1));
    EXPECT_EQ(feed->stop().reconnects, 1u);
}

TEST_P(FeedE2E, ServerCloseIsRedialled)
{
    auto feed = startFeed({market("BTC_KRW")});
    QSignalSpy resubscribed(&exchange, &FakeExchange::subscribed);
    exchange.closeAll(1001);
    ASSERT_TRUE(resubscribed.wait(timeoutMs));
    exchange.publish(market("BTC_KRW"), u"130112000"_s);
    ASSERT_TRUE(waitForTicks(1));
}

TEST_P(FeedE2E, ServerErrorsAreSurfaced)
{
    auto feed = startFeed({market("BTC_KRW")});
    QSignalSpy messages(feed.get(), &TickerFeed::serverMessage);
    const QByteArray error = GetParam() == ApiVersion::V2
        ? R"({"error":{"name":"INVALID_PARAM","message":"bad"}})"
        : R"({"status":"5100","resmsg":"Invalid Filter Syntax"})";
    exchange.sendRaw(error, GetParam() == ApiVersion::V2);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::any_of(messages.begin(), messages.end(),
                [](const QList<QVariant> &m) { return m.at(2).toBool(); });
        },
        timeoutMs));
    EXPECT_EQ(feed->stop().errors, 1u);
}

TEST_P(FeedE2E, AFloodArrivesInFewBatches)
{
    auto feed = startFeed({market("BTC_KRW")});
    constexpr int count = 3000;
    exchange.flood(count);
    ASSERT_TRUE(waitForTicks(count, 60'000)); // sanitizer builds are many times slower
    EXPECT_EQ(ticks.size(), count);
    // One batch per socket read, not one queued event per tick.
    EXPECT_LT(batches, count / 4) << batches << " batches";
}

TEST_P(FeedE2E, UnwatchedTicksAreHeldForTheIntervalAndGoAtOnceWhenWatchedAgain)
{
    auto feed = startFeed({market("BTC_KRW")});
    feed->setHandoffIntervalMs(60'000); // longer than the test: only a change lets them go
    const QStringList sent {u"130112000"_s, u"130113000"_s, u"130111000"_s};
    for (const auto &price : sent) {
        exchange.publish(market("BTC_KRW"), price);
        ASSERT_TRUE(feedReadAllSent()); // each in a read of its own
    }
    // A malformed frame among them is parsed with them: counted and dropped, nothing else. A
    // status frame waits too: frames are held unparsed until the hand-off.
    QSignalSpy messages(feed.get(), &TickerFeed::serverMessage);
    const bool binary = GetParam() == ApiVersion::V2;
    exchange.sendRaw("{\"type\":", binary);
    exchange.sendRaw(binary ? R"({"status":"UP"})" : R"({"status":"0000","resmsg":"ok"})", binary);
    ASSERT_TRUE(feedReadAllSent());
    EXPECT_EQ(batches, 0);
    EXPECT_EQ(messages.count(), 0);

    feed->setHandoffIntervalMs(0);
    ASSERT_TRUE(waitForTicks(sent.size()));
    EXPECT_EQ(prices(), sent);
    EXPECT_EQ(batches, 1); // three reads, one hand-off
    ASSERT_TRUE(messages.count() > 0 || messages.wait(timeoutMs));
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.rejected[std::size_t(RejectReason::BadJson)], 1u);
}

TEST_P(FeedE2E, ReadsWithinAFrameOfTheLastHandOffWaitForTheFramesEnd)
{
    spacingMs = 60'000; // a long frame: only its end, or a change, lets them go
    auto feed = startFeed({market("BTC_KRW")});
    if (GetParam() == ApiVersion::V1) { // API 2.0's snapshot went first; this one's first trade
        exchange.publish(market("BTC_KRW"), u"130110000"_s);
        ASSERT_TRUE(waitForTicks(1));
        EXPECT_EQ(batches, 1); // after a quiet spell, at once
        ticks.clear();
        batches = 0;
    }
    const QStringList sent {u"130112000"_s, u"130113000"_s};
    for (const auto &price : sent)
        ASSERT_TRUE(publishInOwnRead(feed.get(), price));
    EXPECT_EQ(batches, 0);
    feed->setHandoffIntervalMs(1); // a shorter wait than what is left lets them go
    ASSERT_TRUE(waitForTicks(sent.size()));
    EXPECT_EQ(prices(), sent);
    EXPECT_EQ(batches, 1);
}

TEST_P(FeedE2E, HeldTicksGoBeforeTheLinkChangeThatFollowsThem)
{
    auto feed = startFeed({market("BTC_KRW")});
    QStringList events;
    QObject::connect(feed.get(), &TickerFeed::ticksReceived, feed.get(),
        [&](const TickBatch &batch) { events.append(u"ticks %1"_s.arg(batch.size())); });
    QObject::connect(feed.get(), &TickerFeed::stateChanged, feed.get(),
        [&](FeedClient::State state) { events.append(u"state %1"_s.arg(int(state))); });
    feed->setHandoffIntervalMs(60'000);
    exchange.publish(market("BTC_KRW"), u"130112000"_s);
    exchange.publish(market("BTC_KRW"), u"130113000"_s);
    exchange.closeAll(1001);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !events.isEmpty(); }, timeoutMs));
    ASSERT_TRUE(waitForTicks(2));
    EXPECT_EQ(events.first(), u"ticks 2"_s) << events.join(u", "_s).toStdString();
    EXPECT_EQ(prices(), (QStringList {u"130112000"_s, u"130113000"_s}));
}

// BTC shown, ETH a watchlist row only; ETH held by a side spacing longer than the test. The
// feed thread takes the shown set (a posted event) before any socket read that follows it.
std::unique_ptr<TickerFeed> FeedE2E::startWithEthHeld(const QString &ethPrice)
{
    spacingMs = 0; // BTC's ticks go as they are read
    sideMs = 60'000;
    auto feed = startFeed({market("BTC_KRW"), market("ETH_KRW")});
    feed->setShownMarkets({market("BTC_KRW")});
    // A hand-off now, so the side spacing runs from here (API 1.0 sends no snapshot).
    EXPECT_TRUE(publishInOwnRead(feed.get(), u"130110000"_s));
    EXPECT_TRUE(waitForTicks(1));
    ticks.clear();
    batches = 0;
    EXPECT_TRUE(publishInOwnRead(feed.get(), ethPrice, "ETH_KRW"));
    EXPECT_EQ(batches, 0) << "a side market's tick went without waiting";
    return feed;
}

TEST_P(FeedE2E, ASideMarketsTicksGoWithTheShownMarketsNextHandOff)
{
    auto feed = startWithEthHeld(u"5000000"_s);
    ASSERT_TRUE(publishInOwnRead(feed.get(), u"130112000"_s));
    ASSERT_TRUE(waitForTicks(2));
    EXPECT_EQ(prices(), (QStringList {u"5000000"_s, u"130112000"_s}));
    EXPECT_EQ(batches, 1);
}

TEST_P(FeedE2E, AMarketShownNowHasItsHeldTicksHandedOverAtOnce)
{
    auto feed = startWithEthHeld(u"5000000"_s);
    feed->setShownMarkets({market("ETH_KRW")});
    ASSERT_TRUE(waitForTicks(1));
    EXPECT_EQ(prices(), QStringList {u"5000000"_s});
    EXPECT_EQ(batches, 1);
}

INSTANTIATE_TEST_SUITE_P(BothApis, FeedE2E, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "Api1" : "Api2"; });
