// HistoryBackfill against FakeExchange's REST candle paths, on both APIs, and the ways REST
// fails: HTTP errors, error bodies, garbage, oversize, a server that never answers, no server.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/historybackfill.h"
#include "bithumbticker/tcpfaultproxy.h"

#include <QSignalSpy>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 10'000;
const MarketId btc = *MarketId::fromUser(u"BTC_KRW");

class BackfillE2E : public ::testing::TestWithParam<ApiVersion>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listen());
        ASSERT_TRUE(exchange.listenRest());
    }

    HistoryBackfill::Config config(QUrl base = {})
    {
        HistoryBackfill::Config c;
        c.api = GetParam();
        c.restBase = base.isEmpty() ? exchange.restUrl() : base;
        return c;
    }

    struct Result
    {
        std::vector<Candle> candles;
        QString error;
    };

    static Result fetch(HistoryBackfill &backfill)
    {
        QSignalSpy fetched(&backfill, &HistoryBackfill::fetched);
        backfill.fetch(btc);
        EXPECT_TRUE(backfill.isFetching(btc));
        if (!fetched.wait(timeoutMs))
            return {{}, u"no answer"_s};
        EXPECT_FALSE(backfill.isFetching(btc));
        EXPECT_EQ(fetched.at(0).at(0).value<MarketId>(), btc);
        return {fetched.at(0).at(1).value<std::vector<Candle>>(), fetched.at(0).at(2).toString()};
    }

    FakeExchange exchange;
};

} // namespace

TEST_P(BackfillE2E, FetchesADayOfMinutesWithoutGapsEndingAtTheLivePrice)
{
    HistoryBackfill backfill(config());
    const auto [candles, error] = fetch(backfill);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    // 24 h of minutes: API 2.0 in pages of 200, API 1.0 in one answer trimmed to the day.
    EXPECT_GE(candles.size(), 1439u);
    EXPECT_LE(candles.size(), 1441u);
    EXPECT_EQ(backfill.requestCount(), GetParam() == ApiVersion::V2 ? 8 : 1);
    EXPECT_EQ(exchange.rest()->requestCount(), backfill.requestCount());
    for (std::size_t i = 1; i < candles.size(); ++i)
        ASSERT_EQ(candles[i].startMs - candles[i - 1].startMs, 60'000) << i;
    // The fake's history ends at the live price, so the chart joins the live line.
    const auto live = exchange.rest()->history(btc, QDateTime::currentMSecsSinceEpoch());
    EXPECT_EQ(candles.back().close, live.back().close);
    EXPECT_EQ(backfill.failureCount(), 0);
    EXPECT_EQ(backfill.rejectedCandles(), 0);
}

TEST_P(BackfillE2E, ServerFaultsAreReportedNotThrown)
{
    HistoryBackfill backfill(config());
    for (const auto fault : {FakeRestServer::Fault::ServerError, FakeRestServer::Fault::Garbage,
             FakeRestServer::Fault::ErrorBody}) {
        exchange.rest()->setFault(fault);
        const auto [candles, error] = fetch(backfill);
        EXPECT_FALSE(error.isEmpty()) << int(fault);
        EXPECT_TRUE(candles.empty()) << int(fault);
    }
    EXPECT_EQ(backfill.failureCount(), 3);
    exchange.rest()->setFault(FakeRestServer::Fault::None);
    EXPECT_TRUE(fetch(backfill).error.isEmpty());
}

TEST_P(BackfillE2E, RefusesAnOversizeAnswer)
{
    auto c = config();
    c.maxBodyBytes = 2000; // a page of candles is far larger
    HistoryBackfill backfill(c);
    const auto [candles, error] = fetch(backfill);
    EXPECT_TRUE(error.contains(u"larger than 2000 bytes"_s)) << error.toStdString();
    EXPECT_TRUE(candles.empty());
}

TEST_P(BackfillE2E, GivesUpOnAServerThatNeverAnswers)
{
    TcpFaultProxy proxy(exchange.restUrl().port());
    ASSERT_TRUE(proxy.listen());
    proxy.setMode(TcpFaultProxy::Mode::Hang);
    auto c = config(QUrl(u"http://127.0.0.1:%1"_s.arg(proxy.port())));
    c.timeoutMs = 300;
    HistoryBackfill backfill(c);
    const auto [candles, error] = fetch(backfill);
    EXPECT_EQ(error, u"no answer within 300 ms"_s);
    EXPECT_TRUE(candles.empty());
    EXPECT_EQ(proxy.accepted(), 1);
}

TEST_P(BackfillE2E, NoServerMeansAnErrorAndNothingElse)
{
    QTcpServer closed; // a port that was free a moment ago
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    HistoryBackfill backfill(config(QUrl(u"http://127.0.0.1:%1"_s.arg(port))));
    const auto [candles, error] = fetch(backfill);
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(candles.empty());
    EXPECT_EQ(backfill.failureCount(), 1);
}

INSTANTIATE_TEST_SUITE_P(BothApis, BackfillE2E, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "V1" : "V2"; });
