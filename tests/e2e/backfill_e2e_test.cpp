// HistoryBackfill and OverviewFetcher against FakeExchange's REST candle paths, on both APIs,
// and the ways REST fails: HTTP errors, error bodies (HTTP 200 and 400), unknown markets, garbage,
// oversize, a server that never answers, no server. The fake is as strict as Bithumb: a `to` with a
// zone is HTTP 400, and minutes without trades have no candle.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakemarkets.h"
#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/historybackfill.h"
#include "bithumbticker/overviewfetcher.h"
#include "common.h"
#include "tcpfaultproxy.h"

#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

// The ticker.history lines logged while it lives (they still reach the usual output).
class LogCapture
{
public:
    LogCapture()
    {
        lines.clear();
        previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(previous); }
    QString text() const { return lines.join(u'\n'); }
    bool contains(const QString &part) const { return text().contains(part); }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &line)
    {
        if (qstrcmp(context.category, "ticker.history") == 0)
            lines.append(line);
        previous(type, context, line);
    }
    static inline QtMessageHandler previous = nullptr;
    static inline QStringList lines;
};

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

TEST_P(BackfillE2E, FetchesEveryCandleTheServerHoldsForTheDayEndingAtTheLivePrice)
{
    // One instant for the backfill's horizon, the fake's answers and the expectation: a minute
    // that began mid-fetch would otherwise add a candle that the expectation lacks.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    exchange.rest()->setClock([now] { return now; });
    auto c = config();
    c.clock = [now] { return now; };
    HistoryBackfill backfill(c);
    const auto [candles, error] = fetch(backfill);
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    auto held = exchange.rest()->history(btc, now);
    std::erase_if(held, [now](const Candle &candle) { return candle.startMs < now - dayMs; });
    // Minutes without trades have no candle: fewer than 1,440, so paging steps by time.
    ASSERT_LT(held.size(), 1440u);
    ASSERT_GT(held.size(), std::size_t(FakeRestServer::maxCount));
    ASSERT_EQ(candles.size(), held.size());
    for (std::size_t i = 0; i < candles.size(); ++i) {
        ASSERT_EQ(candles[i].startMs, held[i].startMs) << i;
        ASSERT_EQ(candles[i].close, held[i].close) << i;
    }
    // API 2.0: full pages back until one reaches past the day; API 1.0: one answer.
    const int pages
        = GetParam() == ApiVersion::V2 ? int(held.size()) / FakeRestServer::maxCount + 1 : 1;
    EXPECT_EQ(backfill.requestCount(), pages);
    EXPECT_EQ(exchange.rest()->requestCount(), backfill.requestCount());
    // The fake's history ends at the live price, so the chart joins the live line.
    EXPECT_EQ(candles.back().close, exchange.rest()->history(btc, now).back().close);
    EXPECT_EQ(backfill.failureCount(), 0);
    EXPECT_EQ(backfill.rejectedCandles(), 0);
}

TEST_P(BackfillE2E, AMarketTheExchangeDoesNotListIsUnavailable)
{
    HistoryBackfill backfill(config());
    QSignalSpy fetched(&backfill, &HistoryBackfill::fetched);
    const LogCapture log;
    backfill.fetch(*MarketId::fromV1("NOPE_KRW"));
    ASSERT_TRUE(fetched.wait(timeoutMs));
    const QString error = fetched.at(0).at(2).toString();
    EXPECT_EQ(error,
        GetParam() == ApiVersion::V2 ? u"404: Code not found"_s : u"5500: Invalid Parameter"_s);
    EXPECT_TRUE(fetched.at(0).at(1).value<std::vector<Candle>>().empty());
    EXPECT_TRUE(log.contains(u"history of NOPE_KRW unavailable: "_s + error))
        << log.text().toStdString();
}

TEST_P(BackfillE2E, ServerFaultsAreReportedNotThrown)
{
    HistoryBackfill backfill(config());
    const LogCapture log;
    for (const auto fault : {FakeRestServer::Fault::ServerError, FakeRestServer::Fault::Garbage,
             FakeRestServer::Fault::ErrorBody, FakeRestServer::Fault::BadRequest}) {
        exchange.rest()->setFault(fault);
        const auto [candles, error] = fetch(backfill);
        EXPECT_FALSE(error.isEmpty()) << int(fault);
        EXPECT_TRUE(candles.empty()) << int(fault);
        EXPECT_TRUE(log.contains(u"history of BTC_KRW unavailable: "_s + error))
            << log.text().toStdString();
    }
    EXPECT_EQ(backfill.failureCount(), 4);
    EXPECT_TRUE(log.contains(u"unavailable: HTTP 400 (400: Invalid parameter)"_s))
        << log.text().toStdString();
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

namespace {

// OverviewFetcher on a clock that moves only when a test moves it: its pacing is counted, not
// timed.
class OverviewE2E : public ::testing::TestWithParam<ApiVersion>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listenRest());
        exchange.rest()->setClock([this] { return now; });
        OverviewFetcher::Config config;
        config.api = GetParam();
        config.restBase = exchange.restUrl();
        config.clock = [this] { return now; };
        fetcher = std::make_unique<OverviewFetcher>(config);
    }

    static QList<MarketId> firstMarkets(int count) { return fakeListedMarkets().first(count); }

    qint64 now = QDateTime::currentMSecsSinceEpoch();
    FakeExchange exchange;
    std::unique_ptr<OverviewFetcher> fetcher;
};

} // namespace

TEST_P(OverviewE2E, OneRequestBringsTheHoursOfTheLastDayOldestFirst)
{
    QSignalSpy fetched(fetcher.get(), &OverviewFetcher::fetched);
    fetcher->setWanted({btc});
    ASSERT_TRUE(fetched.wait(timeoutMs));
    EXPECT_EQ(fetcher->requestCount(), 1);
    EXPECT_EQ(fetched.at(0).at(0).value<MarketId>(), btc);
    EXPECT_TRUE(fetched.at(0).at(2).toString().isEmpty())
        << fetched.at(0).at(2).toString().toStdString();
    const auto candles = fetched.at(0).at(1).value<std::vector<Candle>>();
    // What the server holds of the hours that touch the last day, the running one last.
    auto held = exchange.rest()->candles(btc, 60, now);
    std::erase_if(held, [this](const Candle &c) { return c.startMs + hourMs <= now - dayMs; });
    ASSERT_EQ(candles.size(), held.size());
    // About a day: each lull (one in four hours, under an hour) empties at most one hour.
    EXPECT_GE(candles.size(), 20u);
    for (std::size_t i = 0; i < candles.size(); ++i) {
        EXPECT_EQ(candles[i].startMs, held[i].startMs) << i;
        EXPECT_EQ(candles[i].open, held[i].open) << i;
        EXPECT_EQ(candles[i].high, held[i].high) << i;
        EXPECT_EQ(candles[i].low, held[i].low) << i;
        EXPECT_EQ(candles[i].close, held[i].close) << i;
    }
    // The newest is the hour of the newest traded minute: the running one unless it has not
    // traded yet (just past the top of the hour, or in a lull).
    const qint64 lastTradedMs = exchange.rest()->history(btc, now).back().startMs;
    EXPECT_EQ(candles.back().startMs, lastTradedMs / hourMs * hourMs);
    EXPECT_GE(candles.back().startMs, now / hourMs * hourMs - hourMs);
    // Once: asking again starts nothing.
    fetcher->setWanted({});
    fetcher->setWanted({btc});
    EXPECT_EQ(fetcher->requestCount(), 1);
    EXPECT_EQ(fetcher->inFlight(), 0);
}

TEST_P(OverviewE2E, AtMostFourAtOnceAndTenASecond)
{
    int atServer = 0, mostAtServer = 0; // asked and not yet answered, as the server sees it
    QObject::connect(exchange.rest(), &FakeRestServer::requested, fetcher.get(), [&] {
        mostAtServer = std::max(mostAtServer, ++atServer);
        EXPECT_LE(fetcher->inFlight(), 4);
    });
    QSignalSpy fetched(fetcher.get(), &OverviewFetcher::fetched);
    QObject::connect(fetcher.get(), &OverviewFetcher::fetched, [&] { --atServer; });
    fetcher->setWanted(firstMarkets(60));
    EXPECT_EQ(fetcher->requestCount(), 4);
    // The clock stands still: ten in its second, and no more however fast they come back.
    ASSERT_TRUE(QTest::qWaitFor([&] { return fetched.size() == 10; }, timeoutMs));
    EXPECT_EQ(fetcher->requestCount(), 10);
    EXPECT_EQ(fetcher->inFlight(), 0);
    now += 999;
    fetcher->pump();
    EXPECT_EQ(fetcher->requestCount(), 10);
    now += 1;
    fetcher->pump();
    EXPECT_EQ(fetcher->requestCount(), 14);
    ASSERT_TRUE(QTest::qWaitFor([&] { return fetched.size() == 20; }, timeoutMs));
    EXPECT_EQ(fetcher->requestCount(), 20);
    EXPECT_LE(mostAtServer, 4);
    // The rest in the order wanted, each once.
    for (int second = 0; second < 4; ++second) {
        now += 1000;
        fetcher->pump();
        ASSERT_TRUE(QTest::qWaitFor([&] { return fetched.size() == 30 + 10 * second; }, timeoutMs));
    }
    EXPECT_EQ(fetcher->requestCount(), 60);
    EXPECT_EQ(fetcher->failureCount(), 0);
    QList<MarketId> order;
    for (const QList<QVariant> &args : std::as_const(fetched))
        order.append(args.at(0).value<MarketId>());
    EXPECT_EQ(QSet<MarketId>(order.begin(), order.end()).size(), 60);
    const QList<MarketId> firstTen = firstMarkets(10);
    EXPECT_EQ(QSet<MarketId>(order.begin(), order.begin() + 10),
        QSet<MarketId>(firstTen.begin(), firstTen.end()));
}

TEST_P(OverviewE2E, MarketsNoLongerWantedAreDroppedFromTheQueue)
{
    QSignalSpy fetched(fetcher.get(), &OverviewFetcher::fetched);
    fetcher->setWanted(firstMarkets(60));
    EXPECT_EQ(fetcher->requestCount(), 4);
    const QList<MarketId> scrolled = fakeListedMarkets().mid(50, 3);
    fetcher->setWanted(scrolled); // the four under way go on
    ASSERT_TRUE(QTest::qWaitFor([&] { return fetched.size() == 7; }, timeoutMs));
    EXPECT_EQ(fetcher->requestCount(), 7);
    EXPECT_EQ(fetcher->inFlight(), 0);
}

TEST_P(OverviewE2E, ALostLinkFetchesAgainButNotWithinTenMinutes)
{
    QSignalSpy fetched(fetcher.get(), &OverviewFetcher::fetched);
    fetcher->setWanted({btc});
    ASSERT_TRUE(fetched.wait(timeoutMs));
    now += 60'000;
    fetcher->refetchAll(); // a minute later: too soon
    EXPECT_EQ(fetcher->requestCount(), 1);
    now += 9 * 60'000;
    fetcher->pump();
    EXPECT_EQ(fetcher->requestCount(), 2);
    ASSERT_TRUE(fetched.wait(timeoutMs));
    now += 30 * 60'000;
    fetcher->pump(); // no link lost since: nothing to do
    EXPECT_EQ(fetcher->requestCount(), 2);
}

TEST_P(OverviewE2E, FailuresAreLoggedCountedAndTriedAgainTenMinutesLater)
{
    const LogCapture log;
    QSignalSpy fetched(fetcher.get(), &OverviewFetcher::fetched);
    exchange.rest()->setFault(FakeRestServer::Fault::ServerError);
    fetcher->setWanted({btc});
    ASSERT_TRUE(fetched.wait(timeoutMs));
    const QString error = fetched.at(0).at(2).toString();
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(fetched.at(0).at(1).value<std::vector<Candle>>().empty());
    EXPECT_EQ(fetcher->failureCount(), 1);
    EXPECT_TRUE(log.contains(u"hourly overview of BTC_KRW unavailable: "_s + error))
        << log.text().toStdString();
    exchange.rest()->setFault(FakeRestServer::Fault::None);
    fetcher->pump();
    EXPECT_EQ(fetcher->requestCount(), 1);
    now += 10 * 60'000;
    fetcher->pump();
    EXPECT_EQ(fetcher->requestCount(), 2);
    ASSERT_TRUE(fetched.wait(timeoutMs));
    EXPECT_TRUE(fetched.at(1).at(2).toString().isEmpty());
    EXPECT_EQ(fetcher->failureCount(), 1);
}

INSTANTIATE_TEST_SUITE_P(BothApis, OverviewE2E, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "V1" : "V2"; });
