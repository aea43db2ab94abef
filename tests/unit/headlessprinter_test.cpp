#include "headlessprinter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>

using namespace ticker;
using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace {

Tick sampleTick()
{
    Tick tick;
    tick.market = *MarketId::fromV1("BTC_KRW");
    tick.priceText = u"130112000.0"_s;
    tick.price = 130112000.0;
    tick.changeAmount = -1410000.5;
    tick.changePercent = 1.0955541;
    tick.exchangeTimeMs = 1'795'528'198'412; // 2026-11-24T13:49:58.412Z
    tick.receivedMs = 1'795'528'198'431;
    return tick; // volume unknown
}

} // namespace

TEST(HeadlessPrinter, LineIsOneJsonObjectWithTheContractFields)
{
    const QByteArray line = HeadlessPrinter::toJsonLine(sampleTick(), u"KRW-BTC"_s);
    ASSERT_TRUE(line.endsWith('\n'));
    EXPECT_EQ(line.count('\n'), 1);
    const json object = json::parse(line.toStdString());
    EXPECT_EQ(object["symbol"], "KRW-BTC");
    EXPECT_EQ(object["closePrice"], "130112000.0"); // the exact text, as a string
    EXPECT_DOUBLE_EQ(object["changeRate"].get<double>(), 1.0955541);
    EXPECT_DOUBLE_EQ(object["changeAmount"].get<double>(), -1410000.5);
    EXPECT_TRUE(object["volume"].is_null());
    EXPECT_EQ(object["time"], "2026-11-24T13:49:58.412Z");
    EXPECT_EQ(object["receivedAt"], "2026-11-24T13:49:58.431Z");
    // API 1.0 says nothing of the market's status: no status fields at all.
    EXPECT_FALSE(object.contains("marketState"));
    EXPECT_FALSE(object.contains("snapshot"));
}

// The wire's fraction times 100 is a percent with one bit of float noise; the line drops it.
TEST(HeadlessPrinter, AChangeRateIsThePercentTheWireMeantNotItsFloatNoise)
{
    Tick tick = sampleTick();
    for (const auto &[fraction, text] :
        {std::pair {0.00000769, "0.000769"}, std::pair {0.01775026, "1.775026"},
            std::pair {-0.00023191, "-0.023191"}, std::pair {0.0, "0"}}) {
        tick.changePercent = fraction * 100.0;
        const std::string line = HeadlessPrinter::toJsonLine(tick, u"BTC_KRW"_s).toStdString();
        EXPECT_NE(line.find(std::string(",\"changeRate\":") + text + ","), std::string::npos)
            << line;
    }
    // A ratio keeps fifteen digits: far beyond what a percent needs, and no noise.
    tick.changePercent = 1410000.0 / 128702000.0 * 100.0;
    const json object = json::parse(HeadlessPrinter::toJsonLine(tick, u"BTC_KRW"_s).toStdString());
    EXPECT_NEAR(object["changeRate"].get<double>(), tick.changePercent, 1e-14);
}

TEST(HeadlessPrinter, Api2LinesCarryTheMarketStatusAndTheSnapshotMark)
{
    Tick tick = sampleTick();
    tick.status.reported = true;
    tick.status.state = u"ACTIVE"_s;
    tick.status.tradingSuspended = false;
    tick.status.warning = u"NONE"_s;
    tick.snapshot = true;
    const json normal = json::parse(HeadlessPrinter::toJsonLine(tick, u"BTC_KRW"_s).toStdString());
    EXPECT_EQ(normal["marketState"], "ACTIVE");
    EXPECT_EQ(normal["tradingSuspended"], false);
    EXPECT_TRUE(normal["delistingDate"].is_null()); // "" on the wire
    EXPECT_EQ(normal["marketWarning"], "NONE");
    EXPECT_EQ(normal["snapshot"], true);
    EXPECT_EQ(normal["time"], "2026-11-24T13:49:58.412Z"); // still the trade's time

    tick.status.tradingSuspended = true;
    tick.status.delistingDate = QDate(2026, 12, 1);
    tick.status.warning = u"CAUTION"_s;
    tick.snapshot = false;
    const json grave = json::parse(HeadlessPrinter::toJsonLine(tick, u"BTC_KRW"_s).toStdString());
    EXPECT_EQ(grave["tradingSuspended"], true);
    EXPECT_EQ(grave["delistingDate"], "2026-12-01");
    EXPECT_EQ(grave["marketWarning"], "CAUTION");
    EXPECT_EQ(grave["snapshot"], false);
}

TEST(HeadlessPrinter, TimeFallsBackToReceiptAndPadsEveryField)
{
    Tick tick = sampleTick();
    tick.exchangeTimeMs = 0;
    tick.receivedMs = 946'684'800'007; // 2000-01-01T00:00:00.007Z
    const json object = json::parse(HeadlessPrinter::toJsonLine(tick, u"X"_s).toStdString());
    EXPECT_EQ(object["time"], "2000-01-01T00:00:00.007Z");
}

TEST(HeadlessPrinter, EscapesWhatWouldBreakTheLine)
{
    const QByteArray line = HeadlessPrinter::toJsonLine(sampleTick(), u"a\"b\\c\nd"_s);
    EXPECT_EQ(line.count('\n'), 1);
    EXPECT_EQ(json::parse(line.toStdString())["symbol"], "a\"b\\c\nd");
}

TEST(HeadlessPrinter, StopsAtTheLimitAndSaysSo)
{
    std::FILE *out = std::tmpfile();
    ASSERT_NE(out, nullptr);
    HeadlessPrinter printer({{*MarketId::fromV1("BTC_KRW"), u"btc_krw"_s}}, out, 2);
    int reached = 0;
    QObject::connect(&printer, &HeadlessPrinter::limitReached, [&] { ++reached; });
    printer.print({sampleTick(), sampleTick(), sampleTick()});
    printer.print({sampleTick()});
    EXPECT_EQ(printer.printed(), 2);
    EXPECT_EQ(reached, 1);
    std::rewind(out);
    char buffer[1024];
    int lines = 0;
    while (std::fgets(buffer, sizeof buffer, out)) {
        EXPECT_EQ(json::parse(buffer)["symbol"], "btc_krw");
        ++lines;
    }
    EXPECT_EQ(lines, 2);
    std::fclose(out);
}
