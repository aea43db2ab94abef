#include "bithumbticker/marketid.h"

#include <gtest/gtest.h>

using namespace ticker;

TEST(MarketId, AcceptsBothUserSpellingsAsOneMarket)
{
    const auto v1 = MarketId::fromUser(u"BTC_KRW");
    const auto v2 = MarketId::fromUser(u"KRW-BTC");
    const auto lower = MarketId::fromUser(u"  btc_krw ");
    ASSERT_TRUE(v1 && v2 && lower);
    EXPECT_EQ(*v1, *v2);
    EXPECT_EQ(*v1, *lower);
    EXPECT_EQ(v1->base(), u"BTC");
    EXPECT_EQ(v1->quote(), u"KRW");
    EXPECT_EQ(v2->toV1(), u"BTC_KRW");
    EXPECT_EQ(v1->toV2(), u"KRW-BTC");
}

TEST(MarketId, WireSpellingsAreStrict)
{
    EXPECT_TRUE(MarketId::fromV1("ETH_KRW"));
    EXPECT_TRUE(MarketId::fromV2("KRW-ETH"));
    EXPECT_FALSE(MarketId::fromV1("eth_krw")); // the wire is upper case
    EXPECT_FALSE(MarketId::fromV1("KRW-ETH")); // the other API's spelling
    EXPECT_FALSE(MarketId::fromV2("ETH_KRW"));
}

TEST(MarketId, RejectsMalformedNames)
{
    for (const char *bad : {"", "_", "BTC_", "_KRW", "BTCKRW", "BTC_KRW_X", "<b>BTC</b>_KRW",
             "BTC KRW", "ABCDEFGHIJKLMNOPQ_KRW", "BTC_KR\xC3\xA9"}) {
        EXPECT_FALSE(MarketId::fromV1(bad)) << bad;
        EXPECT_FALSE(MarketId::fromUser(QString::fromUtf8(bad))) << bad;
    }
}

TEST(MarketId, HashesEqualMarketsAlike)
{
    EXPECT_EQ(qHash(*MarketId::fromV1("BTC_KRW")), qHash(*MarketId::fromV2("KRW-BTC")));
    EXPECT_NE(*MarketId::fromV1("BTC_KRW"), *MarketId::fromV1("ETH_KRW"));
}
