// FakeRestServer over HTTP, held to what Bithumb's REST API does (protocol notes 3.2, 3.3, 7):
// never kinder than the real server, so a client that passes here does not fail there.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakemarkets.h"
#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/pricewalk.h"
#include "common.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QWebSocket>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    json parsed; // discarded when the body is not JSON
};

class FakeRestE2E : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(exchange.listenRest()); }

    Answer get(const QString &pathAndQuery)
    {
        QNetworkReply *reply
            = network.get(QNetworkRequest(QUrl(exchange.restUrl().toString() + pathAndQuery)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        EXPECT_TRUE(finished.wait(10'000)) << pathAndQuery.toStdString();
        Answer answer {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->readAll(), {}};
        answer.parsed = json::parse(answer.body.toStdString(), nullptr, false);
        reply->deleteLater();
        return answer;
    }

    // API 2.0 candles of KRW-BTC with these extra query items.
    Answer candles(const QString &extra)
    {
        return get(u"/v1/candles/minutes/1?market=KRW-BTC"_s + extra);
    }

    static QString koreanTime(qint64 utcMs, const QString &format = u"yyyy-MM-ddTHH:mm:ss"_s)
    {
        return koreanWallClock(utcMs).toString(format);
    }

    static qint64 utcMs(const json &row)
    {
        auto time = QDateTime::fromString(
            QString::fromStdString(row["candle_date_time_utc"].get<std::string>()), Qt::ISODate);
        time.setTimeSpec(Qt::UTC);
        return time.toMSecsSinceEpoch();
    }

    static void expectInvalidParameter(const Answer &answer, const QString &what)
    {
        EXPECT_EQ(answer.status, 400) << what.toStdString();
        EXPECT_EQ(
            answer.parsed, json::parse(R"({"error":{"name":400,"message":"Invalid parameter"}})"))
            << what.toStdString() << ": " << answer.body.toStdString();
    }

    FakeExchange exchange;
    QNetworkAccessManager network;
};

} // namespace

TEST_F(FakeRestE2E, AToWithAZoneOrInAnyOtherShapeIsHttp400)
{
    const qint64 hourAgo = QDateTime::currentMSecsSinceEpoch() - 3600'000;
    const QString kst = koreanTime(hourAgo);
    const QString utc = QDateTime::fromMSecsSinceEpoch(hourAgo, Qt::UTC).toString(Qt::ISODate);
    ASSERT_TRUE(utc.endsWith(u'Z'));
    for (const QString &to : QStringList {utc, kst + u"Z"_s, kst + u"+09:00"_s, kst + u".000"_s,
             kst.left(10), kst.left(16), u"2026-02-30T10:00:00"_s, u"2026-11-24T24:00:00"_s,
             u"yesterday"_s, QString::number(hourAgo), QString()}) {
        QUrlQuery query;
        query.addQueryItem(u"to"_s, to); // percent-encoded as a client would send it
        expectInvalidParameter(candles(u"&count=5&"_s + query.toString(QUrl::FullyEncoded)), to);
    }
}

TEST_F(FakeRestE2E, ANaiveKoreanToGivesTheCandlesStrictlyBeforeItNewestFirst)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 to = (now - 3 * 3600'000) / minuteMs * minuteMs; // on a minute: exclusive
    const Answer answer = candles(u"&count=50&to="_s + koreanTime(to));
    ASSERT_EQ(answer.status, 200) << answer.body.toStdString();
    ASSERT_TRUE(answer.parsed.is_array()) << answer.body.toStdString();
    ASSERT_EQ(answer.parsed.size(), 50u);
    // The fake's own candles before that instant, newest first.
    auto held = exchange.rest()->history(*MarketId::fromV2("KRW-BTC"), now);
    std::erase_if(held, [to](const Candle &c) { return c.startMs >= to; });
    ASSERT_GE(held.size(), 50u);
    qint64 previous = to;
    for (std::size_t i = 0; i < answer.parsed.size(); ++i) {
        const json &row = answer.parsed[i];
        const qint64 start = utcMs(row);
        EXPECT_LT(start, previous) << i; // newest first, and before `to`
        previous = start;
        EXPECT_EQ(start, held[held.size() - 1 - i].startMs) << i;
        EXPECT_EQ(row["market"], "KRW-BTC");
        // Both times bare, the Korean one 9 h ahead.
        EXPECT_EQ(row["candle_date_time_kst"].get<std::string>(), koreanTime(start).toStdString());
        EXPECT_EQ(row["candle_date_time_utc"].get<std::string>().size(), 19u);
        EXPECT_EQ(row["unit"], 1);
        EXPECT_GT(row["candle_acc_trade_volume"].get<double>(), 0.0) << "a candle means trades";
    }
    // The documented other spelling, with a space, is the same instant.
    const Answer spaced = candles(u"&count=50&to="_s + koreanTime(to, u"yyyy-MM-dd HH:mm:ss"_s));
    EXPECT_EQ(spaced.status, 200);
    ASSERT_EQ(spaced.parsed.size(), answer.parsed.size());
    // The same candles, even across a minute's turn: a closed minute never changes.
    for (std::size_t i = 0; i < answer.parsed.size(); ++i)
        EXPECT_EQ(spaced.parsed[i], answer.parsed[i]) << i;
}

TEST_F(FakeRestE2E, CountIsCappedAt200AndMustBeAWholeNumberFromOne)
{
    EXPECT_EQ(candles(u"&count=500"_s).parsed.size(), 200u);
    EXPECT_EQ(candles(u"&count=200"_s).parsed.size(), 200u);
    EXPECT_EQ(candles(u"&count=3"_s).parsed.size(), 3u);
    EXPECT_EQ(candles({}).parsed.size(), 1u); // no count: one candle
    for (const QString &count : {u"0"_s, u"-1"_s, u"abc"_s, u"2.5"_s, u""_s, u"%2B5"_s})
        expectInvalidParameter(candles(u"&count="_s + count), count);
}

TEST_F(FakeRestE2E, AMarketItDoesNotListIsAnErrorBodyWithHttp200)
{
    const json codeNotFound = json::parse(R"({"error":{"name":404,"message":"Code not found"}})");
    for (const QString &market :
        {u"KRW-NOPE"_s, u"BTC_KRW"_s, u"BTC-KRW"_s, u"KRW-BTC,KRW-ETH"_s}) {
        const Answer answer = get(u"/v1/candles/minutes/1?count=5&market="_s + market);
        EXPECT_EQ(answer.status, 200) << market.toStdString();
        EXPECT_EQ(answer.parsed, codeNotFound)
            << market.toStdString() << ": " << answer.body.toStdString();
    }
    // No market at all is a bad parameter; lower case is how REST /v1 also takes codes.
    expectInvalidParameter(get(u"/v1/candles/minutes/1?count=5"_s), u"no market"_s);
    expectInvalidParameter(get(u"/v1/candles/minutes/1?count=5&market="_s), u"empty market"_s);
    const Answer lower = get(u"/v1/candles/minutes/1?count=5&market=krw-eth"_s);
    ASSERT_EQ(lower.status, 200);
    ASSERT_EQ(lower.parsed.size(), 5u) << lower.body.toStdString();
    EXPECT_EQ(lower.parsed[0]["market"], "KRW-ETH");
}

TEST_F(FakeRestE2E, WholePricesAreJsonIntegersAndFractionsDecimals)
{
    const Answer btc = candles(u"&count=200"_s);
    ASSERT_EQ(btc.parsed.size(), 200u);
    for (const json &row : btc.parsed) {
        for (const char *key : {"opening_price", "high_price", "low_price", "trade_price"})
            EXPECT_TRUE(row[key].is_number_integer()) << key << ": " << row.dump();
        EXPECT_TRUE(row["timestamp"].is_number_integer());
        EXPECT_TRUE(row["candle_acc_trade_volume"].is_number());
    }
    EXPECT_FALSE(btc.body.contains(".0,")) << "493100, never 493100.0";
    // SHIB trades at about 0.0123 KRW: its prices are decimals.
    const Answer shib = get(u"/v1/candles/minutes/1?market=KRW-SHIB&count=5"_s);
    ASSERT_EQ(shib.parsed.size(), 5u) << shib.body.toStdString();
    EXPECT_TRUE(shib.parsed[0]["trade_price"].is_number_float()) << shib.body.toStdString();
}

TEST_F(FakeRestE2E, MinutesWithoutTradesHaveNoCandle)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const char *code : {"KRW-BTC", "KRW-ETH", "KRW-STX"}) {
        auto day = exchange.rest()->history(*MarketId::fromV2(code), now);
        std::erase_if(day, [now](const Candle &c) { return c.startMs < now - dayMs; });
        EXPECT_LT(day.size(), 1430u) << code;
        EXPECT_GT(day.size(), 600u) << code;
        qint64 longestGap = 0;
        for (std::size_t i = 1; i < day.size(); ++i)
            longestGap = std::max(longestGap, day[i].startMs - day[i - 1].startMs);
        EXPECT_GE(longestGap, 10 * minuteMs) << code << ": a quiet stretch somewhere in a day";
    }
    // So a page of 200 candles spans more than 200 minutes.
    const Answer page = candles(u"&count=200"_s);
    ASSERT_EQ(page.parsed.size(), 200u);
    EXPECT_GT(utcMs(page.parsed.front()) - utcMs(page.parsed.back()), 199 * minuteMs);
}

TEST(FakeRestHistory, AClosedMinuteNeverChangesWhileTheLivePriceMovesOn)
{
    // As on the exchange: pages fetched a few minutes apart agree on every minute both hold,
    // and the newest candle still ends at the live price.
    qint64 live = 95'000'000 * PriceWalk::unit;
    FakeRestServer rest([&live](const MarketId &) { return live; });
    const qint64 start = 1'780'000'000'000;
    const auto before = rest.history(btc, start);
    live += 40'000 * PriceWalk::unit; // the live feed traded on
    for (const qint64 later : {start + 7 * minuteMs, start + 9 * minuteMs}) {
        const auto after = rest.history(btc, later);
        ASSERT_GE(after.size(), before.size() - 20);
        EXPECT_EQ(after.back().close, double(live / PriceWalk::unit));
        std::size_t common = 0;
        for (std::size_t i = 0, j = 0; i < before.size() && j < after.size();) {
            if (before[i].startMs < after[j].startMs) {
                ++i;
            } else if (after[j].startMs < before[i].startMs) {
                ++j;
            } else {
                const Candle &a = before[i++], &b = after[j++];
                EXPECT_EQ(b.open, a.open) << a.startMs;
                EXPECT_EQ(b.high, a.high) << a.startMs;
                EXPECT_EQ(b.low, a.low) << a.startMs;
                EXPECT_EQ(b.close, a.close) << a.startMs;
                ++common;
            }
        }
        EXPECT_GT(common, 1000u);
        // Joined: each candle opens where the one before closed.
        for (std::size_t i = 1; i < after.size(); ++i)
            ASSERT_EQ(after[i].open, after[i - 1].close) << i;
        for (const Candle &c : after)
            ASSERT_TRUE(c.low <= std::min(c.open, c.close) && c.high >= std::max(c.open, c.close));
    }
}

TEST(FakeRestHistory, TheOpenMinuteFollowsTheLivePrice)
{
    // Bithumb's newest candle is the minute still trading: asked again within it, its close is
    // the last trade and its extremes take the trades in; the minutes before stay as they were.
    qint64 live = 95'000'000 * PriceWalk::unit;
    FakeRestServer rest([&live](const MarketId &) { return live; });
    const qint64 minute = 1'780'000'020'000 / minuteMs * minuteMs;
    const auto first = rest.history(btc, minute + 1'000);
    ASSERT_FALSE(first.empty());
    const double price = 95'000'000;
    ASSERT_EQ(first.back().close, price);
    const bool wasTraded = first.back().startMs == minute;
    const double up = price + 50'000, down = price - 70'000;
    for (const double trade : {up, down}) {
        live = qint64(trade) * PriceWalk::unit;
        const auto now = rest.history(btc, minute + 30'000);
        ASSERT_EQ(now.size(), first.size() + (wasTraded ? 0 : 1));
        const Candle &open = now.back();
        EXPECT_EQ(open.startMs, minute) << "a trade opens the minute's candle if it had none";
        EXPECT_EQ(open.close, trade);
        EXPECT_GE(open.high, up);
        EXPECT_LE(open.low, trade);
        EXPECT_EQ(open.open, wasTraded ? first.back().open : price);
        for (std::size_t i = 0; i + 1 < first.size(); ++i)
            ASSERT_EQ(now[i].close, first[i].close) << i;
    }
    // Once the minute is over it is closed: the next one opens where it ended.
    live = qint64(price) * PriceWalk::unit;
    const auto later = rest.history(btc, minute + minuteMs + 59'000);
    const auto closed = std::find_if(
        later.begin(), later.end(), [&](const Candle &c) { return c.startMs == minute; });
    ASSERT_NE(closed, later.end());
    EXPECT_EQ(closed->close, down);
    EXPECT_EQ(later.back().close, price);
    ASSERT_NE(closed + 1, later.end());
    EXPECT_EQ((closed + 1)->open, down);
}

TEST_F(FakeRestE2E, TheTickersDayIsTheCandlesDay)
{
    // Bithumb's ticker and its candles describe one market: the previous close is the last
    // close before 00:00 KST, the day opened at the first candle since and its extremes are
    // theirs, so the change beside a backfilled chart is the change the chart shows.
    ASSERT_TRUE(exchange.listen());
    // The server's clock stands still mid-minute (15:00:30 KST), so no minute turns under us.
    const qint64 now = t0 / dayMs * dayMs - kstOffsetMs + 15 * hourMs + 30'000;
    exchange.rest()->setClock([now] { return now; });
    QWebSocket socket;
    QSignalSpy frames(&socket, &QWebSocket::binaryMessageReceived);
    QObject::connect(&socket, &QWebSocket::connected, &socket, [&] {
        socket.sendTextMessage(uR"([{"ticket":"day"},{"type":"ticker","codes":["KRW-BTC"]}])"_s);
    });
    socket.open(exchange.url(ApiVersion::V2));
    ASSERT_TRUE(frames.wait(timeoutMs));
    const json tick = json::parse(frames.first().first().toByteArray().toStdString());
    ASSERT_EQ(tick["stream_type"], "SNAPSHOT") << tick.dump();

    const auto candles = exchange.rest()->history(btc, now);
    const qint64 midnight = (now + kstOffsetMs) / dayMs * dayMs - kstOffsetMs;
    const auto today = std::find_if(
        candles.begin(), candles.end(), [&](const Candle &c) { return c.startMs >= midnight; });
    ASSERT_NE(today, candles.begin());
    EXPECT_EQ(tick["prev_closing_price"].get<double>(), std::prev(today)->close);
    const double price = tick["trade_price"].get<double>();
    EXPECT_EQ(candles.back().close, price) << "the candles end at the live price";
    double open = std::prev(today)->close, high = price, low = price;
    if (today != candles.end())
        open = today->open;
    for (auto it = today; it != candles.end(); ++it) {
        high = std::max(high, it->high);
        low = std::min(low, it->low);
    }
    EXPECT_EQ(tick["opening_price"].get<double>(), open);
    EXPECT_EQ(tick["high_price"].get<double>(), high);
    EXPECT_EQ(tick["low_price"].get<double>(), low);
    const double previous = std::prev(today)->close;
    EXPECT_NEAR(tick["signed_change_rate"].get<double>(), (price - previous) / previous, 1e-8);
}

TEST_F(FakeRestE2E, Api1SendsOldestFirstStringsWithGapsAndRefusesUnknownSymbols)
{
    const Answer answer = get(u"/public/candlestick/BTC_KRW/1m"_s);
    ASSERT_EQ(answer.status, 200);
    ASSERT_EQ(answer.parsed["status"], "0000");
    const json &rows = answer.parsed["data"];
    ASSERT_EQ(rows.size(), std::size_t(FakeRestServer::v1Rows));
    bool gap = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 6u);
        EXPECT_TRUE(rows[i][0].is_number_integer());
        for (std::size_t k = 1; k < 6; ++k)
            EXPECT_TRUE(rows[i][k].is_string()) << rows[i].dump();
        if (i > 0) {
            EXPECT_GT(rows[i][0].get<qint64>(), rows[i - 1][0].get<qint64>());
            gap = gap || rows[i][0].get<qint64>() - rows[i - 1][0].get<qint64>() > minuteMs;
        }
    }
    EXPECT_TRUE(gap);
    EXPECT_GT(rows.back()[0].get<qint64>() - rows.front()[0].get<qint64>(), dayMs)
        << "the answer covers more than a day";
    const json invalid = json::parse(R"({"status":"5500","message":"Invalid Parameter"})");
    for (const QString &symbol : {u"NOPE_KRW"_s, u"btc_krw"_s, u"KRW-BTC"_s}) {
        const Answer refused = get(u"/public/candlestick/%1/1m"_s.arg(symbol));
        EXPECT_EQ(refused.status, 200) << symbol.toStdString();
        EXPECT_EQ(refused.parsed, invalid) << symbol.toStdString();
    }
}

TEST_F(FakeRestE2E, TheMarketListIsBithumbsShape)
{
    // notes 3.2: 493 rows, 480 KRW and 13 BTC markets; the largest ones first with real names.
    const Answer plain = get(u"/v1/market/all"_s);
    ASSERT_EQ(plain.status, 200);
    ASSERT_TRUE(plain.parsed.is_array()) << plain.body.left(200).toStdString();
    ASSERT_EQ(plain.parsed.size(), 493u);
    int krw = 0, btc = 0;
    for (const json &row : plain.parsed) {
        const std::string market = row["market"].get<std::string>();
        krw += market.starts_with("KRW-");
        btc += market.starts_with("BTC-");
        // Without isDetails there is no market_warning (notes 3.2).
        EXPECT_EQ(row.size(), 3u) << row.dump();
        EXPECT_TRUE(row["korean_name"].is_string() && row["english_name"].is_string());
    }
    EXPECT_EQ(krw, 480);
    EXPECT_EQ(btc, 13);
    EXPECT_EQ(plain.parsed[0],
        json::parse(R"({"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin"})"));
    EXPECT_EQ(get(u"/v1/market/all?isDetails=false"_s).parsed, plain.parsed);
}

TEST_F(FakeRestE2E, TheDetailedMarketListCarriesTheCautionFlag)
{
    const Answer detailed = get(u"/v1/market/all?isDetails=true"_s);
    ASSERT_EQ(detailed.status, 200);
    ASSERT_EQ(detailed.parsed.size(), 493u);
    int caution = 0;
    for (const json &row : detailed.parsed) {
        ASSERT_TRUE(row["market_warning"] == "NONE" || row["market_warning"] == "CAUTION")
            << row.dump();
        caution += row["market_warning"] == "CAUTION";
        if (row["market"] == "KRW-PEPE") {
            EXPECT_EQ(row["market_warning"], "CAUTION");
        }
    }
    EXPECT_GE(caution, 3);
    EXPECT_LE(caution, 40);
}

TEST_F(FakeRestE2E, AnIsDetailsOtherThanTrueOrFalseIsHttp400)
{
    for (const QString &value : {u"TRUE"_s, u"1"_s, u"yes"_s, u""_s})
        expectInvalidParameter(get(u"/v1/market/all?isDetails="_s + value), value);
}

TEST_F(FakeRestE2E, TheSocketListsWhatTheMarketListLists)
{
    // One catalogue for REST and WebSocket: a listed market the socket ignored would be a lie.
    const Answer detailed = get(u"/v1/market/all?isDetails=true"_s);
    ASSERT_EQ(qsizetype(detailed.parsed.size()), fakeListedMarkets().size());
    for (std::size_t i = 0; i < detailed.parsed.size(); ++i) {
        const auto market = MarketId::fromV2(detailed.parsed[i]["market"].get<std::string>());
        ASSERT_TRUE(market);
        EXPECT_EQ(*market, fakeListedMarkets()[qsizetype(i)]);
        EXPECT_EQ(fakeListedStatus(*market).isCaution(),
            detailed.parsed[i]["market_warning"] == "CAUTION");
    }
}

namespace {

// One interval summed from the minutes the server sent, as a candle of it should read.
struct Summed
{
    double open = 0, high = 0, low = 0, close = 0, volume = 0;
    qint64 lastTradeMs = 0;
};

void add(std::map<qint64, Summed> &hours, qint64 startMs, double open, double high, double low,
    double close, double volume, qint64 lastTradeMs = 0)
{
    const qint64 hour = startMs / hourMs * hourMs;
    Summed &sum = hours.try_emplace(hour, Summed {open, high, low, close, 0, 0}).first->second;
    sum.high = std::max(sum.high, high);
    sum.low = std::min(sum.low, low);
    sum.close = close; // the minutes come oldest first
    sum.volume += volume;
    sum.lastTradeMs = lastTradeMs;
}

} // namespace

TEST_F(FakeRestE2E, HourCandlesSumTheMinuteCandlesItServesNewestFirst)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    exchange.rest()->setClock([now] { return now; }); // one walk for every page
    const Answer hours = get(u"/v1/candles/minutes/60?market=KRW-ETH&count=25"_s);
    ASSERT_EQ(hours.status, 200) << hours.body.toStdString();
    ASSERT_EQ(hours.parsed.size(), 25u) << "a quiet hour is rare in two days of the fake";
    // The minutes of the same hours, paged back as a client does.
    std::map<qint64, Summed> summed;
    std::vector<json> minutes;
    const qint64 oldestHour = utcMs(hours.parsed.back());
    QString to;
    while (minutes.empty() || utcMs(minutes.back()) > oldestHour) {
        const Answer page = get(u"/v1/candles/minutes/1?market=KRW-ETH&count=200"_s
            + (to.isEmpty() ? u""_s : u"&to="_s + to));
        ASSERT_EQ(page.status, 200);
        ASSERT_FALSE(page.parsed.empty());
        minutes.insert(minutes.end(), page.parsed.begin(), page.parsed.end());
        to = koreanTime(utcMs(minutes.back()));
    }
    for (auto it = minutes.rbegin(); it != minutes.rend(); ++it) {
        const json &row = *it;
        add(summed, utcMs(row), row["opening_price"].get<double>(), row["high_price"].get<double>(),
            row["low_price"].get<double>(), row["trade_price"].get<double>(),
            row["candle_acc_trade_volume"].get<double>(), row["timestamp"].get<qint64>());
    }
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const json &row : hours.parsed) {
        const qint64 start = utcMs(row);
        EXPECT_LT(start, previous); // newest first
        previous = start;
        EXPECT_EQ(start % hourMs, 0);
        EXPECT_EQ(row["unit"], 60);
        EXPECT_EQ(row["market"], "KRW-ETH");
        EXPECT_EQ(row["candle_date_time_kst"].get<std::string>(), koreanTime(start).toStdString());
        ASSERT_TRUE(summed.contains(start)) << row.dump();
        const Summed &sum = summed[start];
        EXPECT_EQ(row["opening_price"].get<double>(), sum.open) << row.dump();
        EXPECT_EQ(row["high_price"].get<double>(), sum.high) << row.dump();
        EXPECT_EQ(row["low_price"].get<double>(), sum.low) << row.dump();
        EXPECT_EQ(row["trade_price"].get<double>(), sum.close) << row.dump();
        EXPECT_EQ(row["timestamp"].get<qint64>(), sum.lastTradeMs) << row.dump();
        EXPECT_NEAR(row["candle_acc_trade_volume"].get<double>(), sum.volume, 1e-6);
    }
    // The newest hour is the one of the newest minute: the running hour once it has traded
    // (just past the top of the hour it may not have yet), never older than the last one.
    EXPECT_EQ(utcMs(hours.parsed.front()), utcMs(minutes.front()) / hourMs * hourMs);
    EXPECT_GE(utcMs(hours.parsed.front()), now / hourMs * hourMs - hourMs);
}

TEST_F(FakeRestE2E, HourCandlesAreCappedLikeMinutesAndAnUndocumentedUnitIsHttp400)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    exchange.rest()->setClock([now] { return now; });
    // Two days remembered: every hour of them, whatever count above it asks.
    const Answer all = get(u"/v1/candles/minutes/60?market=KRW-BTC&count=200"_s);
    ASSERT_EQ(all.status, 200);
    EXPECT_GE(all.parsed.size(), 46u);
    EXPECT_LE(all.parsed.size(), 48u);
    EXPECT_EQ(get(u"/v1/candles/minutes/60?market=KRW-BTC&count=500"_s).parsed, all.parsed);
    EXPECT_EQ(get(u"/v1/candles/minutes/60?market=KRW-BTC"_s).parsed.size(), 1u);
    const qint64 to = now / hourMs * hourMs - 5 * hourMs;
    const Answer before
        = get(u"/v1/candles/minutes/60?market=KRW-BTC&count=3&to="_s + koreanTime(to));
    ASSERT_EQ(before.parsed.size(), 3u);
    EXPECT_EQ(utcMs(before.parsed[0]), to - hourMs); // `to` is exclusive
    expectInvalidParameter(get(u"/v1/candles/minutes/60?market=KRW-BTC&count=0"_s), u"count 0"_s);
    for (const QString &unit : {u"7"_s, u"0"_s, u"060"_s, u"2"_s, u"1440"_s, u"1h"_s, u"-1"_s})
        expectInvalidParameter(
            get(u"/v1/candles/minutes/%1?market=KRW-BTC&count=5"_s.arg(unit)), unit);
    // An interval without trades has no candle: ten-minute ones leave gaps at the lulls.
    const Answer tens = get(u"/v1/candles/minutes/10?market=KRW-BTC&count=200"_s);
    ASSERT_EQ(tens.status, 200);
    qint64 longestGap = 0;
    for (std::size_t i = 1; i < tens.parsed.size(); ++i) {
        EXPECT_EQ(tens.parsed[i]["unit"], 10);
        longestGap = std::max(longestGap, utcMs(tens.parsed[i - 1]) - utcMs(tens.parsed[i]));
    }
    EXPECT_GT(longestGap, 10 * minuteMs);
}

TEST_F(FakeRestE2E, Api1HourCandlesSumItsMinuteCandles)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    exchange.rest()->setClock([now] { return now; });
    const Answer hours = get(u"/public/candlestick/ETH_KRW/1h"_s);
    const Answer minutes = get(u"/public/candlestick/ETH_KRW/1m"_s);
    ASSERT_EQ(hours.parsed["status"], "0000");
    ASSERT_EQ(minutes.parsed["status"], "0000");
    std::map<qint64, Summed> summed;
    const auto number = [](const json &text) { return std::stod(text.get<std::string>()); };
    for (const json &row : minutes.parsed["data"]) {
        add(summed, row[0].get<qint64>(), number(row[1]), number(row[3]), number(row[4]),
            number(row[2]), number(row[5]));
    }
    // The hours the minutes cover whole: all but the oldest one they touch.
    const qint64 firstWhole = minutes.parsed["data"][0][0].get<qint64>() / hourMs * hourMs + hourMs;
    const json &rows = hours.parsed["data"];
    ASSERT_GE(rows.size(), 46u); // two days remembered
    int compared = 0;
    qint64 previous = 0;
    for (const json &row : rows) {
        ASSERT_EQ(row.size(), 6u);
        const qint64 start = row[0].get<qint64>();
        EXPECT_GT(start, previous); // oldest first
        previous = start;
        EXPECT_EQ(start % hourMs, 0);
        if (start < firstWhole)
            continue;
        ASSERT_TRUE(summed.contains(start));
        const Summed &sum = summed[start];
        // open, close, high, low: the API 1.0 order.
        EXPECT_EQ(number(row[1]), sum.open);
        EXPECT_EQ(number(row[2]), sum.close);
        EXPECT_EQ(number(row[3]), sum.high);
        EXPECT_EQ(number(row[4]), sum.low);
        EXPECT_NEAR(number(row[5]), sum.volume, 1e-6);
        ++compared;
    }
    EXPECT_GE(compared, 24);
    const json invalid = json::parse(R"({"status":"5500","message":"Invalid Parameter"})");
    for (const QString &interval : {u"2h"_s, u"1H"_s, u"60m"_s, u"1d"_s})
        EXPECT_EQ(get(u"/public/candlestick/ETH_KRW/"_s + interval).parsed, invalid)
            << interval.toStdString();
}
