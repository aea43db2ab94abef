#include "appoptions.h"
#include "appsettings.h"
#include "common.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

const MarketId xrp = *MarketId::fromV1("XRP_KRW");

AppOptions options(const QStringList &arguments)
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
        settings.setWindowState("geometry", "splitter", "columns");
        settings.setLanguage(UiLanguage::Korean);
        settings.sync();
    }
    const AppSettings restarted(file());
    EXPECT_EQ(restarted.watchlist(), (QList<MarketId> {eth, btc, xrp})); // and its order
    EXPECT_EQ(restarted.shownMarket(), eth);
    EXPECT_EQ(restarted.chartSpanMs(), 3'600'000);
    EXPECT_EQ(restarted.geometry(), "geometry");
    EXPECT_EQ(restarted.splitterState(), "splitter");
    EXPECT_EQ(restarted.watchlistColumns(), "columns");
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
    EXPECT_EQ(options({u"--lang"_s, u"ko"_s}).language, UiLanguage::Korean);
    EXPECT_EQ(options({u"--lang"_s, u"en"_s}).language, UiLanguage::English);
    EXPECT_EQ(options({}).language, std::nullopt);
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
    AppOptions plain = options({});
    settings.applyTo(plain);
    EXPECT_EQ(plain.feed.markets, (QList<MarketId> {eth, xrp})); // the bad entry is dropped
    EXPECT_EQ(plain.shownMarket, xrp);
    EXPECT_EQ(plain.feed.api, ApiVersion::V1);
    EXPECT_EQ(plain.feed.tickType, u"1H");
    EXPECT_EQ(plain.chartSpanMs, 3'600'000);

    AppOptions given = options({u"--symbols"_s, u"BTC_KRW"_s, u"--api"_s, u"2"_s, u"--tick-type"_s,
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

TEST_F(AppSettingsTest, AlertsAndTheirBandAndSnoozeSurviveARestart)
{
    const auto spec
        = [](const QString &text) { return std::get<AlertSpec>(AlertSpec::parse(text)); };
    {
        const AppSettings fresh(file());
        EXPECT_TRUE(fresh.alerts().isEmpty());
        EXPECT_EQ(fresh.alertHysteresisPercent(), 0.5);
        EXPECT_EQ(fresh.alertSnoozeMinutes(), 10);
        AppSettings settings(file());
        settings.setAlerts({spec(u"BTC_KRW>135000000"_s), spec(u"KRW-ETH%5/10m"_s)});
        settings.setAlertHysteresisPercent(1.25);
        settings.setAlertSnoozeMinutes(30);
        settings.sync();
    }
    const AppSettings restarted(file());
    const QList<AlertSpec> alerts = restarted.alerts();
    ASSERT_EQ(alerts.size(), 2);
    EXPECT_EQ(alerts[0].text, u"BTC_KRW>135000000"_s); // as written, in order
    EXPECT_EQ(alerts[0].threshold, 135000000);
    EXPECT_EQ(alerts[1].text, u"KRW-ETH%5/10m"_s);
    EXPECT_EQ(alerts[1].windowMs, 10 * 60'000);
    EXPECT_EQ(restarted.alertHysteresisPercent(), 1.25);
    EXPECT_EQ(restarted.alertSnoozeMinutes(), 30);
}

TEST_F(AppSettingsTest, ASavedAlertThatNoLongerParsesIsSkippedAndOutOfRangeValuesAreNotUsed)
{
    {
        QSettings raw(file(), QSettings::IniFormat);
        raw.setValue(u"alerts/specs"_s, QStringList {u"nonsense"_s, u"BTC_KRW<5"_s});
        raw.setValue(u"alerts/hysteresisPercent"_s, -3);
        raw.setValue(u"alerts/snoozeMinutes"_s, u"soon"_s);
    }
    const AppSettings settings(file());
    ASSERT_EQ(settings.alerts().size(), 1);
    EXPECT_EQ(settings.alerts()[0].text, u"BTC_KRW<5"_s);
    EXPECT_EQ(settings.alertHysteresisPercent(), 0.5);
    EXPECT_EQ(settings.alertSnoozeMinutes(), 10);
}

TEST_F(AppSettingsTest, TrayAndCompactChoicesSurviveARestartAndPositionsArePerScreen)
{
    {
        const AppSettings fresh(file());
        EXPECT_TRUE(fresh.closesToTray(true)); // on by default only where a tray exists
        EXPECT_FALSE(fresh.closesToTray(false));
        EXPECT_FALSE(fresh.trayShowsPrice());
        EXPECT_FALSE(fresh.compactTranslucent());
        EXPECT_FALSE(fresh.compactPosition(u"HDMI-1"_s));
        AppSettings settings(file());
        settings.setClosesToTray(false);
        settings.setTrayShowsPrice(true);
        settings.setCompactTranslucent(true);
        settings.setCompactPosition(u"HDMI-1"_s, {40, 60});
        settings.setCompactPosition(u"DP/2"_s, {1900, 10}); // a '/' is no settings group
        settings.sync();
    }
    const AppSettings restarted(file());
    EXPECT_FALSE(restarted.closesToTray(true));
    EXPECT_TRUE(restarted.trayShowsPrice());
    EXPECT_TRUE(restarted.compactTranslucent());
    EXPECT_EQ(restarted.compactPosition(u"HDMI-1"_s), QPoint(40, 60));
    EXPECT_EQ(restarted.compactPosition(u"DP/2"_s), QPoint(1900, 10));
    EXPECT_FALSE(restarted.compactPosition(u"DP"_s));
}
