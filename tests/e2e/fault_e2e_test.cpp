// The feed against links that fail the ways networks do, on both APIs. Intervals are tens of
// milliseconds; waits end as soon as what they wait for happens.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/marketrhythm.h"
#include "bithumbticker/tickerfeed.h"
#include "common.h"
#include "proxiedexchange.h"
#include "tcpfaultproxy.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int heartbeatMs = 100;

class FaultE2E : public ::testing::TestWithParam<ApiVersion>
{
protected:
    void SetUp() override { ASSERT_TRUE(link.listen()); }

    FeedConfig config(quint16 port) const
    {
        FeedConfig config;
        config.api = GetParam();
        QUrl url = exchange.url(GetParam());
        url.setPort(port);
        config.url = url;
        config.markets = {btc};
        config.heartbeatMs = heartbeatMs;
        config.connectTimeoutMs = 300;
        config.backoff = {20, 200, 5};
        return config;
    }

    std::unique_ptr<TickerFeed> startFeed(const FeedConfig &config, bool waitForSubscription = true)
    {
        auto feed = std::make_unique<TickerFeed>(config);
        QObject::connect(feed.get(), &TickerFeed::ticksReceived, feed.get(),
            [this](const TickBatch &batch) { ticks.append(batch); });
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        feed->start();
        if (waitForSubscription) {
            EXPECT_TRUE(subscribed.wait(timeoutMs));
        }
        return feed;
    }

    // A tick published now reaches the feed: the link works end to end.
    bool tickFlows(const QString &price)
    {
        ticks.clear();
        exchange.publish(btc, price);
        return QTest::qWaitFor(
            [&] {
                return std::any_of(ticks.begin(), ticks.end(),
                    [&](const Tick &t) { return t.priceText == price; });
            },
            timeoutMs);
    }

    test::ProxiedExchange link;
    FakeExchange &exchange = link.exchange;
    std::unique_ptr<TcpFaultProxy> &proxy = link.proxy;
    TickBatch ticks;
};

} // namespace

TEST_P(FaultE2E, TcpAbortMidStreamIsRedialledAndResubscribed)
{
    auto feed = startFeed(config(proxy->port()));
    ASSERT_TRUE(tickFlows(u"130112000"_s));
    QSignalSpy resubscribed(&exchange, &FakeExchange::subscribed);
    proxy->abortAll();
    ASSERT_TRUE(resubscribed.wait(timeoutMs));
    EXPECT_TRUE(tickFlows(u"130113000"_s));
    EXPECT_EQ(feed->stop().reconnects, 1u);
}

TEST_P(FaultE2E, HalfOpenLinkIsRedialledWithinThreeHeartbeats)
{
    auto feed = startFeed(config(proxy->port()));
    ASSERT_TRUE(tickFlows(u"130112000"_s));
    QSignalSpy dialled(proxy.get(), &TcpFaultProxy::connectionAccepted);
    QElapsedTimer frozenFor;
    proxy->setMode(TcpFaultProxy::Mode::Freeze); // no frames, no pongs
    frozenFor.start();
    ASSERT_TRUE(dialled.wait(timeoutMs));
    // Dead after two silent heartbeats, seen at the next check; then the first backoff step.
    // Slack for scheduling, generous enough for the sanitizer builds.
    EXPECT_LE(frozenFor.elapsed(), 3 * heartbeatMs + 20 + 300);
    QSignalSpy resubscribed(&exchange, &FakeExchange::subscribed);
    proxy->setMode(TcpFaultProxy::Mode::Forward);
    ASSERT_TRUE(resubscribed.wait(timeoutMs));
    EXPECT_TRUE(tickFlows(u"130113000"_s));
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.deadLinks, 1u);
}

TEST_P(FaultE2E, QuietButAliveLinkIsKept)
{
    auto feed = startFeed(config(proxy->port()));
    QTest::qWait(12 * heartbeatMs); // no ticks at all, only pings and pongs
    EXPECT_TRUE(tickFlows(u"130112000"_s));
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.reconnects, 0u);
    EXPECT_EQ(stats.deadLinks, 0u);
    EXPECT_EQ(proxy->accepted(), 1);
}

TEST_P(FaultE2E, HangingDialTimesOutAndIsRetried)
{
    proxy->setMode(TcpFaultProxy::Mode::Hang);
    QSignalSpy dialled(proxy.get(), &TcpFaultProxy::connectionAccepted);
    auto feed = startFeed(config(proxy->port()), false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return dialled.size() >= 2; }, timeoutMs));
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    proxy->setMode(TcpFaultProxy::Mode::Forward);
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    EXPECT_TRUE(tickFlows(u"130112000"_s));
    EXPECT_GE(feed->stop().connectTimeouts, 1u);
}

TEST_P(FaultE2E, ServerClosesWithEachCommonCodeAreRedialled)
{
    auto feed = startFeed(config(exchange.port()));
    for (const int code : {1000, 1001, 1006, 1008, 1011}) {
        QSignalSpy resubscribed(&exchange, &FakeExchange::subscribed);
        exchange.closeAll(code);
        ASSERT_TRUE(resubscribed.wait(timeoutMs)) << code;
    }
    EXPECT_TRUE(tickFlows(u"130112000"_s));
    EXPECT_EQ(feed->stop().reconnects, 5u);
}

TEST_P(FaultE2E, ErrorFrameThenCloseIsSurfacedAndRedialledOnce)
{
    auto feed = startFeed(config(exchange.port()));
    QSignalSpy messages(feed.get(), &TickerFeed::serverMessage);
    QSignalSpy resubscribed(&exchange, &FakeExchange::subscribed);
    const bool v2 = GetParam() == ApiVersion::V2;
    exchange.sendRaw(v2 ? R"({"error":{"name":"INVALID_PARAM","message":"x"}})"
                        : R"({"status":"5100","resmsg":"Invalid Filter Syntax"})",
        v2);
    exchange.closeAll(1000);
    ASSERT_TRUE(resubscribed.wait(timeoutMs));
    QTest::qWait(200); // room for a storm, were there one
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.errors, 1u);
    EXPECT_EQ(stats.reconnects, 1u);
    EXPECT_EQ(std::count_if(messages.begin(), messages.end(),
                  [](const QList<QVariant> &m) { return m.at(2).toBool(); }),
        1);
}

TEST_P(FaultE2E, RefusedDialsNeverBurst)
{
    QTcpServer placeholder; // a port that is certainly closed once this is
    ASSERT_TRUE(placeholder.listen(QHostAddress::LocalHost));
    const quint16 closedPort = placeholder.serverPort();
    placeholder.close();
    FeedConfig refused = config(closedPort);
    refused.backoff = {50, 50, 50}; // every delay exactly 50 ms: at most 20 dials a second
    auto feed = startFeed(refused, false);
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(1000);
    const FeedStats stats = feed->stop();
    const double seconds = double(clock.elapsed()) / 1000;
    EXPECT_GE(stats.reconnects, 3u) << "it keeps trying";
    EXPECT_LE(double(stats.reconnects), seconds * 20 + 1);
}

TEST_P(FaultE2E, RedialNowSkipsTheBackoff)
{
    FeedConfig slow = config(proxy->port());
    slow.backoff = {60'000, 60'000, 60'000}; // a minute: only redialNow can bring it back
    auto feed = startFeed(slow);
    QSignalSpy states(feed.get(), &TickerFeed::stateChanged);
    proxy->abortAll();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return feed->state() == FeedClient::State::Redialing; }, timeoutMs));
    QSignalSpy resubscribed(&exchange, &FakeExchange::subscribed);
    feed->redialNow({LinkDetail::Why::NetworkBack});
    ASSERT_TRUE(resubscribed.wait(timeoutMs));
    EXPECT_TRUE(tickFlows(u"130112000"_s));
}

TEST_P(FaultE2E, SilentMarketOnALiveLinkIsCountedStaleOncePerSilence)
{
    std::atomic<qint64> clock {1'800'000'000'000}; // read on the feed's thread
    FeedConfig timed = config(exchange.port());
    timed.clock = [&clock] { return clock.load(); };
    auto feed = startFeed(timed);
    ASSERT_TRUE(tickFlows(u"130112000"_s));
    clock += MarketRhythm::minimumStaleMs + 1000; // a minute of silence, in no time
    QTest::qWait(3 * heartbeatMs);                // the check runs every heartbeat
    ASSERT_TRUE(tickFlows(u"130113000"_s));       // the market speaks again
    // After a gap that long, the rhythm itself is slower: ten of those gaps.
    clock += 11 * (MarketRhythm::minimumStaleMs + 1000);
    QTest::qWait(3 * heartbeatMs);
    const FeedStats stats = feed->stop();
    EXPECT_EQ(stats.stalePeriods, 2u);
    EXPECT_EQ(stats.reconnects, 0u); // silence on a live link is no reason to redial
}

INSTANTIATE_TEST_SUITE_P(BothApis, FaultE2E, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "Api1" : "Api2"; });
