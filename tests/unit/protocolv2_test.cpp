#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/protocol.h"
#include "fixtures.h"

#include <QUuid>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace ticker;
using json = nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

class ProtocolV2Test : public ::testing::Test
{
protected:
    std::unique_ptr<Protocol> protocol = Protocol::create(ApiVersion::V2);

    ParsedFrame parse(const QByteArray &bytes) { return protocol->parseFrame(bytes, 5); }

    // The fixture frame with one field replaced by raw JSON text.
    ParsedFrame parseWith(const char *key, const QByteArray &rawValue)
    {
        json frame = json::parse(test::fixture("v2_ticker.json").toStdString());
        frame[key] = "@VALUE@";
        QByteArray bytes = QByteArray::fromStdString(frame.dump());
        bytes.replace("\"@VALUE@\"", rawValue);
        return parse(bytes);
    }

    void expectRejected(const ParsedFrame &frame, RejectReason reason)
    {
        EXPECT_EQ(frame.kind, ParsedFrame::Kind::Rejected);
        EXPECT_EQ(frame.reason, reason) << frame.detail.toStdString();
    }
};

} // namespace

TEST_F(ProtocolV2Test, ParsesTheTickerFrame)
{
    const ParsedFrame frame = parse(test::fixture("v2_ticker.json"));
    ASSERT_EQ(frame.kind, ParsedFrame::Kind::Tick) << frame.detail.toStdString();
    const Tick &tick = frame.tick;
    EXPECT_EQ(tick.market.toV1(), u"BTC_KRW");
    EXPECT_EQ(tick.priceText, u"130112000"); // whole prices come as JSON integers
    // The number token is kept exactly as sent, whatever its form.
    EXPECT_EQ(parseWith("trade_price", "130112000.0").tick.priceText, u"130112000.0");
    EXPECT_DOUBLE_EQ(tick.price, 130112000.0);
    EXPECT_DOUBLE_EQ(tick.changeAmount, 1410000.0);
    EXPECT_NEAR(tick.changePercent, 1.095554, 1e-9); // the wire's fraction, as percent
    EXPECT_DOUBLE_EQ(tick.volume, 1523.84710392);
    EXPECT_EQ(tick.exchangeTimeMs, 1'795'528'198'412); // trade_timestamp
    EXPECT_EQ(tick.receivedMs, 5);
}

TEST_F(ProtocolV2Test, KeepsExactNumberTokens)
{
    for (const char *text : {"0.00001234", "130112000", "4312000.50", "1.234e-05"}) {
        const auto frame = parseWith("trade_price", text);
        ASSERT_EQ(frame.kind, ParsedFrame::Kind::Tick) << text;
        EXPECT_EQ(frame.tick.priceText, QString::fromLatin1(text));
    }
}

TEST_F(ProtocolV2Test, MinimalFrameAndFallbackTimestamp)
{
    const auto frame = parse(
        R"({"timestamp":1795528198000,"trade_price":3050,"code":"KRW-XRP","type":"ticker"})");
    ASSERT_EQ(frame.kind, ParsedFrame::Kind::Tick) << frame.detail.toStdString();
    EXPECT_EQ(frame.tick.exchangeTimeMs, 1'795'528'198'000);
    EXPECT_TRUE(std::isnan(frame.tick.changeAmount));
}

TEST_F(ProtocolV2Test, ServerErrorAndStatusFrames)
{
    const auto error = parse(R"({"error":{"name":"INVALID_PARAM","message":"잘못된 파라미터"}})");
    EXPECT_EQ(error.kind, ParsedFrame::Kind::Error);
    EXPECT_EQ(error.code, u"INVALID_PARAM");
    EXPECT_EQ(error.detail, QStringLiteral("잘못된 파라미터"));
    const auto numeric = parse(R"({"error":{"name":404,"message":"Code not found"}})");
    EXPECT_EQ(numeric.code, u"404");
    const auto up = parse(R"({"status":"UP"})");
    EXPECT_EQ(up.kind, ParsedFrame::Kind::Status);
    EXPECT_EQ(up.code, u"UP");
    expectRejected(parse(R"({"error":"boom"})"), RejectReason::WrongType);
}

TEST_F(ProtocolV2Test, RejectsBadFields)
{
    expectRejected(parseWith("trade_price", "\"130112000\""), RejectReason::WrongType);
    expectRejected(parseWith("trade_price", "1e400"), RejectReason::BadNumber);
    expectRejected(parseWith("trade_price", "NaN"), RejectReason::BadJson);
    expectRejected(parseWith("trade_price", "0"), RejectReason::BadPrice);
    expectRejected(parseWith("trade_price", "-1.5"), RejectReason::BadPrice);
    expectRejected(parseWith("trade_price", "null"), RejectReason::WrongType);
    expectRejected(parseWith("trade_price", "[1]"), RejectReason::WrongType);
    expectRejected(parseWith("code", "\"BTC_KRW\""), RejectReason::BadMarket);
    expectRejected(parseWith("code", "\"KRW-<script>\""), RejectReason::BadMarket);
    expectRejected(parseWith("type", "\"trade\""), RejectReason::UnknownChannel);
    expectRejected(parseWith("trade_timestamp", "-5"), RejectReason::BadTime);
    expectRejected(parseWith("trade_timestamp", "1000"), RejectReason::BadTime); // 1970
    expectRejected(parseWith("trade_timestamp", "9223372036854775807"), RejectReason::BadTime);
    expectRejected(parseWith("trade_timestamp", "1.5"), RejectReason::WrongType);
    expectRejected(parse(R"({"type":"ticker","trade_price":1})"), RejectReason::MissingField);
    // Market, price and time gate a tick: no trade_timestamp and no timestamp, no tick.
    expectRejected(
        parse(R"({"type":"ticker","code":"KRW-BTC","trade_price":1})"), RejectReason::MissingField);
    expectRejected(parse(R"({"type":"ticker","code":"KRW-BTC"})"), RejectReason::MissingField);
    expectRejected(parse(R"([{"type":"ticker"}])"), RejectReason::NotObject);
}

TEST_F(ProtocolV2Test, ABadOptionalFieldCostsOnlyItself)
{
    // Captures show optional fields in other types than documented (sequential_id as a
    // string); such a field is dropped and counted, and the tick stays.
    const auto rate = parseWith("signed_change_rate", "\"1%\"");
    ASSERT_EQ(rate.kind, ParsedFrame::Kind::Tick) << rate.detail.toStdString();
    EXPECT_EQ(rate.tick.priceText, u"130112000");
    EXPECT_TRUE(std::isnan(rate.tick.changePercent));
    EXPECT_DOUBLE_EQ(rate.tick.changeAmount, 1410000.0);
    ASSERT_EQ(rate.droppedFields.size(), 1);
    EXPECT_EQ(rate.droppedFields[0].reason, RejectReason::WrongType);
    EXPECT_EQ(rate.droppedFields[0].detail, u"wrong_type: signed_change_rate");

    for (const auto &[key, value, reason] :
        {std::tuple {"acc_trade_volume_24h", "\"12\"", RejectReason::WrongType},
            std::tuple {"timestamp", "\"1795528198500\"", RejectReason::WrongType},
            std::tuple {"timestamp", "5", RejectReason::BadTime},
            std::tuple {"is_trading_suspended", "\"false\"", RejectReason::WrongType},
            std::tuple {"delisting_date", "\"soon\"", RejectReason::BadTime},
            std::tuple {"delisting_date", "20261201", RejectReason::WrongType},
            std::tuple {"market_warning", "1", RejectReason::WrongType},
            std::tuple {"stream_type", "{}", RejectReason::WrongType}}) {
        const auto frame = parseWith(key, value);
        ASSERT_EQ(frame.kind, ParsedFrame::Kind::Tick) << key;
        EXPECT_EQ(frame.tick.priceText, u"130112000") << key;
        ASSERT_EQ(frame.droppedFields.size(), 1) << key;
        EXPECT_EQ(frame.droppedFields[0].reason, reason) << key;
    }
    // A bad trade time is a bad required field, not an optional one.
    expectRejected(parseWith("trade_timestamp", "\"1795528198412\""), RejectReason::WrongType);
    // A trade long after the frame about it was sent is no trade: kept, it would make every
    // later trade of the market look out of order.
    expectRejected(parseWith("trade_timestamp", "1795528258434"), RejectReason::BadTime);
    EXPECT_EQ(parseWith("trade_timestamp", "1795528258433").kind, ParsedFrame::Kind::Tick);
    // No trade time (absent or null): the send time stands in (notes 2.7).
    const auto noTradeTime = parseWith("trade_timestamp", "null");
    ASSERT_EQ(noTradeTime.kind, ParsedFrame::Kind::Tick) << noTradeTime.detail.toStdString();
    EXPECT_EQ(noTradeTime.tick.exchangeTimeMs, 1'795'528'198'433);
}

TEST_F(ProtocolV2Test, ReadsTheMarketStatusAndTheStreamType)
{
    const auto normal = parse(test::fixture("v2_ticker.json"));
    ASSERT_EQ(normal.kind, ParsedFrame::Kind::Tick);
    EXPECT_TRUE(normal.tick.status.reported);
    EXPECT_EQ(normal.tick.status.state, u"ACTIVE");
    EXPECT_EQ(normal.tick.status.tradingSuspended, std::optional<bool>(false));
    EXPECT_FALSE(normal.tick.status.isDelisting());
    EXPECT_EQ(normal.tick.status.warning, u"NONE");
    EXPECT_TRUE(normal.tick.status.isNormal());
    EXPECT_EQ(normal.tick.snapshot, std::optional<bool>(false));
    EXPECT_EQ(normal.tick.serverTimeMs, 1'795'528'198'433);

    const auto delisting = parseWith("delisting_date", "\"2026-12-01\"");
    EXPECT_EQ(delisting.tick.status.delistingDate, QDate(2026, 12, 1));
    EXPECT_FALSE(delisting.tick.status.isNormal());
    EXPECT_EQ(parseWith("delisting_date", "\"2026-12-01T00:00:00\"").tick.status.delistingDate,
        QDate(2026, 12, 1));
    EXPECT_FALSE(parseWith("delisting_date", "\"\"").tick.status.isDelisting()); // the wire
    EXPECT_FALSE(parseWith("delisting_date", "null").tick.status.isDelisting()); // the docs
    EXPECT_TRUE(parseWith("is_trading_suspended", "true").tick.status.isSuspended());
    EXPECT_TRUE(parseWith("market_warning", "\"CAUTION\"").tick.status.isCaution());
    EXPECT_TRUE(parseWith("market_state", "\"PREVIEW\"").tick.status.hasUnusualState());
    EXPECT_TRUE(parseWith("stream_type", "\"SNAPSHOT\"").tick.isSnapshot());

    const auto bare = parse(R"({"type":"ticker","code":"KRW-BTC","trade_price":1,
        "trade_timestamp":1795528198412})");
    ASSERT_EQ(bare.kind, ParsedFrame::Kind::Tick);
    EXPECT_FALSE(bare.tick.status.reported);
}

TEST_F(ProtocolV2Test, SubscribeMessageIsAnArrayWithAFreshTicket)
{
    const QList<MarketId> markets {*MarketId::fromV1("BTC_KRW"), *MarketId::fromV1("SHIB_KRW")};
    const json first = json::parse(protocol->subscribeMessage(markets).toStdString());
    const json second = json::parse(protocol->subscribeMessage(markets).toStdString());
    ASSERT_TRUE(first.is_array());
    ASSERT_EQ(first.size(), 3u);
    const auto ticket = first[0]["ticket"].get<std::string>();
    EXPECT_FALSE(QUuid::fromString(QString::fromStdString(ticket)).isNull());
    EXPECT_NE(ticket, second[0]["ticket"].get<std::string>());
    EXPECT_EQ(first[1], json::parse(R"({"type":"ticker","codes":["KRW-BTC","KRW-SHIB"]})"));
    EXPECT_EQ(first[2], json::parse(R"({"format":"SIMPLE"})")); // the shorter frames
    EXPECT_EQ(protocol->defaultUrl().toString(), u"wss://ws-api.bithumb.com/websocket/v1");
}

TEST_F(ProtocolV2Test, SimpleKeysReadAsTheDefaultOnes)
{
    // The same trades in both spellings (the fake's encoder, after the docs' samples; the docs'
    // own SIMPLE frames are golden files) read as the same ticks, status included.
    const MarketId btc = *MarketId::fromV1("BTC_KRW");
    MarketStatus status = MarketStatus::active();
    status.warning = u"CAUTION"_s;
    status.delistingDate = QDate(2026, 12, 24);
    PriceWalk walk(7);
    for (int i = 0; i < 20; ++i) {
        const PriceWalk::Quote &quote = walk.step(btc, 1'795'528'198'412 + i * 250);
        const bool snapshot = i == 0;
        const qint64 sent = quote.tradeTimeMs + 90;
        const ParsedFrame simple = parse(FakeExchange::encodeV2(
            btc, quote, status, snapshot, sent, FakeExchange::Format::Simple));
        const ParsedFrame full = parse(FakeExchange::encodeV2(
            btc, quote, status, snapshot, sent, FakeExchange::Format::Default));
        ASSERT_EQ(simple.kind, ParsedFrame::Kind::Tick) << simple.detail.toStdString();
        ASSERT_EQ(full.kind, ParsedFrame::Kind::Tick) << full.detail.toStdString();
        const Tick &a = simple.tick, &b = full.tick;
        EXPECT_EQ(a.market, b.market);
        EXPECT_EQ(a.priceText, b.priceText);
        EXPECT_EQ(a.price, b.price);
        EXPECT_EQ(a.changeAmount, b.changeAmount);
        EXPECT_EQ(a.changePercent, b.changePercent);
        EXPECT_EQ(a.volume, b.volume);
        EXPECT_EQ(a.tradedValue, b.tradedValue);
        EXPECT_EQ(a.exchangeTimeMs, b.exchangeTimeMs);
        EXPECT_EQ(a.serverTimeMs, sent);
        EXPECT_EQ(b.serverTimeMs, sent);
        EXPECT_EQ(a.snapshot, snapshot);
        EXPECT_EQ(b.snapshot, snapshot);
        EXPECT_EQ(a.status, status);
        EXPECT_EQ(b.status, status);
        EXPECT_TRUE(simple.droppedFields.isEmpty());
    }
}
