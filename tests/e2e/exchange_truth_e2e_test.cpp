// What the real exchange does that a kind fake would hide: frames out of order, snapshots of
// old trades, a clock that disagrees with ours, odd optional fields, refused dials and HTTP 429.
// Frames are the fixture's ticker with the fields under test changed, sent by the loopback
// exchange; every wait ends as soon as what it waits for happens.
#include "bithumbticker/clockoffset.h"
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/tickerfeed.h"
#include "common.h"
#include "fixtures.h"
#include "linkstates.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace {

QByteArray v2Frame(const char *price, qint64 tradeMs, qint64 sentMs, bool snapshot = false)
{
    return test::v2Ticker(price, tradeMs, sentMs,
        [&](json &frame) { frame["stream_type"] = snapshot ? "SNAPSHOT" : "REALTIME"; });
}

class ExchangeTruthE2E : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listen());
        exchange.setStreamInterval(0); // only scripted frames
    }

    FeedConfig config() const
    {
        FeedConfig config;
        config.url = exchange.url(ApiVersion::V2);
        config.markets = {btc};
        config.backoff = {20, 200, 5};
        config.heartbeatMs = 5000; // no test here is about heartbeats: a slow machine is no loss
        config.connectTimeoutMs = 500;
        return config;
    }

    std::unique_ptr<TickerFeed> makeFeed(const FeedConfig &config)
    {
        auto feed = std::make_unique<TickerFeed>(config);
        QObject::connect(feed.get(), &TickerFeed::ticksReceived, feed.get(),
            [this](const TickBatch &batch) { ticks.append(batch); });
        return feed;
    }

    // A feed whose subscription's snapshots (one a market) have arrived and been set aside.
    std::unique_ptr<TickerFeed> startFeed(const FeedConfig &config)
    {
        auto feed = makeFeed(config);
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        feed->start();
        EXPECT_TRUE(subscribed.wait(timeoutMs));
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return ticks.size() == config.markets.size(); }, timeoutMs));
        ticks.clear();
        return feed;
    }

    // Why a feed with this config first said its link was lost.
    static QString firstLossReason(const FeedConfig &config)
    {
        TickerFeed feed(config);
        QSignalSpy states(&feed, &TickerFeed::stateChanged);
        feed.start();
        const QString reason = test::lostLinkReason(states);
        feed.stop();
        return reason;
    }

    bool waitForPrice(const QString &price)
    {
        return QTest::qWaitFor(
            [&] {
                return std::any_of(ticks.cbegin(), ticks.cend(),
                    [&](const Tick &t) { return t.priceText == price; });
            },
            timeoutMs);
    }

    FakeExchange exchange;
    TickBatch ticks;
};

} // namespace

TEST_F(ExchangeTruthE2E, AnOlderTickThanTheLastIsDroppedAndCounted)
{
    auto feed = startFeed(config());
    // After the subscription's snapshot, sent now: the clocks agree.
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    exchange.sendRaw(v2Frame("131000000", t + 2, t + 2), true);
    // A snapshot that arrives late: its trade is older than the one already shown.
    exchange.sendRaw(v2Frame("129000000", t + 1, t + 3, true), true);
    // The same trade time again is not older: one millisecond can hold several trades.
    exchange.sendRaw(v2Frame("131500000", t + 2, t + 4), true);
    ASSERT_TRUE(waitForPrice(u"131500000"_s));
    QStringList prices;
    for (const Tick &tick : std::as_const(ticks))
        prices.append(tick.priceText);
    EXPECT_EQ(prices, (QStringList {u"131000000"_s, u"131500000"_s}));
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.outOfOrder, 1u);
    EXPECT_EQ(stats.ticks, 3u); // the subscription's snapshot and the two kept
}

TEST_F(ExchangeTruthE2E, AResubscribeDoesNotRepeatTheTradeAlreadyShown)
{
    auto feed = startFeed(config());
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    exchange.closeAll(1001); // the redial resubscribes: a snapshot of the same last trade
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    exchange.publish(btc, u"131000000"_s);
    ASSERT_TRUE(waitForPrice(u"131000000"_s));
    ASSERT_EQ(ticks.size(), 1) << "the repeated snapshot was passed on";
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.outOfOrder, 0u);
    EXPECT_EQ(stats.ignored, 1u);
}

TEST_F(ExchangeTruthE2E, WhenTheClocksDisagreeAgesAreMeasuredFromReceiveTimes)
{
    // This machine's clock is an hour ahead of the exchange's.
    exchange.setLastTrade(eth, QDateTime::currentMSecsSinceEpoch() - 60'000);
    FeedConfig skewed = config();
    skewed.markets = {btc, eth};
    skewed.clock = [] { return QDateTime::currentMSecsSinceEpoch() + 3'600'000; };
    auto feed = startFeed(skewed);
    // Live trades tell the clocks apart (snapshots do not)...
    for (int i = 0; i < ClockOffset::minSamples; ++i)
        exchange.publish(btc, QString::number(131'000'000 + 1000 * i));
    ASSERT_TRUE(waitForPrice(u"131002000"_s));
    // ... then ETH's snapshot: a trade 10 s old when the exchange sent it.
    const qint64 exchangeNow = QDateTime::currentMSecsSinceEpoch();
    exchange.sendRaw(test::v2Ticker("4312000", exchangeNow - 10'000, exchangeNow,
                         [](json &frame) {
                             frame["code"] = "KRW-ETH";
                             frame["stream_type"] = "SNAPSHOT";
                         }),
        true);
    ASSERT_TRUE(waitForPrice(u"4312000"_s));
    const Tick &tick = ticks.constLast();
    EXPECT_EQ(tick.exchangeTimeMs, exchangeNow - 10'000); // the exchange's time is kept as sent
    // Ten seconds before it arrived on the local clock: not an hour and ten seconds ago.
    EXPECT_NEAR(double(tick.receivedMs - tick.localTimeMs), 10'000.0, 1'000.0);
}

TEST_F(ExchangeTruthE2E, ABadOptionalFieldCostsTheFieldNotTheTick)
{
    auto feed = startFeed(config());
    const qint64 t = QDateTime::currentMSecsSinceEpoch() + 1;
    exchange.sendRaw(test::v2Ticker("131000000", t, t,
                         [](json &frame) {
                             frame["signed_change_rate"] = "0.0068";
                             frame["is_trading_suspended"] = "false";
                         }),
        true);
    ASSERT_TRUE(waitForPrice(u"131000000"_s));
    EXPECT_TRUE(std::isnan(ticks.constLast().changePercent));
    EXPECT_FALSE(ticks.constLast().status.tradingSuspended.has_value());
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.droppedFields[std::size_t(RejectReason::WrongType)], 2u);
    EXPECT_EQ(stats.rejectedTotal(), 0u);
    EXPECT_NE(stats.toJson().indexOf("\"droppedFields\":{"), -1);
    EXPECT_NE(stats.toJson().indexOf("\"outOfOrder\":0"), -1);
}

TEST_F(ExchangeTruthE2E, ALostLinkSaysTheSocketsOwnError)
{
    QTcpServer closed; // a port that was free a moment ago
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    FeedConfig refused = config();
    refused.url = QUrl(u"ws://127.0.0.1:%1/websocket/v1"_s.arg(closed.serverPort()));
    closed.close();
    // Not "closed by the server (1000)": no server ever answered.
    EXPECT_EQ(firstLossReason(refused), u"Connection refused");
}

TEST_F(ExchangeTruthE2E, AnIdleLinkDroppedWithoutACloseFrameSaysSo)
{
    // The client pings far less often than the exchange's idle limit.
    exchange.setIdleTimeout(150);
    FeedConfig quiet = config();
    quiet.heartbeatMs = 60'000;
    // Qt reports close code 1000 for a link that simply vanished; the socket knows better.
    EXPECT_EQ(firstLossReason(quiet), u"The remote host closed the connection");
}

TEST_F(ExchangeTruthE2E, Http429WaitsOutTheBanInsteadOfRedialling)
{
    exchange.setConnectLimit(0); // every handshake refused, as during Bithumb's ban
    QSignalSpy refused(&exchange, &FakeExchange::connectRefused);
    FeedConfig limited = config();
    limited.rateLimitWaitMs = 2000;
    TickerFeed feed(limited);
    QSignalSpy states(&feed, &TickerFeed::stateChanged);
    feed.start();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return feed.state() == FeedClient::State::RateLimited; }, timeoutMs));
    const auto rateLimited = std::find_if(states.cbegin(), states.cend(), [](const auto &s) {
        return s.at(0).template value<FeedClient::State>() == FeedClient::State::RateLimited;
    });
    ASSERT_NE(rateLimited, states.cend());
    const LinkDetail why = rateLimited->at(1).value<LinkDetail>();
    EXPECT_EQ(why.why, LinkDetail::Why::SocketError);
    EXPECT_TRUE(why.text.contains(u"429")) << why.text.toStdString();
    EXPECT_EQ(rateLimited->at(2).toInt(), 2000);
    // The backoff alone would have dialled several times by now (20 ms, then up to 200 ms),
    // and a network change does not end the wait either.
    feed.redialNow({LinkDetail::Why::NetworkBack});
    QTest::qWait(1000);
    EXPECT_EQ(refused.size(), 1);
    // After the wait, one dial; refused again, it waits again.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::count_if(states.cbegin(), states.cend(), [](const auto &s) {
                return s.at(0).template value<FeedClient::State>()
                    == FeedClient::State::RateLimited;
            }) == 2;
        },
        timeoutMs));
    EXPECT_EQ(refused.size(), 2);
    EXPECT_EQ(feed.stop().rateLimited, 2u);
}

TEST_F(ExchangeTruthE2E, ARefusedRedialLeavesTheFeedWaiting)
{
    auto feed = startFeed(config());
    QSignalSpy refused(&exchange, &FakeExchange::connectRefused);
    exchange.setConnectLimit(0); // from now on, as if the address had dialled too often
    exchange.closeAll(1000);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return feed->state() == FeedClient::State::RateLimited; }, timeoutMs));
    QTest::qWait(1000); // the backoff would have dialled again by now (20 to 200 ms)
    EXPECT_EQ(refused.size(), 1);
    EXPECT_EQ(exchange.clientCount(), 0);
    EXPECT_EQ(feed->stop().rateLimited, 1u);
}

TEST_F(ExchangeTruthE2E, ASnapshotOfAQuietMarketKeepsItsTradesTime)
{
    const qint64 threeHoursAgo = QDateTime::currentMSecsSinceEpoch() - 3 * 3'600'000;
    exchange.setLastTrade(btc, threeHoursAgo);
    auto feed = makeFeed(config());
    feed->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ticks.isEmpty(); }, timeoutMs));
    const Tick &snapshot = ticks.constFirst();
    EXPECT_TRUE(snapshot.isSnapshot());
    EXPECT_EQ(snapshot.exchangeTimeMs, threeHoursAgo);
    // The exchange sent it just now, and the clocks agree: the trade is three hours old.
    EXPECT_LT(std::abs(snapshot.serverTimeMs - snapshot.receivedMs), 5000);
    EXPECT_EQ(snapshot.localTimeMs, threeHoursAgo);
    feed->stop();
}

TEST_F(ExchangeTruthE2E, ARealtimeTradeBeforeItsSnapshotKeepsTheNewerPrice)
{
    exchange.setSnapshotOrder(FakeExchange::SnapshotOrder::RealtimeFirst);
    auto feed = makeFeed(config());
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    feed->start();
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    // The late snapshot is dropped, so one tick arrives: the realtime one.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ticks.isEmpty(); }, timeoutMs));
    exchange.publish(btc, u"131000000"_s); // a later trade, to know the snapshot had its turn
    ASSERT_TRUE(waitForPrice(u"131000000"_s));
    ASSERT_EQ(ticks.size(), 2);
    EXPECT_FALSE(ticks.at(0).isSnapshot());
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.outOfOrder, 1u);
}

TEST_F(ExchangeTruthE2E, AFloodAfterANewerTradeIsNews)
{
    auto feed = startFeed(config());
    exchange.flood(10);
    ASSERT_TRUE(QTest::qWaitFor([&] { return ticks.size() == 10; }, timeoutMs));
    QTest::qWait(2); // the next trade is a millisecond later at least
    exchange.publish(btc, u"131000000"_s);
    exchange.flood(10);
    ASSERT_TRUE(QTest::qWaitFor([&] { return ticks.size() == 21; }, timeoutMs));
    EXPECT_EQ(feed->stop().outOfOrder, 0u);
}
