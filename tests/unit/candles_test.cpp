#include "bithumbticker/historybackfill.h"
#include "bithumbticker/protocol.h"
#include "fixtures.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 minute1041 = 1'795'430'460'000; // 2026-11-23T10:41:00Z

class Candles : public ::testing::TestWithParam<ApiVersion>
{
protected:
    std::unique_ptr<Protocol> protocol = Protocol::create(GetParam());
};

} // namespace

TEST_P(Candles, FixtureGivesBothMinutesOldestFirstWithExactPrices)
{
    const auto page = protocol->parseCandles(
        test::fixture(GetParam() == ApiVersion::V1 ? "v1_candles.json" : "v2_candles.json"));
    ASSERT_TRUE(page.error.isEmpty()) << page.error.toStdString();
    EXPECT_EQ(page.rejected, 0);
    ASSERT_EQ(page.candles.size(), 2u);
    const Candle &first = page.candles[0];
    EXPECT_EQ(first.startMs, minute1041);
    EXPECT_EQ(first.open, 130090000.0);
    EXPECT_EQ(first.high, 130120000.0);
    EXPECT_EQ(first.low, 130051000.0);
    EXPECT_EQ(first.close, 130112000.0);
    EXPECT_EQ(page.candles[1].startMs, minute1041 + 60'000);
    EXPECT_EQ(page.candles[1].close, 130140000.0);
}

TEST_P(Candles, RefusesBodiesThatAreNotCandles)
{
    const bool v1 = GetParam() == ApiVersion::V1;
    for (const QByteArray &body : {""_ba, "<html>maintenance</html>"_ba, "[1,2"_ba, "null"_ba,
             "{}"_ba, QByteArray(5000, '['), v1 ? "[]"_ba : "{\"data\":[]}"_ba}) {
        const auto page = protocol->parseCandles(body);
        EXPECT_FALSE(page.error.isEmpty()) << body.left(40).toStdString();
        EXPECT_TRUE(page.candles.empty());
    }
}

TEST_P(Candles, ReportsTheServersOwnError)
{
    const bool v1 = GetParam() == ApiVersion::V1;
    const auto page
        = protocol->parseCandles(v1 ? R"({"status":"5600","message":"Please try again"})"_ba
                                    : R"({"error":{"name":404,"message":"Code not found"}})"_ba);
    EXPECT_EQ(page.error, v1 ? u"5600: Please try again"_s : u"404: Code not found"_s);
}

TEST_P(Candles, DropsAndCountsBadRowsKeepingTheRest)
{
    const bool v1 = GetParam() == ApiVersion::V1;
    // Good, then: negative price, high below close, missing field, wrong type, year 1970,
    // not a row, NaN-like text.
    const QByteArray body = v1
        ? R"({"status":"0000","data":[[1795430460000,"1","2","3","0.5","0"],
             [1795430520000,"-1","2","3","0.5","0"],[1795430580000,"1","4","3","0.5","0"],
             [1795430640000,"1","2","3"],["1795430700000","1","2","3","0.5","0"],
             [1000,"1","2","3","0.5","0"],"row",[1795430760000,"1","nan","3","0.5","0"]]})"_ba
        : R"([{"candle_date_time_utc":"2026-11-23T10:41:00","opening_price":1,"high_price":3,
              "low_price":0.5,"trade_price":2},
             {"candle_date_time_utc":"2026-11-23T10:42:00","opening_price":-1,"high_price":3,
              "low_price":0.5,"trade_price":2},
             {"candle_date_time_utc":"2026-11-23T10:43:00","opening_price":1,"high_price":3,
              "low_price":0.5,"trade_price":4},
             {"candle_date_time_utc":"2026-11-23T10:44:00","opening_price":1,"high_price":3,
              "low_price":0.5},
             {"candle_date_time_utc":"2026-11-23T10:45:00","opening_price":"x","high_price":3,
              "low_price":0.5,"trade_price":2},
             {"candle_date_time_utc":"1970-01-01T00:00:01","opening_price":1,"high_price":3,
              "low_price":0.5,"trade_price":2},
             "row",
             {"candle_date_time_utc":"yesterday","opening_price":1,"high_price":3,
              "low_price":0.5,"trade_price":2}])"_ba;
    const auto page = protocol->parseCandles(body);
    EXPECT_TRUE(page.error.isEmpty());
    EXPECT_EQ(page.rejected, 7);
    ASSERT_EQ(page.candles.size(), 1u);
    EXPECT_EQ(page.candles[0].startMs, minute1041);
    EXPECT_EQ(page.candles[0].close, 2.0);
}

TEST_P(Candles, RequestsTheDocumentedPaths)
{
    const auto market = *MarketId::fromUser(u"BTC_KRW");
    const QUrl base(u"https://api.bithumb.com"_s);
    constexpr auto minute = CandleInterval::Minute;
    constexpr auto hour = CandleInterval::Hour;
    if (GetParam() == ApiVersion::V1) {
        EXPECT_EQ(protocol->candlesUrl(base, market, minute, 0, 0).toString(),
            u"https://api.bithumb.com/public/candlestick/BTC_KRW/1m"_s);
        EXPECT_EQ(protocol->maxCandlesPerRequest(), 0);
        EXPECT_EQ(protocol->candlesUrl(QUrl(u"http://127.0.0.1:8080/"_s), market, minute, 0, 0)
                      .toString(),
            u"http://127.0.0.1:8080/public/candlestick/BTC_KRW/1m"_s);
        // Hours: the documented interval 1h, one answer with all of them.
        EXPECT_EQ(protocol->candlesUrl(base, market, hour, 0, 25).toString(),
            u"https://api.bithumb.com/public/candlestick/BTC_KRW/1h"_s);
    } else {
        EXPECT_EQ(protocol->candlesUrl(base, market, minute, 0, 200).toString(),
            u"https://api.bithumb.com/v1/candles/minutes/1?market=KRW-BTC&count=200"_s);
        // `to` is Korean wall-clock time with no zone: Bithumb answers `Z` or `+09:00` with 400.
        EXPECT_EQ(protocol->candlesUrl(base, market, minute, minute1041, 5).toString(),
            u"https://api.bithumb.com/v1/candles/minutes/1?market=KRW-BTC&count=5"
            "&to=2026-11-23T19:41:00"_s);
        // Across Korean midnight the date moves on too.
        EXPECT_EQ(protocol->candlesUrl(base, market, minute, minute1041 + 5 * 3600'000, 200)
                      .query(QUrl::FullyDecoded),
            u"market=KRW-BTC&count=200&to=2026-11-24T00:41:00"_s);
        EXPECT_EQ(protocol->maxCandlesPerRequest(), 200);
        // Hours are minute candles of unit 60.
        EXPECT_EQ(protocol->candlesUrl(base, market, hour, 0, 25).toString(),
            u"https://api.bithumb.com/v1/candles/minutes/60?market=KRW-BTC&count=25"_s);
    }
}

TEST_P(Candles, ReadsHourCandlesAtTheStartOfTheirHour)
{
    constexpr qint64 hour10 = 1'795'428'000'000; // 2026-11-23T10:00:00Z
    const QByteArray body = GetParam() == ApiVersion::V1
        ? R"({"status":"0000","data":[[1795428000000,"130000000","130112000","130150000",
             "129900000","41.2"],[1795431600000,"130112000","130200000","130250000","130050000",
             "38.01"]]})"_ba
        : R"([{"market":"KRW-BTC","candle_date_time_utc":"2026-11-23T11:00:00",
              "candle_date_time_kst":"2026-11-23T20:00:00","opening_price":130112000,
              "high_price":130250000,"low_price":130050000,"trade_price":130200000,
              "timestamp":1795435199512,"candle_acc_trade_price":4.9e9,
              "candle_acc_trade_volume":38.01,"unit":60},
             {"market":"KRW-BTC","candle_date_time_utc":"2026-11-23T10:00:00",
              "candle_date_time_kst":"2026-11-23T19:00:00","opening_price":130000000,
              "high_price":130150000,"low_price":129900000,"trade_price":130112000,
              "timestamp":1795431599871,"candle_acc_trade_price":5.3e9,
              "candle_acc_trade_volume":41.2,"unit":60}])"_ba;
    const auto page = protocol->parseCandles(body);
    ASSERT_TRUE(page.error.isEmpty()) << page.error.toStdString();
    EXPECT_EQ(page.rejected, 0);
    ASSERT_EQ(page.candles.size(), 2u); // oldest first
    EXPECT_EQ(page.candles[0].startMs, hour10);
    EXPECT_EQ(page.candles[0].open, 130000000.0);
    EXPECT_EQ(page.candles[0].high, 130150000.0);
    EXPECT_EQ(page.candles[0].low, 129900000.0);
    EXPECT_EQ(page.candles[0].close, 130112000.0);
    EXPECT_EQ(page.candles[1].startMs, hour10 + 3600'000);
    EXPECT_EQ(page.candles[1].close, 130200000.0);
}

INSTANTIATE_TEST_SUITE_P(BothApis, Candles, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "V1" : "V2"; });

TEST(CandleClock, ShiftsCandlesWrittenInKoreanTimeBackNineHours)
{
    const qint64 now = minute1041 + 30'000;
    std::vector<Candle> korean {{minute1041 + 9 * 3600'000, 1, 1, 1, 1}};
    correctKoreanClock(korean, now);
    EXPECT_EQ(korean[0].startMs, minute1041);
    std::vector<Candle> utc {{minute1041, 1, 1, 1, 1}};
    correctKoreanClock(utc, now);
    EXPECT_EQ(utc[0].startMs, minute1041);
}

TEST(BackfillPaging, StepsToTheOldestCandleUntilThePageReachesTheHorizon)
{
    const qint64 horizon = minute1041 - 24 * 3600'000;
    // A page whose oldest candle is inside the window: the next page ends at its start, even
    // when gaps made the page span far more than 200 minutes.
    const std::vector<Candle> gappy {
        {minute1041 - 500 * 60'000, 1, 1, 1, 1}, {minute1041, 1, 1, 1, 1}};
    EXPECT_EQ(nextPageBefore(gappy, 200, std::numeric_limits<qint64>::max(), horizon),
        minute1041 - 500 * 60'000);
    // At or behind the horizon: done.
    const std::vector<Candle> reached {{horizon, 1, 1, 1, 1}, {minute1041, 1, 1, 1, 1}};
    EXPECT_EQ(nextPageBefore(reached, 200, minute1041, horizon), std::nullopt);
    // An empty page, or one that brought nothing older (a server ignoring `to`): done.
    EXPECT_EQ(nextPageBefore(gappy, 0, minute1041, horizon), std::nullopt);
    EXPECT_EQ(nextPageBefore(gappy, 200, minute1041 - 500 * 60'000, horizon), std::nullopt);
    EXPECT_EQ(nextPageBefore({}, 0, std::numeric_limits<qint64>::max(), horizon), std::nullopt);
}

TEST(BackfillPaging, APageCapThatCoversADayOfEveryMinuteAndStops)
{
    // 1,440 candles at most: 8 pages of 200 hold them; one more may be needed to find the
    // horizon.
    EXPECT_EQ(maxBackfillPages(1440, 200), 9);
    EXPECT_EQ(maxBackfillPages(400, 200), 3);
    EXPECT_EQ(maxBackfillPages(1440, 0), 1); // API 1.0: one answer holds all
}
