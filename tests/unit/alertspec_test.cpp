#include "bithumbticker/alertspec.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

AlertSpec parsed(const QString &text)
{
    const auto result = AlertSpec::parse(text);
    EXPECT_TRUE(std::holds_alternative<AlertSpec>(result)) << text.toStdString();
    return std::holds_alternative<AlertSpec>(result) ? std::get<AlertSpec>(result) : AlertSpec {};
}

std::optional<AlertSpec::Error> errorOf(const QString &text)
{
    const auto result = AlertSpec::parse(text);
    if (const auto *error = std::get_if<AlertSpec::Error>(&result))
        return *error;
    return std::nullopt;
}

} // namespace

TEST(AlertSpec, AboveKeepsTheExactThresholdTextAndTheSpelling)
{
    const AlertSpec alert = parsed(u"BTC_KRW>135000000"_s);
    EXPECT_EQ(alert.kind, AlertSpec::Kind::Above);
    EXPECT_EQ(alert.market, *MarketId::fromV1("BTC_KRW"));
    EXPECT_EQ(alert.marketText, u"BTC_KRW");
    EXPECT_EQ(alert.thresholdText, u"135000000");
    EXPECT_EQ(alert.threshold, 135000000.0);
    EXPECT_EQ(alert.text, u"BTC_KRW>135000000");
}

TEST(AlertSpec, BelowTakesEitherSpellingAnyCaseAndDecimals)
{
    const AlertSpec alert = parsed(u"krw-xrp<0.00001230"_s);
    EXPECT_EQ(alert.kind, AlertSpec::Kind::Below);
    EXPECT_EQ(alert.market, *MarketId::fromV1("XRP_KRW"));
    EXPECT_EQ(alert.marketText, u"krw-xrp"); // printed as written
    EXPECT_EQ(alert.thresholdText, u"0.00001230");
    EXPECT_DOUBLE_EQ(alert.threshold, 0.0000123);
}

TEST(AlertSpec, AMoveIsEitherWayUnlessSignedWithItsWindowInMilliseconds)
{
    const AlertSpec either = parsed(u"BTC_KRW%5/10m"_s);
    EXPECT_EQ(either.kind, AlertSpec::Kind::Move);
    EXPECT_EQ(either.direction, AlertSpec::Direction::Either);
    EXPECT_EQ(either.percent, 5.0);
    EXPECT_EQ(either.windowMs, 10 * 60'000);
    const AlertSpec up = parsed(u"ETH_KRW%+2.5/30s"_s);
    EXPECT_EQ(up.direction, AlertSpec::Direction::Up);
    EXPECT_EQ(up.percent, 2.5);
    EXPECT_EQ(up.windowMs, 30'000);
    const AlertSpec down = parsed(u"ETH_KRW%-10/1H"_s);
    EXPECT_EQ(down.direction, AlertSpec::Direction::Down);
    EXPECT_EQ(down.windowMs, 3600'000);
    EXPECT_EQ(parsed(u"BTC_KRW%1/24h"_s).windowMs, AlertSpec::maxWindowMs);
}

TEST(AlertSpec, MalformedSpecsSayWhy)
{
    using E = AlertSpec::Error;
    const std::vector<std::pair<QString, E>> cases {
        {u""_s, E::Empty},
        {u"   "_s, E::Empty},
        {u"BTC_KRW"_s, E::NoCondition},
        {u"BTC_KRW=100"_s, E::NoCondition},
        {u">100"_s, E::BadMarket},
        {u"BTCKRW>100"_s, E::BadMarket},
        {u"BTC_KRW>"_s, E::BadThreshold},
        {u"BTC_KRW>abc"_s, E::BadThreshold},
        {u"BTC_KRW>-5"_s, E::BadThreshold},
        {u"BTC_KRW>0"_s, E::BadThreshold},
        {u"BTC_KRW>0.000"_s, E::BadThreshold},
        {u"BTC_KRW>1e8"_s, E::BadThreshold},
        {u"BTC_KRW>135,000,000"_s, E::BadThreshold},
        {u"BTC_KRW>=100"_s, E::BadThreshold},
        {u"BTC_KRW>1."_s, E::BadThreshold},
        {u"BTC_KRW<.5"_s, E::BadThreshold},
        {u"BTC_KRW>100<90"_s, E::BadThreshold},
        {u"BTC_KRW%/10m"_s, E::BadPercent},
        {u"BTC_KRW%0/10m"_s, E::BadPercent},
        {u"BTC_KRW%x/10m"_s, E::BadPercent},
        {u"BTC_KRW%-100/10m"_s, E::BadPercent},
        {u"BTC_KRW%1001/10m"_s, E::BadPercent},
        {u"BTC_KRW%5"_s, E::MissingWindow},
        {u"BTC_KRW%5/"_s, E::BadWindow},
        {u"BTC_KRW%5/10"_s, E::BadWindow},
        {u"BTC_KRW%5/m"_s, E::BadWindow},
        {u"BTC_KRW%5/0m"_s, E::BadWindow},
        {u"BTC_KRW%5/10d"_s, E::BadWindow},
        {u"BTC_KRW%5/1.5m"_s, E::BadWindow},
        {u"BTC_KRW%5/25h"_s, E::BadWindow},
    };
    for (const auto &[text, error] : cases)
        EXPECT_EQ(errorOf(text), error) << text.toStdString();
}
