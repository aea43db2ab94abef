#include "bithumbticker/priceformat.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {
const QLocale english(QLocale::English, QLocale::UnitedStates);
const QLocale german(QLocale::German, QLocale::Germany);

Tick tickWith(const char *priceText, double amount, double percent)
{
    Tick tick;
    tick.priceText = QString::fromLatin1(priceText);
    tick.price = tick.priceText.toDouble();
    tick.changeAmount = amount;
    tick.changePercent = percent;
    return tick;
}
} // namespace

TEST(FormatPrice, GroupsThousandsFromTheExactText)
{
    EXPECT_EQ(formatPrice(u"130112000"_s, 130112000, english), u"130,112,000");
    EXPECT_EQ(formatPrice(u"130112000.0"_s, 130112000, english), u"130,112,000");
    EXPECT_EQ(formatPrice(u"4312000.50"_s, 4312000.5, english), u"4,312,000.5");
    EXPECT_EQ(formatPrice(u"130112000"_s, 130112000, german), u"130.112.000");
    EXPECT_EQ(formatPrice(u"4312000.5"_s, 4312000.5, german), u"4.312.000,5");
}

TEST(FormatPrice, SubWonCoinsKeepTheirSignificantDigits)
{
    EXPECT_EQ(formatPrice(u"0.00001234"_s, 0.00001234, english), u"0.00001234");
    EXPECT_EQ(formatPrice(u"0.0123"_s, 0.0123, english), u"0.0123");
    // An exponent on the wire is written out, never rounded to 0.00.
    EXPECT_EQ(formatPrice(u"1.234e-05"_s, 1.234e-05, english), u"0.00001234");
    EXPECT_EQ(formatPrice(QString(), 0.5, english), u"0.5");
}

TEST(FormatChange, SignsDigitsAndUnknowns)
{
    EXPECT_EQ(
        formatChange(tickWith("130112000", 1410000, 1.0955541), english), u"+1,410,000 (+1.10%)");
    EXPECT_EQ(formatChange(tickWith("0.0123", -0.0002, -1.6), english), u"-0.0002 (-1.60%)");
    EXPECT_EQ(formatChange(tickWith("5", -0.0, 0.0), english), u"0 (0.00%)");
    EXPECT_EQ(formatChange(tickWith("5", Tick::unknown, 2.5), english), u"+2.50%");
    EXPECT_EQ(formatChange(tickWith("5", Tick::unknown, Tick::unknown), english), u"\u2014"_s);
}

TEST(FormatChange, ThePercentIsFormattedOnceAndUsedAsGiven)
{
    EXPECT_EQ(formatChangePercent(1.0955541, english), u"+1.10%");
    EXPECT_EQ(formatChangePercent(-1.6, english), u"-1.60%");
    EXPECT_EQ(formatChangePercent(0.0, english), u"0.00%");
    EXPECT_EQ(formatChangePercent(Tick::unknown, english), QString());
    // The percent is the text given, not formatted again.
    EXPECT_EQ(formatChange(tickWith("130112000", 1410000, 1.0955541), english, u"+1.10%"_s),
        u"+1,410,000 (+1.10%)");
    EXPECT_EQ(formatChange(tickWith("5", Tick::unknown, 2.5), english, u"[2.50]"_s), u"[2.50]");
    EXPECT_EQ(formatChange(tickWith("5", 3, Tick::unknown), english, QString()), u"+3");
    EXPECT_EQ(
        formatChange(tickWith("5", Tick::unknown, Tick::unknown), english, QString()), u"\u2014"_s);
}

TEST(FractionDigits, IgnoresTrailingZeros)
{
    EXPECT_EQ(fractionDigits(u"130112000"_s), 0);
    EXPECT_EQ(fractionDigits(u"0.012300"_s), 4);
    EXPECT_EQ(fractionDigits(u"5.0"_s), 0);
}
