// Recording and replay in one process: the feed's frame tap written by RecordingWriter on its
// own thread, read back as what was received; FakeExchange playing a recording back over a
// loopback WebSocket, its closes and pace included.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/tickerfeed.h"
#include "common.h"
#include "fixtures.h"
#include "linkstates.h"
#include "recordingtest.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using Kind = RecordedEntry::Kind;

namespace {

FeedConfig configFor(ApiVersion api, const QUrl &url)
{
    FeedConfig config;
    config.api = api;
    config.url = url;
    config.markets = {btc};
    config.backoff = {20, 200, 5};
    config.heartbeatMs = 5000; // none of these is about heartbeats
    config.connectTimeoutMs = 2000;
    return config;
}

// The ticks' prices a feed printed, in order.
struct TickLog
{
    explicit TickLog(TickerFeed &feed)
    {
        QObject::connect(&feed, &TickerFeed::ticksReceived, &feed, [this](const TickBatch &b) {
            for (const Tick &tick : b)
                prices.append(tick.priceText);
        });
    }
    bool waitFor(qsizetype count)
    {
        return QTest::qWaitFor([&] { return prices.size() >= count; }, timeoutMs);
    }
    QStringList prices;
};

// The prices of the ticks the recorded frames carry, parsed as the feed parses them; a
// snapshot of the trade last seen (each resubscribe brings one) is no tick to the feed.
QStringList recordedPrices(const Recording &recording)
{
    const auto protocol = Protocol::create(recording.header.api, recording.header.tickType);
    QStringList prices;
    QHash<MarketId, std::pair<qint64, QString>> last;
    for (const RecordedEntry &entry : recording.entries) {
        if (!entry.isFrame())
            continue;
        const ParsedFrame parsed = protocol->parseFrame(entry.data, entry.timeMs);
        if (parsed.kind != ParsedFrame::Kind::Tick)
            continue;
        const Tick &tick = parsed.tick;
        const std::pair trade {tick.exchangeTimeMs, tick.priceText};
        if (tick.isSnapshot() && last.value(tick.market) == trade)
            continue;
        last.insert(tick.market, trade);
        prices.append(tick.priceText);
    }
    return prices;
}

QList<std::pair<Kind, quint64>> events(const Recording &recording)
{
    QList<std::pair<Kind, quint64>> result;
    for (const RecordedEntry &entry : recording.entries) {
        if (!entry.isFrame())
            result.append({entry.kind, entry.link});
    }
    return result;
}

class RecordE2E : public test::RecordingTest
{
};

} // namespace

TEST_P(RecordE2E, RecordsEveryFrameAndLinkEventAsReceived)
{
    const ApiVersion api = GetParam();
    const bool v2 = api == ApiVersion::V2;
    const QString path = dir.filePath(v2 ? u"run.jsonl.gz"_s : u"run.jsonl"_s);
    TickerFeed feed(configFor(api, exchange.url(api)));
    TickLog log(feed);
    QSignalSpy progress(&feed, &TickerFeed::recordingProgress);
    QString error;
    ASSERT_TRUE(feed.startRecording(path, {u"KRW-BTC"_s}, &error)) << error.toStdString();
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    feed.start();
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    exchange.publish(btc, u"130112000"_s);
    exchange.publish(btc, u"130113000"_s);
    ASSERT_TRUE(log.waitFor(v2 ? 3 : 2));
    exchange.closeAll(1001);
    ASSERT_TRUE(subscribed.wait(timeoutMs)); // redialled and subscribed again
    exchange.publish(btc, u"130114500"_s);
    ASSERT_TRUE(log.waitFor(v2 ? 4 : 3));  // the same snapshot again is not news
    ASSERT_TRUE(progress.wait(timeoutMs)); // flushed while running, not only at the end
    feed.stop();
    const qint64 bytes = feed.stopRecording();
    EXPECT_EQ(QFile(path).size(), bytes);

    const Recording recording = Recording::fromFile(path);
    ASSERT_TRUE(recording.isValid()) << recording.error.toStdString();
    EXPECT_TRUE(recording.warnings.isEmpty()) << recording.warnings.join(u'\n').toStdString();
    if (v2) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_TRUE(file.read(2) == "\x1f\x8b"); // gzip, by the name
    }
    EXPECT_EQ(recording.header.api, api);
    EXPECT_EQ(recording.header.symbols, QStringList {u"KRW-BTC"_s});
    EXPECT_EQ(recording.header.url, exchange.url(api).toString());
    // Every frame that made a tick is in the file, in order, as bytes the parser reads alike.
    EXPECT_EQ(recordedPrices(recording), log.prices);
    qint64 lastMs = 0;
    for (const RecordedEntry &entry : recording.entries) {
        EXPECT_GE(entry.timeMs, lastMs);
        lastMs = entry.timeMs;
        if (entry.isFrame()) { // API 2.0 sends binary frames, API 1.0 text
            EXPECT_EQ(entry.kind, v2 ? Kind::Binary : Kind::Text);
        }
    }
    const QList<std::pair<Kind, quint64>> expected {{Kind::Connect, 1}, {Kind::Subscribe, 1},
        {Kind::Close, 1}, {Kind::Redial, 1}, {Kind::Connect, 2}, {Kind::Subscribe, 2}};
    EXPECT_EQ(events(recording), expected);
    for (const RecordedEntry &entry : recording.entries) {
        if (entry.kind == Kind::Close) {
            EXPECT_EQ(entry.code, 1001);
        }
        if (entry.kind == Kind::Subscribe) {
            EXPECT_TRUE(entry.data.contains(v2 ? "KRW-BTC" : "BTC_KRW")) << entry.data.data();
        }
    }
}

TEST_P(RecordE2E, RecordingStartedMidLinkBeginsWithThatLink)
{
    const ApiVersion api = GetParam();
    TickerFeed feed(configFor(api, exchange.url(api)));
    TickLog log(feed);
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    QSignalSpy states(&feed, &TickerFeed::stateChanged);
    feed.start();
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return feed.state() == FeedClient::State::Live; }));
    const QString path = dir.filePath(u"late.jsonl"_s);
    QString error;
    ASSERT_TRUE(feed.startRecording(path, {u"BTC_KRW"_s}, &error)) << error.toStdString();
    exchange.publish(btc, u"130112000"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return log.prices.contains(u"130112000"_s); }));
    feed.stopRecording();
    const Recording recording = Recording::fromFile(path);
    ASSERT_TRUE(recording.isValid());
    ASSERT_GE(recording.entries.size(), 3);
    EXPECT_EQ(recording.entries[0].kind, Kind::Connect);
    EXPECT_EQ(recording.entries[1].kind, Kind::Subscribe);
    EXPECT_EQ(recordedPrices(recording).constLast(), u"130112000"_s);
}

TEST_P(RecordE2E, UnwritableFileIsRefusedAndTheFeedRunsOn)
{
    const ApiVersion api = GetParam();
    TickerFeed feed(configFor(api, exchange.url(api)));
    TickLog log(feed);
    QString error;
    EXPECT_FALSE(feed.startRecording(dir.filePath(u"no/such/dir/x.jsonl"_s), {}, &error));
    EXPECT_TRUE(error.contains(u"no/such/dir/x.jsonl"_s)) << error.toStdString();
    EXPECT_FALSE(feed.isRecording());
    error.clear();
    // A full disk: the header's write fails at once, so nothing is half-started.
    EXPECT_FALSE(feed.startRecording(u"/dev/full"_s, {}, &error));
    EXPECT_TRUE(error.contains(u"No space left on device"_s)) << error.toStdString();
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    feed.start();
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    exchange.publish(btc, u"130112000"_s);
    EXPECT_TRUE(QTest::qWaitFor([&] { return log.prices.contains(u"130112000"_s); }));
}

INSTANTIATE_TEST_SUITE_P(BothApis, RecordE2E, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "Api1" : "Api2"; });

namespace {

// Two links of API 2.0: the exchange closes the first with 4000 "maintenance" after two
// trades 1 s apart; the second brings one more trade.
Recording twoLinks()
{
    Recording recording = Recording::fromBytes(Recording::headerLine({}));
    const QByteArray subscribe = Protocol::create(ApiVersion::V2)->subscribeMessage({btc});
    const qint64 t = 1'795'528'198'000;
    recording.entries = {
        {Kind::Connect, t, 1, "ws://127.0.0.1/websocket/v1", 0},
        {Kind::Subscribe, t + 1, 1, subscribe, 0},
        {Kind::Binary, t + 10, 1, test::v2Ticker("130112000", t, t + 5), 0},
        {Kind::Binary, t + 1010, 1, test::v2Ticker("130113000", t + 1000, t + 1005), 0},
        {Kind::Close, t + 1020, 1, "maintenance", 4000},
        {Kind::Redial, t + 1021, 1, "maintenance", 250},
        {Kind::Connect, t + 1300, 2, "ws://127.0.0.1/websocket/v1", 0},
        {Kind::Subscribe, t + 1301, 2, subscribe, 0},
        {Kind::Text, t + 1310, 2, test::v2Ticker("130114000", t + 1300, t + 1305), 0},
    };
    return recording;
}

// A feed that records what it receives from the replaying exchange.
struct ReplayRun
{
    ReplayRun(const Recording &recording, double speed)
    {
        EXPECT_TRUE(dir.isValid());
        EXPECT_TRUE(exchange.listen());
        exchange.replay(recording, speed);
        feed
            = std::make_unique<TickerFeed>(configFor(ApiVersion::V2, exchange.url(ApiVersion::V2)));
        log = std::make_unique<TickLog>(*feed);
        states = std::make_unique<QSignalSpy>(feed.get(), &TickerFeed::stateChanged);
        QString error;
        EXPECT_TRUE(feed->startRecording(dir.filePath(u"again.jsonl"_s), {}, &error));
    }

    Recording played()
    {
        feed->stop();
        feed->stopRecording();
        return Recording::fromFile(dir.filePath(u"again.jsonl"_s));
    }

    QTemporaryDir dir;
    FakeExchange exchange;
    std::unique_ptr<TickerFeed> feed;
    std::unique_ptr<TickLog> log;
    std::unique_ptr<QSignalSpy> states;
};

QList<RecordedEntry> framesOf(const Recording &recording)
{
    QList<RecordedEntry> frames;
    for (const RecordedEntry &entry : recording.entries) {
        if (entry.isFrame())
            frames.append(entry);
    }
    return frames;
}

} // namespace

TEST(ReplayE2E, PlaysTheSameFramesAndClosesAsRecorded)
{
    const Recording source = twoLinks();
    ReplayRun run(source, 0);
    QSignalSpy finished(&run.exchange, &FakeExchange::replayFinished);
    run.feed->start();
    EXPECT_EQ(test::lostLinkReason(*run.states), u"maintenance"_s);
    ASSERT_TRUE(run.log->waitFor(3));
    EXPECT_TRUE(finished.count() == 1 || finished.wait(timeoutMs));
    EXPECT_EQ(run.log->prices, (QStringList {u"130112000"_s, u"130113000"_s, u"130114000"_s}));
    const Recording played = run.played();
    ASSERT_TRUE(played.isValid());
    // The same bytes, text or binary as they were, on the same links.
    const auto sent = framesOf(source), received = framesOf(played);
    ASSERT_EQ(received.size(), sent.size());
    for (qsizetype i = 0; i < sent.size(); ++i) {
        EXPECT_EQ(received[i].data, sent[i].data);
        EXPECT_EQ(received[i].kind, sent[i].kind);
        EXPECT_EQ(received[i].link, sent[i].link);
    }
    for (const RecordedEntry &entry : played.entries) {
        if (entry.kind == Kind::Close && entry.link == 1) {
            EXPECT_EQ(entry.code, 4000);
            EXPECT_EQ(entry.data, "maintenance");
        }
    }
}

TEST(ReplayE2E, KeepsTheRecordedPaceDividedBySpeed)
{
    // The second trade came 1009 ms after the subscribe; at speed 5 it comes at least 201 ms
    // after this client's own subscribe (never sooner; how much later depends on the machine,
    // so that is not checked).
    ReplayRun run(twoLinks(), 5);
    run.feed->start();
    ASSERT_TRUE(run.log->waitFor(2));
    const Recording played = run.played();
    ASSERT_GE(played.entries.size(), 4);
    ASSERT_EQ(played.entries[1].kind, Kind::Subscribe);
    const auto received = framesOf(played);
    ASSERT_GE(received.size(), 2);
    EXPECT_GE(received[1].timeMs - played.entries[1].timeMs, 201 - 1); // ms rounding
}
