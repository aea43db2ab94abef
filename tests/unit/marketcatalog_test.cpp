// MarketCatalog::parse: the market list as Bithumb sends it, and everything it must not trust.
#include "bithumbticker/marketcatalog.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

MarketCatalog::Parsed parseCatalog(const char *body)
{
    return MarketCatalog::parse(QByteArray(body));
}

} // namespace

TEST(MarketCatalogParse, ReadsTheDetailedList)
{
    const auto parsed = parseCatalog(R"([
        {"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin","market_warning":"NONE"},
        {"market":"KRW-PEPE","korean_name":"페페","english_name":"Pepe","market_warning":"CAUTION"},
        {"market":"BTC-ETH","korean_name":"이더리움","english_name":"Ethereum","market_warning":"NONE"}])");
    ASSERT_TRUE(parsed.error.isEmpty()) << parsed.error.toStdString();
    EXPECT_EQ(parsed.rejected, 0);
    ASSERT_EQ(parsed.entries.size(), 3u);
    EXPECT_EQ(parsed.entries[0].market.toV1(), u"BTC_KRW"_s);
    EXPECT_EQ(parsed.entries[0].koreanName, u"비트코인"_s);
    EXPECT_EQ(parsed.entries[0].englishName, u"Bitcoin"_s);
    EXPECT_EQ(parsed.entries[0].warning, u"NONE"_s);
    EXPECT_TRUE(parsed.entries[1].isCaution());
    // A BTC market is kept as listed: ETH quoted in bitcoin, ETH_BTC in API 1.0's spelling.
    EXPECT_EQ(parsed.entries[2].market.toV1(), u"ETH_BTC"_s);
    EXPECT_EQ(parsed.entries[2].market.quote(), u"BTC"_s);
}

TEST(MarketCatalogParse, WithoutDetailsTheWarningIsUnknown)
{
    const auto parsed = parseCatalog(
        R"([{"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin"}])");
    ASSERT_EQ(parsed.entries.size(), 1u);
    EXPECT_TRUE(parsed.entries[0].warning.isEmpty());
    EXPECT_EQ(parsed.droppedFields, 0);
}

TEST(MarketCatalogParse, MalformedRowsAreDroppedAndCounted)
{
    const auto parsed = parseCatalog(R"([
        {"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin"},
        "KRW-ETH",
        [1, 2],
        null,
        {"market":42,"korean_name":"숫자","english_name":"Number"},
        {"market":"krw-xrp","korean_name":"리플","english_name":"XRP"},
        {"market":"KRW_SOL","korean_name":"솔라나","english_name":"Solana"},
        {"market":"KRW-","korean_name":"빈","english_name":"Empty"},
        {"korean_name":"이름만","english_name":"Name only"},
        {"market":"KRW-DOGE","korean_name":null,"english_name":"Dogecoin"},
        {"market":"KRW-ADA","korean_name":"에이다"},
        {"market":"KRW-TRX","korean_name":"","english_name":"TRON"},
        {"market":"KRW-LINK","korean_name":"체인링크","english_name":"<b>Chainlink</b>"},
        {"market":"KRW-DOT","korean_name":"폴카\n닷","english_name":"Polkadot"},
        {"market":"KRW-BTC","korean_name":"두번째","english_name":"Second"},
        {"market":"KRW-ETH","korean_name":"이더리움","english_name":"Ethereum"}])");
    ASSERT_TRUE(parsed.error.isEmpty());
    ASSERT_EQ(parsed.entries.size(), 2u);
    EXPECT_EQ(parsed.entries[0].market.toV2(), u"KRW-BTC"_s);
    EXPECT_EQ(parsed.entries[0].koreanName, u"비트코인"_s); // the first of a repeated market
    EXPECT_EQ(parsed.entries[1].market.toV2(), u"KRW-ETH"_s);
    EXPECT_EQ(parsed.rejected, 14);
}

TEST(MarketCatalogParse, AnUnknownWarningIsDroppedAloneAndTheMarketKept)
{
    const auto parsed = parseCatalog(R"([
        {"market":"KRW-BTC","korean_name":"비트코인","english_name":"Bitcoin","market_warning":"WARNING"},
        {"market":"KRW-ETH","korean_name":"이더리움","english_name":"Ethereum","market_warning":true}])");
    ASSERT_EQ(parsed.entries.size(), 2u);
    EXPECT_EQ(parsed.rejected, 0);
    EXPECT_EQ(parsed.droppedFields, 2);
    EXPECT_TRUE(parsed.entries[0].warning.isEmpty());
    EXPECT_TRUE(parsed.entries[1].warning.isEmpty());
}

TEST(MarketCatalogParse, ErrorBodiesAreRefusedWithTheirText)
{
    // Bithumb answers errors with HTTP 200 (notes 3.3).
    const auto v2 = parseCatalog(R"({"error":{"name":404,"message":"Code not found"}})");
    EXPECT_TRUE(v2.entries.empty());
    EXPECT_EQ(v2.error, u"404: Code not found"_s);
    const auto v1 = parseCatalog(R"({"status":"5500","message":"Invalid Parameter"})");
    EXPECT_EQ(v1.error, u"5500: Invalid Parameter"_s);
    EXPECT_EQ(parseCatalog(R"({"markets":[]})").error, u"not an array of markets"_s);
    EXPECT_EQ(parseCatalog("<html>maintenance</html>").error, u"not JSON"_s);
    EXPECT_EQ(parseCatalog("").error, u"not JSON"_s);
}

TEST(MarketCatalogParse, DeepOrOversizeBodiesAreRefused)
{
    const QByteArray brackets = QByteArray(10'000, '[') + QByteArray(10'000, ']');
    EXPECT_EQ(MarketCatalog::parse(brackets).error, u"nested too deep"_s);
    EXPECT_EQ(
        parseCatalog(R"([{"market":"KRW-BTC","korean_name":{"a":{"b":[1]}},"english_name":"x"}])")
            .error,
        u"nested too deep"_s);
    // Padding that would be valid JSON, just more than any market list.
    const QByteArray huge
        = "[" + QByteArray(MarketCatalog::maxCacheBytes, ' ') + "]"; // two bytes over the limit
    const auto parsed = MarketCatalog::parse(huge);
    EXPECT_TRUE(parsed.entries.empty());
    EXPECT_TRUE(parsed.error.startsWith(u"larger than"_s)) << parsed.error.toStdString();
}

TEST(MarketCatalogParse, TheBundledListHasTheLargestMarketsWithBothNames)
{
    const auto bundled = MarketCatalog::bundled();
    ASSERT_GE(bundled.size(), 30u);
    EXPECT_EQ(bundled.front().market.toV1(), u"BTC_KRW"_s);
    EXPECT_EQ(bundled.front().koreanName, u"비트코인"_s);
    for (const auto &entry : bundled) {
        EXPECT_EQ(entry.market.quote(), u"KRW"_s);
        EXPECT_FALSE(entry.koreanName.isEmpty());
        EXPECT_FALSE(entry.englishName.isEmpty());
        EXPECT_EQ(entry.source, MarketCatalog::Source::Bundled);
        // The flags as of when the list was written (scripts read NONE or CAUTION, never null).
        EXPECT_EQ(entry.warning, u"NONE"_s);
    }
}
