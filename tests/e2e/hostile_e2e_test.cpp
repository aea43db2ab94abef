// Every kind of hostile frame, on a live link of either API: each is dropped and counted by
// its reason, the log stays short under a flood of them, and valid ticks keep flowing.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/tickerfeed.h"
#include "common.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

struct Hostile
{
    const char *name;
    QByteArray frame;
    RejectReason reason;
};

// A ticker frame of this API with one field's raw JSON text replaced.
QByteArray tickerWith(ApiVersion api, const char *field, const QByteArray &raw)
{
    QByteArray frame = api == ApiVersion::V1
        ? R"({"type":"ticker","content":{"symbol":"BTC_KRW","tickType":"24H","closePrice":"1",)"
          R"("date":"20261124","time":"120000"}})"
        : R"({"type":"ticker","code":"KRW-BTC","trade_price":1,"timestamp":1795528198000})";
    const QByteArray key = '"' + QByteArray(field) + "\":";
    const auto at = frame.indexOf(key) + key.size();
    const auto end = frame.indexOf(api == ApiVersion::V1 ? '"' : ',', at + 1);
    const auto valueEnd = api == ApiVersion::V1 ? end + 1 : end;
    return frame.left(at) + raw + frame.mid(valueEnd);
}

std::vector<Hostile> hostileFrames(ApiVersion api)
{
    const bool v1 = api == ApiVersion::V1;
    const char *price = v1 ? "closePrice" : "trade_price";
    const char *market = v1 ? "symbol" : "code";
    return {
        {"empty", "", RejectReason::EmptyFrame},
        {"deep nesting", QByteArray(5000, '[') + QByteArray(5000, ']'), RejectReason::TooDeep},
        {"bad UTF-8", tickerWith(api, market, "\"BTC\xff\xfe_KRW\""), RejectReason::BadJson},
        {"binary noise", QByteArray("\x00\x9f\x92\x96\xff", 5), RejectReason::BadJson},
        {"NaN", tickerWith(api, price, "NaN"), RejectReason::BadJson},
        {"1e400", tickerWith(api, price, v1 ? "\"1e400\"" : "1e400"), RejectReason::BadNumber},
        {"negative price", tickerWith(api, price, v1 ? "\"-5\"" : "-5"), RejectReason::BadPrice},
        {"zero price", tickerWith(api, price, v1 ? "\"0\"" : "0"), RejectReason::BadPrice},
        {"wrong type", tickerWith(api, price, v1 ? "5" : "\"5\""), RejectReason::WrongType},
        {"markup in market",
            tickerWith(api, market, v1 ? R"("<b>X</b>_KRW")" : R"("KRW-<b>X</b>")"),
            RejectReason::BadMarket},
        {"unknown channel", R"({"type":"orderbook","code":"KRW-BTC"})",
            RejectReason::UnknownChannel},
        {"not an object", "[1,2,3]", RejectReason::NotObject},
    };
}

class HostileE2E : public ::testing::TestWithParam<ApiVersion>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listen());
        exchange.setStreamInterval(0);
        FeedConfig config;
        config.api = GetParam();
        config.url = exchange.url(GetParam());
        config.markets = {btc};
        feed = std::make_unique<TickerFeed>(config);
        QObject::connect(feed.get(), &TickerFeed::ticksReceived, feed.get(),
            [this](const TickBatch &b) { ticks += b; });
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        feed->start();
        ASSERT_TRUE(subscribed.wait(timeoutMs));
    }

    FakeExchange exchange;
    std::unique_ptr<TickerFeed> feed;
    TickBatch ticks;
};

} // namespace

TEST_P(HostileE2E, EachKindIsDroppedAndCountedWhileValidTicksFlow)
{
    const auto frames = hostileFrames(GetParam());
    std::array<quint64, rejectReasonCount> expected {};
    for (const auto &hostile : frames) {
        // A text frame cannot carry bad UTF-8 (the socket itself refuses it), so those two
        // kinds travel as binary frames on API 1.0 too.
        const std::string_view name = hostile.name;
        exchange.sendRaw(hostile.frame,
            name == "binary noise" || name == "bad UTF-8" || GetParam() == ApiVersion::V2);
        ++expected[std::size_t(hostile.reason)];
    }
    exchange.publish(btc, u"130555000"_s); // unlike the snapshot's price
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !ticks.isEmpty() && ticks.last().priceText == u"130555000"; }, timeoutMs));
    const FeedStats stats = feed->stop();
    for (const auto &hostile : frames)
        EXPECT_EQ(
            stats.rejected[std::size_t(hostile.reason)], expected[std::size_t(hostile.reason)])
            << hostile.name << ": " << rejectReasonName(hostile.reason);
    EXPECT_EQ(stats.rejectedTotal(), frames.size());
    EXPECT_EQ(stats.reconnects, 0u); // none of it cost the link
}

namespace {
std::atomic<int> protocolWarnings {0};
QtMessageHandler previousHandler = nullptr;

void countProtocolWarnings(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (type == QtWarningMsg && qstrcmp(context.category, "ticker.protocol") == 0)
        ++protocolWarnings;
    else
        previousHandler(type, context, text);
}
} // namespace

TEST_P(HostileE2E, AFloodOfBadFramesCostsAHandfulOfLogLines)
{
    protocolWarnings = 0;
    previousHandler = qInstallMessageHandler(countProtocolWarnings);
    constexpr int flood = 5000;
    for (int i = 0; i < flood; ++i)
        exchange.sendRaw("garbage", GetParam() == ApiVersion::V2);
    exchange.publish(btc, u"130999000"_s); // unlike the snapshot's price
    const bool flowed = QTest::qWaitFor(
        [&] { return !ticks.isEmpty() && ticks.last().priceText == u"130999000"; }, 60'000);
    const FeedStats stats = feed->stop();
    qInstallMessageHandler(previousHandler);
    ASSERT_TRUE(flowed);
    EXPECT_EQ(stats.rejected[std::size_t(RejectReason::BadJson)], quint64(flood))
        << stats.toJson().constData();
    // The first four, then each power of two: 4 + (8, 16, …, 4096) = 14 lines for 5000.
    EXPECT_EQ(protocolWarnings.load(), 14);
}

INSTANTIATE_TEST_SUITE_P(BothApis, HostileE2E, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "Api1" : "Api2"; });
