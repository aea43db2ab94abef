#include "appoptions.h"
#include "appsettings.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

const MarketId btc = *MarketId::fromV1("BTC_KRW");
const MarketId eth = *MarketId::fromV1("ETH_KRW");
const MarketId xrp = *MarketId::fromV1("XRP_KRW");

AppOptions parse(const QStringList &arguments)
{
    int exitCode = 0;
    QString error;
    auto options = AppOptions::fromArguments(
        QStringList {u"bithumb-ticker"_s} + arguments, &exitCode, &error);
    EXPECT_TRUE(options) << error.toStdString();
    return options.value_or(AppOptions {});
}

class AppSettingsTest : public ::testing::Test
{
protected:
    QString file() const { return dir.filePath(u"bithumb-ticker.conf"_s); }
    QTemporaryDir dir;
};

} // namespace

TEST_F(AppSettingsTest, WhatTheUserChoseSurvivesARestart)
{
    {
        AppSettings settings(file());
        settings.setWatchlist({eth, btc, xrp});
        settings.setShownMarket(eth);
        settings.setChartSpanMs(3'600'000);
        settings.setWindowState("geometry", "splitter");
        settings.setLanguage(UiLanguage::Korean);
        settings.sync();
    }
    const AppSettings restarted(file());
    EXPECT_EQ(restarted.watchlist(), (QList<MarketId> {eth, btc, xrp})); // and its order
    EXPECT_EQ(restarted.shownMarket(), eth);
    EXPECT_EQ(restarted.chartSpanMs(), 3'600'000);
    EXPECT_EQ(restarted.geometry(), "geometry");
    EXPECT_EQ(restarted.splitterState(), "splitter");
    EXPECT_EQ(restarted.language(), UiLanguage::Korean);
}

TEST_F(AppSettingsTest, TheLanguageFollowsTheSystemUntilChosenAndSurvivesNonsense)
{
    EXPECT_EQ(AppSettings(file()).language(), UiLanguage::System);
    {
        QSettings raw(file(), QSettings::IniFormat);
        raw.setValue(u"window/language"_s, u"klingon"_s);
    }
    EXPECT_EQ(AppSettings(file()).language(), UiLanguage::System);
    // --lang is for this run: it parses, and leaves the saved choice alone.
    EXPECT_EQ(parse({u"--lang"_s, u"ko"_s}).language, UiLanguage::Korean);
    EXPECT_EQ(parse({u"--lang"_s, u"en"_s}).language, UiLanguage::English);
    EXPECT_EQ(parse({}).language, std::nullopt);
    AppSettings settings(file());
    settings.setLanguage(UiLanguage::English);
    settings.sync();
    EXPECT_EQ(AppSettings(file()).language(), UiLanguage::English);
}

TEST_F(AppSettingsTest, TwoInstancesAtOnceKeepEachOthersChanges)
{
    AppSettings first(file());
    AppSettings second(file());
    first.setWatchlist({btc, eth});
    second.setChartSpanMs(86'400'000);
    first.sync();
    second.sync(); // merges with what the first wrote instead of replacing the file
    const AppSettings after(file());
    EXPECT_EQ(after.watchlist(), (QList<MarketId> {btc, eth}));
    EXPECT_EQ(after.chartSpanMs(), 86'400'000);
}

TEST_F(AppSettingsTest, TheCommandLineOverridesForThisRunOnly)
{
    {
        QSettings raw(file(), QSettings::IniFormat);
        raw.setValue(
            u"watchlist/markets"_s, QStringList {u"KRW-ETH"_s, u"<b>x</b>"_s, u"KRW-XRP"_s});
        raw.setValue(u"window/shownMarket"_s, u"KRW-XRP"_s);
        raw.setValue(u"feed/api"_s, u"1"_s);
        raw.setValue(u"feed/tickType"_s, u"1h"_s);
        raw.setValue(u"window/chartSpanMs"_s, 3'600'000);
    }
    const AppSettings settings(file());
    AppOptions plain = parse({});
    settings.applyTo(plain);
    EXPECT_EQ(plain.feed.markets, (QList<MarketId> {eth, xrp})); // the bad entry is dropped
    EXPECT_EQ(plain.shownMarket, xrp);
    EXPECT_EQ(plain.feed.api, ApiVersion::V1);
    EXPECT_EQ(plain.feed.tickType, u"1H");
    EXPECT_EQ(plain.chartSpanMs, 3'600'000);

    AppOptions given = parse({u"--symbols"_s, u"BTC_KRW"_s, u"--api"_s, u"2"_s, u"--tick-type"_s,
        u"24H"_s, u"--range"_s, u"5m"_s});
    settings.applyTo(given);
    EXPECT_EQ(given.feed.markets, QList<MarketId> {btc});
    EXPECT_FALSE(given.shownMarket.isValid());
    EXPECT_EQ(given.feed.api, ApiVersion::V2);
    EXPECT_EQ(given.feed.tickType, u"24H");
    EXPECT_EQ(given.chartSpanMs, 5 * 60'000);
    // Reading is not writing: the saved list is as it was.
    EXPECT_EQ(AppSettings(file()).watchlist(), (QList<MarketId> {eth, xrp}));
}
