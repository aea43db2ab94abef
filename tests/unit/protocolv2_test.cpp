#include "bithumbticker/protocol.h"
#include "fixtures.h"

#include <QUuid>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace ticker;
using json = nlohmann::json;

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
    EXPECT_EQ(tick.priceText, u"130112000.0"); // the number token exactly as sent
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
    expectRejected(parseWith("signed_change_rate", "\"1%\""), RejectReason::WrongType);
    expectRejected(parseWith("trade_timestamp", "-5"), RejectReason::BadTime);
    expectRejected(parseWith("trade_timestamp", "1000"), RejectReason::BadTime); // 1970
    expectRejected(parseWith("trade_timestamp", "9223372036854775807"), RejectReason::BadTime);
    expectRejected(parseWith("trade_timestamp", "1.5"), RejectReason::WrongType);
    expectRejected(parse(R"({"type":"ticker","trade_price":1})"), RejectReason::MissingField);
    expectRejected(parse(R"({"type":"ticker","code":"KRW-BTC"})"), RejectReason::MissingField);
    expectRejected(parse(R"([{"type":"ticker"}])"), RejectReason::NotObject);
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
    EXPECT_EQ(protocol->defaultUrl().toString(), u"wss://ws-api.bithumb.com/websocket/v1");
}
