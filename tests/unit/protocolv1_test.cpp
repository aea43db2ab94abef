#include "bithumbticker/protocol.h"
#include "fixtures.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

using namespace ticker;
using json = nlohmann::json;

namespace {

constexpr qint64 received = 1'795'528'199'000;

class ProtocolV1Test : public ::testing::Test
{
protected:
    std::unique_ptr<Protocol> protocol = Protocol::create(ApiVersion::V1, QStringLiteral("24H"));

    ParsedFrame parse(const QByteArray &bytes) { return protocol->parseFrame(bytes, received); }

    // The fixture frame with one change applied.
    ParsedFrame parseEdited(const std::function<void(json &)> &edit)
    {
        return parse(test::editedFixture("v1_ticker.json", edit));
    }

    void expectRejected(const ParsedFrame &frame, RejectReason reason)
    {
        EXPECT_EQ(frame.kind, ParsedFrame::Kind::Rejected);
        EXPECT_EQ(frame.reason, reason) << frame.detail.toStdString();
    }
};

} // namespace

TEST_F(ProtocolV1Test, ParsesTheTickerFrame)
{
    const ParsedFrame frame = parse(test::fixture("v1_ticker.json"));
    ASSERT_EQ(frame.kind, ParsedFrame::Kind::Tick) << frame.detail.toStdString();
    const Tick &tick = frame.tick;
    EXPECT_EQ(tick.market, *MarketId::fromV1("BTC_KRW"));
    EXPECT_EQ(tick.priceText, u"130112000");
    EXPECT_DOUBLE_EQ(tick.price, 130112000.0);
    // Against the previous close (128702000), not the window open.
    EXPECT_DOUBLE_EQ(tick.changeAmount, 1410000.0);
    EXPECT_NEAR(tick.changePercent, 1.0955541, 1e-6);
    EXPECT_DOUBLE_EQ(tick.volume, 1523.84710392);
    // 2026-11-24 22:49:58 KST is 13:49:58 UTC.
    EXPECT_EQ(tick.exchangeTimeMs, 1'795'528'198'000);
    EXPECT_EQ(tick.receivedMs, received);
}

TEST_F(ProtocolV1Test, KeepsTheExactDecimalText)
{
    const auto frame = parseEdited([](json &f) { f["content"]["closePrice"] = "0.00001230"; });
    ASSERT_EQ(frame.kind, ParsedFrame::Kind::Tick);
    EXPECT_EQ(frame.tick.priceText, u"0.00001230");
    EXPECT_DOUBLE_EQ(frame.tick.price, 0.0000123);
}

TEST_F(ProtocolV1Test, KeyOrderAndUnknownKeysDoNotMatter)
{
    const QByteArray reordered = R"({"content":{"time":"224958","symbol":"ETH_KRW",
        "newField":{"x":[1,2]},"closePrice":"4312000","tickType":"24H","date":"20261124"},
        "extra":true,"type":"ticker"})";
    const auto frame = parse(reordered);
    ASSERT_EQ(frame.kind, ParsedFrame::Kind::Tick) << frame.detail.toStdString();
    EXPECT_EQ(frame.tick.market.toV1(), u"ETH_KRW");
    EXPECT_EQ(frame.tick.exchangeTimeMs, 1'795'528'198'000);
    EXPECT_EQ(frame.tick.serverTimeMs, frame.tick.exchangeTimeMs); // the frame's only time
    EXPECT_TRUE(std::isnan(frame.tick.changePercent));
}

TEST_F(ProtocolV1Test, StatusFrames)
{
    const auto ok = parse(R"({"status":"0000","resmsg":"Connected Successfully"})");
    EXPECT_EQ(ok.kind, ParsedFrame::Kind::Status);
    EXPECT_EQ(ok.code, u"0000");
    EXPECT_EQ(ok.detail, u"Connected Successfully");
    const auto bad = parse(R"({"status":"5100","resmsg":"Invalid Filter Syntax"})");
    EXPECT_EQ(bad.kind, ParsedFrame::Kind::Error);
    EXPECT_EQ(bad.code, u"5100");
    expectRejected(parse(R"({"status":0})"), RejectReason::WrongType);
}

TEST_F(ProtocolV1Test, OtherTickTypesAreIgnored)
{
    EXPECT_EQ(parseEdited([](json &f) { f["content"]["tickType"] = "1H"; }).kind,
        ParsedFrame::Kind::Ignored);
    auto hourly = Protocol::create(ApiVersion::V1, QStringLiteral("1H"));
    EXPECT_EQ(
        hourly->parseFrame(test::fixture("v1_ticker.json"), 0).kind, ParsedFrame::Kind::Ignored);
}

TEST_F(ProtocolV1Test, RejectsMalformedFrames)
{
    expectRejected(parse(""), RejectReason::EmptyFrame);
    expectRejected(parse("{\"type\":"), RejectReason::BadJson);
    expectRejected(parse("\x01\x02\xff\xfe binary noise"), RejectReason::BadJson);
    expectRejected(parse(R"({"type":"ticker"} trailing)"), RejectReason::BadJson);
    expectRejected(parse("{\"type\":\"tick\xff\"}"), RejectReason::BadJson); // bad UTF-8
    expectRejected(parse("[1,2]"), RejectReason::NotObject);
    expectRejected(parse("42"), RejectReason::NotObject);
    expectRejected(parse(QByteArray(100, '[') + QByteArray(100, ']')), RejectReason::TooDeep);
    expectRejected(parse(R"({"type":"transaction","content":{}})"), RejectReason::UnknownChannel);
    expectRejected(parse(R"({"content":{}})"), RejectReason::MissingField);
    expectRejected(parse(R"({"type":"ticker","content":"x"})"), RejectReason::WrongType);
    expectRejected(parse(R"({"type":"ticker"})"), RejectReason::MissingField);
}

TEST_F(ProtocolV1Test, RejectsBadFields)
{
    const auto set = [&](const char *key, json value) {
        return parseEdited([&](json &f) { f["content"][key] = value; });
    };
    expectRejected(
        parseEdited([](json &f) { f["content"].erase("closePrice"); }), RejectReason::MissingField);
    expectRejected(set("closePrice", 130112000), RejectReason::WrongType);
    expectRejected(set("closePrice", nullptr), RejectReason::WrongType);
    for (const char *bad :
        {"", "abc", "NaN", "1e5", " 5", "5 ", "1.", ".5", "0x10", "1,000", "Infinity"})
        expectRejected(set("closePrice", bad), RejectReason::BadNumber);
    expectRejected(set("closePrice", std::string(400, '9')), RejectReason::BadNumber);
    expectRejected(set("closePrice", "0"), RejectReason::BadPrice);
    expectRejected(set("closePrice", "-5"), RejectReason::BadPrice);
    // Market, price and time gate a tick.
    expectRejected(
        parseEdited([](json &f) { f["content"].erase("date"); }), RejectReason::MissingField);
    expectRejected(
        parseEdited([](json &f) { f["content"].erase("time"); }), RejectReason::MissingField);
    expectRejected(set("symbol", "BTC-KRW"), RejectReason::BadMarket);
    expectRejected(set("symbol", "<img src=x>_KRW"), RejectReason::BadMarket);
    expectRejected(set("symbol", 7), RejectReason::WrongType);
    expectRejected(set("date", "20261340"), RejectReason::BadTime);
    expectRejected(set("time", "256000"), RejectReason::BadTime);
    expectRejected(set("date", "2026-11-24"), RejectReason::BadTime);
    // Found by the fuzzer: year 226 is a time before the epoch, not a tick.
    expectRejected(set("date", "02261124"), RejectReason::BadTime);
    expectRejected(set("date", "99991231"), RejectReason::BadTime);
}

TEST_F(ProtocolV1Test, ABadOptionalFieldCostsOnlyItself)
{
    const auto prevClose = parseEdited([](json &f) { f["content"]["prevClosePrice"] = "x"; });
    ASSERT_EQ(prevClose.kind, ParsedFrame::Kind::Tick) << prevClose.detail.toStdString();
    EXPECT_EQ(prevClose.tick.priceText, u"130112000");
    EXPECT_TRUE(std::isnan(prevClose.tick.changePercent)); // not reported, not invented
    ASSERT_EQ(prevClose.droppedFields.size(), 1);
    EXPECT_EQ(prevClose.droppedFields[0].reason, RejectReason::BadNumber);
    EXPECT_EQ(prevClose.droppedFields[0].detail, u"bad_number: content.prevClosePrice");

    const auto volume = parseEdited([](json &f) { f["content"]["volume"] = 12; });
    ASSERT_EQ(volume.kind, ParsedFrame::Kind::Tick);
    EXPECT_TRUE(std::isnan(volume.tick.volume));
    EXPECT_FALSE(std::isnan(volume.tick.changePercent));
    ASSERT_EQ(volume.droppedFields.size(), 1);
    EXPECT_EQ(volume.droppedFields[0].reason, RejectReason::WrongType);

    EXPECT_TRUE(parse(test::fixture("v1_ticker.json")).droppedFields.isEmpty());
}

TEST_F(ProtocolV1Test, SubscribeMessageNamesEveryMarketAndTheTickType)
{
    const QList<MarketId> markets {*MarketId::fromV1("BTC_KRW"), *MarketId::fromV2("KRW-ETH")};
    const json request = json::parse(protocol->subscribeMessage(markets).toStdString());
    EXPECT_EQ(request, json::parse(R"({"type":"ticker","symbols":["BTC_KRW","ETH_KRW"],
                                       "tickTypes":["24H"]})"));
    EXPECT_EQ(protocol->defaultUrl().toString(), u"wss://pubwss.bithumb.com/pub/ws");
}
