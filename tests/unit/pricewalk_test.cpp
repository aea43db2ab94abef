#include "bithumbticker/pricewalk.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

TEST(PriceWalk, DecimalTextRoundTrips)
{
    for (const char *text : {"130112000", "0.0123", "4312000.5", "0.00000001", "-2000"}) {
        const auto units = PriceWalk::fromText(QString::fromLatin1(text));
        ASSERT_TRUE(units) << text;
        EXPECT_EQ(PriceWalk::toText(*units), QString::fromLatin1(text));
    }
    EXPECT_FALSE(PriceWalk::fromText(u"1e5"_s));
    EXPECT_FALSE(PriceWalk::fromText(u"0.000000001"_s)); // finer than 1e-8
}

TEST(PriceWalk, StepsStayOnTheTickGridAndAboveZero)
{
    PriceWalk walk(42);
    for (const char *name : {"BTC_KRW", "SHIB_KRW", "XRP_KRW"}) {
        const auto market = *MarketId::fromV1(name);
        for (int i = 0; i < 2000; ++i) {
            const auto &quote = walk.step(market, 1'795'528'198'000 + i);
            const qint64 tick = PriceWalk::tickSize(quote.price);
            ASSERT_GT(quote.price, 0);
            ASSERT_EQ(quote.price % tick, 0) << name << " " << quote.priceText.toStdString();
            ASSERT_EQ(PriceWalk::fromText(quote.priceText), quote.price);
            ASSERT_LE(quote.low, quote.price);
            ASSERT_GE(quote.high, quote.price);
        }
    }
}

TEST(PriceWalk, ScriptedPricesAreExact)
{
    PriceWalk walk;
    const auto market = *MarketId::fromV1("BTC_KRW");
    EXPECT_TRUE(walk.set(market, u"130113000"_s, 1'795'528'198'000));
    EXPECT_EQ(walk.current(market).priceText, u"130113000");
    EXPECT_EQ(walk.current(market).tradeTimeMs, 1'795'528'198'000);
    EXPECT_FALSE(walk.set(market, u"abc"_s, 1'795'528'199'000));
    EXPECT_FALSE(walk.set(market, u"0"_s, 1'795'528'199'000));
    EXPECT_EQ(walk.current(market).tradeTimeMs, 1'795'528'198'000); // no trade took place
}
