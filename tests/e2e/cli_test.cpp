// The command line as scripts use it: the real binary in a child process.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakerestserver.h"
#include "common.h"
#include "proxiedexchange.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <iostream>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace {

std::vector<json> jsonLines(const QByteArray &output)
{
    std::vector<json> lines;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.isEmpty())
            lines.push_back(json::parse(line.toStdString())); // throws on a non-JSON line
    }
    return lines;
}

struct TickerRun
{
    int exitCode = -1;
    QByteArray out, err;
};

// Every run gets settings and a cache of its own unless the test gives it an environment: a
// developer's or CI's own files never change what a test sees.
QProcessEnvironment hermeticEnvironment()
{
    static QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/config"_s);
    environment.insert(u"XDG_CACHE_HOME"_s, home.path() + u"/cache"_s);
    return environment;
}

TickerRun runTicker(const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    process.setProcessEnvironment(environment.isEmpty() ? hermeticEnvironment() : environment);
    process.start(QStringLiteral(BITHUMB_TICKER_BINARY), arguments);
    EXPECT_TRUE(process.waitForFinished(processTimeoutMs));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

TEST(Cli, HeadlessDemoPrintsOneJsonObjectPerTick)
{
    const TickerRun run
        = runTicker({u"--demo"_s, u"--headless"_s, u"--exit-after"_s, u"3"_s, u"--stats"_s});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto lines = jsonLines(run.out);
    ASSERT_EQ(lines.size(), 3u) << run.out.toStdString();
    for (const auto &line : lines) {
        EXPECT_EQ(line["symbol"], "BTC_KRW");
        ASSERT_TRUE(line["closePrice"].is_string());
        EXPECT_GT(std::stod(line["closePrice"].get<std::string>()), 0);
        EXPECT_TRUE(line["changeRate"].is_number());
        EXPECT_TRUE(QDateTime::fromString(
            QString::fromStdString(line["time"].get<std::string>()), Qt::ISODateWithMs)
                        .isValid());
        // API 2.0 (the default) reports the market's status in every ticker.
        EXPECT_EQ(line["marketState"], "ACTIVE");
        EXPECT_EQ(line["tradingSuspended"], false);
        EXPECT_TRUE(line["delistingDate"].is_null());
        EXPECT_EQ(line["marketWarning"], "NONE");
    }
    // Subscribing brings the market's snapshot first, then live trades.
    EXPECT_EQ(lines[0]["snapshot"], true);
    EXPECT_EQ(lines[1]["snapshot"], false);
    // --stats: the counters as one JSON line on stderr, and nothing of it on stdout.
    const auto statsAt = run.err.lastIndexOf("{\"bytes\"");
    ASSERT_GE(statsAt, 0) << run.err.toStdString();
    const QByteArray statsLine = run.err.mid(statsAt).split('\n').constFirst();
    const json stats = json::parse(statsLine.toStdString());
    EXPECT_GE(stats["ticks"].get<int>(), 3);
    EXPECT_TRUE(stats["rejected"].is_object());
    EXPECT_EQ(stats["outOfOrder"], 0);
    EXPECT_TRUE(stats["droppedFields"].is_object());
}

class CliAgainstServer : public ::testing::TestWithParam<ApiVersion>
{
};

// What a script does: --url at a Bithumb-protocol server, every tick printed, in order, exact.
TEST_P(CliAgainstServer, PrintsEveryTickInOrderWithExactPrices)
{
    FakeExchange exchange;
    ASSERT_TRUE(exchange.listen());
    exchange.setStreamInterval(0);
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    const bool v1 = GetParam() == ApiVersion::V1;
    QProcess process;
    process.setProcessEnvironment(hermeticEnvironment());
    process.start(QStringLiteral(BITHUMB_TICKER_BINARY),
        {u"--headless"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s, u"--api"_s,
            v1 ? u"1"_s : u"2"_s, u"--url"_s, exchange.url(GetParam()).toString(), u"--symbols"_s,
            u"KRW-BTC,ETH_KRW"_s, u"--exit-after"_s, u"5"_s});
    ASSERT_TRUE(subscribed.wait(processTimeoutMs));
    // API 2.0 answers a subscription with one snapshot per market; start counting after them.
    const int snapshots = v1 ? 0 : 2;
    const QStringList prices {u"130112000"_s, u"4312000.5"_s, u"130113000"_s};
    exchange.publish(*MarketId::fromV1("BTC_KRW"), prices[0]);
    exchange.publish(*MarketId::fromV1("ETH_KRW"), prices[1]);
    exchange.publish(*MarketId::fromV1("BTC_KRW"), prices[2]);
    if (v1) { // two more so --exit-after 5 is reached on either API
        exchange.publish(*MarketId::fromV1("ETH_KRW"), u"4312001"_s);
        exchange.publish(*MarketId::fromV1("BTC_KRW"), u"130114000"_s);
    }
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, processTimeoutMs));
    EXPECT_EQ(process.exitCode(), 0);
    const auto lines = jsonLines(process.readAllStandardOutput());
    ASSERT_EQ(lines.size(), 5u);
    for (int i = 0; i < prices.size(); ++i)
        EXPECT_EQ(lines[std::size_t(snapshots + i)]["closePrice"], prices[i].toStdString());
    EXPECT_EQ(lines[std::size_t(snapshots)]["symbol"], "KRW-BTC"); // as the user spelled it
    EXPECT_EQ(lines[std::size_t(snapshots + 1)]["symbol"], "ETH_KRW");
}

INSTANTIATE_TEST_SUITE_P(BothApis, CliAgainstServer,
    ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "Api1" : "Api2"; });

TEST(Cli, RejectsBadOptionsWithExitCode2)
{
    for (const QStringList &arguments :
        {QStringList {u"--api"_s, u"3"_s}, QStringList {u"--symbols"_s, u"<x>"_s},
            QStringList {u"--tick-type"_s, u"2H"_s}, QStringList {u"--duration"_s, u"-1"_s},
            QStringList {u"--exit-after"_s, u"x"_s}, QStringList {u"--url"_s, u"http://x"_s},
            QStringList {u"--rest-url"_s, u"ws://x"_s}, QStringList {u"--range"_s, u"2d"_s},
            QStringList {u"--lang"_s, u"fr"_s}, QStringList {u"--no-such-option"_s}}) {
        const TickerRun run = runTicker(QStringList {u"--headless"_s} + arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_TRUE(run.out.isEmpty());
        EXPECT_FALSE(run.err.isEmpty());
    }
}

TEST(Cli, ABadLanguageIsNamed)
{
    const TickerRun run = runTicker({u"--headless"_s, u"--lang"_s, u"klingon"_s});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("--lang must be ko or en, not klingon")) << run.err.toStdString();
}

TEST(Cli, DemoWindowBackfillsTheChartFromTheDemoExchangesRestPaths)
{
    // The demo exchange's candles of the last 24 h: its minutes without trades have none, and
    // which minutes those are depends only on the market and the clock, not on the process.
    FakeExchange reference;
    ASSERT_TRUE(reference.listenRest());
    const auto candlesOfTheDay = [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto candles = reference.rest()->history(*MarketId::fromV1("BTC_KRW"), now);
        return int(std::count_if(candles.cbegin(), candles.cend(),
            [now](const Candle &c) { return c.startMs >= now - 24 * 3600'000; }));
    };
    static const QRegularExpression backfilled(
        u"backfilled ([0-9]+) minutes of BTC_KRW in ([0-9]+) requests?"_s);
    for (const char *api : {"1", "2"}) {
        const int before = candlesOfTheDay();
        const TickerRun run = runTicker({u"--demo"_s, u"--api"_s, QString::fromLatin1(api),
            u"--range"_s, u"24h"_s, u"--duration"_s, u"2.5"_s});
        const int after = candlesOfTheDay();
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        EXPECT_FALSE(run.err.contains("unavailable")) << run.err.toStdString();
        const auto match = backfilled.match(QString::fromUtf8(run.err));
        ASSERT_TRUE(match.hasMatch()) << run.err.toStdString();
        // A minute may have begun or ended the window while the process ran.
        const int minutes = match.captured(1).toInt();
        EXPECT_GE(minutes, std::min(before, after) - 1) << run.err.toStdString();
        EXPECT_LE(minutes, std::max(before, after) + 1) << run.err.toStdString();
        EXPECT_LT(minutes, 1440);
        const int requests = match.captured(2).toInt();
        EXPECT_EQ(requests, api == std::string_view("1") ? 1 : minutes / 200 + 1)
            << run.err.toStdString();
    }
}

TEST(Cli, DurationQuitsCleanly)
{
    const TickerRun run = runTicker({u"--demo"_s, u"--headless"_s, u"--duration"_s, u"0.5"_s});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
}

// --heartbeat as a script uses it: a server that freezes mid-stream is redialled within three
// heartbeats; a quiet but live one keeps its single link. TICKER_CLI_HEARTBEAT (seconds,
// default 0.1) lets a person run the same check with --heartbeat 1.
class CliHeartbeat : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(link.listen());
        const QByteArray fromEnv = qgetenv("TICKER_CLI_HEARTBEAT");
        heartbeatSeconds = fromEnv.isEmpty() ? 0.1 : fromEnv.toDouble();
    }

    void start(double durationSeconds)
    {
        const QUrl url = link.proxiedUrl(ApiVersion::V2);
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        process.start(QStringLiteral(BITHUMB_TICKER_BINARY),
            {u"--headless"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s, u"--url"_s, url.toString(),
                u"--heartbeat"_s, QString::number(heartbeatSeconds), u"--duration"_s,
                QString::number(durationSeconds)});
        ASSERT_TRUE(subscribed.wait(processTimeoutMs));
    }

    void finish()
    {
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return process.state() == QProcess::NotRunning; }, processTimeoutMs + 20000));
        EXPECT_EQ(process.exitCode(), 0);
        stderrText = process.readAllStandardError();
    }

    test::ProxiedExchange link;
    FakeExchange &exchange = link.exchange;
    std::unique_ptr<TcpFaultProxy> &proxy = link.proxy;
    double heartbeatSeconds = 0.1;
    QProcess process;
    QByteArray stderrText;
};

TEST_F(CliHeartbeat, FrozenServerIsRedialledWithinThreeHeartbeats)
{
    start(heartbeatSeconds * 8 + 2); // room for the first backoff step
    QSignalSpy dialled(proxy.get(), &TcpFaultProxy::connectionAccepted);
    QElapsedTimer frozenFor;
    proxy->setMode(TcpFaultProxy::Mode::Freeze);
    frozenFor.start();
    ASSERT_TRUE(dialled.wait(processTimeoutMs));
    const qint64 elapsed = frozenFor.elapsed();
    std::cout << "--heartbeat " << heartbeatSeconds << ": redialled " << elapsed
              << " ms after the freeze\n";
    // Dead after two silent heartbeats, seen within a quarter heartbeat, retried after the
    // 250 ms floor: inside three heartbeats for --heartbeat 1. Plus scheduling slack.
    EXPECT_LE(elapsed, qint64(2.25 * heartbeatSeconds * 1000) + 250 + 300);
    proxy->setMode(TcpFaultProxy::Mode::Forward);
    finish();
    EXPECT_TRUE(stderrText.contains("link lost (no answer from the server)"))
        << stderrText.toStdString();
}

TEST_F(CliHeartbeat, QuietServerKeepsItsOneLink)
{
    start(heartbeatSeconds * 8);
    finish();
    EXPECT_EQ(proxy->accepted(), 1);
    EXPECT_FALSE(stderrText.contains("link lost")) << stderrText.toStdString();
}

namespace {

// A cache of its own for a --list-markets run (XDG_CACHE_HOME), empty to start with.
QProcessEnvironment withCacheHome(const QTemporaryDir &cacheHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CACHE_HOME"_s, cacheHome.path());
    return environment;
}

// Every line has exactly the six fields of the contract.
void expectListingLines(const std::vector<json> &lines, const char *source)
{
    for (const json &line : lines) {
        ASSERT_EQ(line.size(), 6u) << line.dump();
        for (const char *key : {"market", "symbol", "koreanName", "englishName", "source"})
            ASSERT_TRUE(line[key].is_string()) << key << " in " << line.dump();
        ASSERT_TRUE(line.contains("warning")) << line.dump();
        EXPECT_EQ(line["source"], source);
        const auto market = MarketId::fromV2(line["market"].get<std::string>());
        ASSERT_TRUE(market) << line.dump();
        EXPECT_EQ(line["symbol"], market->toV1().toStdString());
    }
}

} // namespace

TEST(Cli, ListMarketsWithTheDemoPrintsTheExchangesCatalogue)
{
    QTemporaryDir cacheHome;
    const TickerRun run = runTicker({u"--demo"_s, u"--list-markets"_s}, withCacheHome(cacheHome));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto lines = jsonLines(run.out);
    ASSERT_EQ(lines.size(), 493u);
    expectListingLines(lines, "exchange");
    EXPECT_EQ(lines[0], json::parse(R"({"market":"KRW-BTC","symbol":"BTC_KRW",
        "koreanName":"비트코인","englishName":"Bitcoin","warning":"NONE","source":"exchange"})"));
    bool pepeSeen = false;
    for (const json &line : lines) {
        EXPECT_TRUE(line["warning"] == "NONE" || line["warning"] == "CAUTION") << line.dump();
        if (line["market"] == "KRW-PEPE") {
            pepeSeen = true;
            EXPECT_EQ(line["warning"], "CAUTION");
        }
    }
    EXPECT_TRUE(pepeSeen);

    // The next run whose exchange is gone prints the cache this one wrote.
    const TickerRun cached = runTicker(
        {u"--list-markets"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s}, withCacheHome(cacheHome));
    ASSERT_EQ(cached.exitCode, 0) << cached.err.toStdString();
    const auto cachedLines = jsonLines(cached.out);
    ASSERT_EQ(cachedLines.size(), 493u);
    expectListingLines(cachedLines, "cache");
}

TEST(Cli, ListMarketsWithNoExchangeAndNoCachePrintsTheBundledList)
{
    QTemporaryDir cacheHome;
    QTcpServer server; // a port nothing listens on once closed
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    const QString url = u"http://127.0.0.1:%1"_s.arg(server.serverPort());
    server.close();
    QElapsedTimer timer;
    timer.start();
    const TickerRun run
        = runTicker({u"--list-markets"_s, u"--rest-url"_s, url}, withCacheHome(cacheHome));
    EXPECT_LT(timer.elapsed(), 12'000); // the refresh gives up within 10 s
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const auto lines = jsonLines(run.out);
    ASSERT_GE(lines.size(), 30u);
    expectListingLines(lines, "bundled");
    EXPECT_EQ(lines[0]["symbol"], "BTC_KRW");
    EXPECT_EQ(lines[0]["koreanName"], "비트코인");
    EXPECT_EQ(lines[0]["warning"], "NONE"); // as of when the bundled list was written
}

TEST(Cli, AMarketTheExchangeDoesNotListExitsWithCodeTwoAndNamesIt)
{
    QTemporaryDir cacheHome;
    // The demo exchange's list is fresh: refused before any link is opened.
    const TickerRun fresh = runTicker({u"--demo"_s, u"--headless"_s, u"--symbols"_s,
                                          u"BTC_KRW,KRW-NOPE"_s, u"--duration"_s, u"5"_s},
        withCacheHome(cacheHome));
    EXPECT_EQ(fresh.exitCode, 2);
    EXPECT_TRUE(fresh.err.contains("not listed on Bithumb: NOPE_KRW")) << fresh.err.toStdString();
    EXPECT_TRUE(fresh.out.isEmpty());

    // That run cached the list: with the exchange gone, the cache refuses it just the same.
    const TickerRun cached = runTicker(
        {u"--headless"_s, u"--symbols"_s, u"NOPE_KRW"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s,
            u"--url"_s, u"ws://127.0.0.1:1"_s, u"--duration"_s, u"5"_s},
        withCacheHome(cacheHome));
    EXPECT_EQ(cached.exitCode, 2);
    EXPECT_TRUE(cached.err.contains("NOPE_KRW")) << cached.err.toStdString();
}

TEST(Cli, WithOnlyTheBundledListAnUnknownMarketRunsWithAWarning)
{
    QTemporaryDir cacheHome;
    FakeExchange exchange;
    ASSERT_TRUE(exchange.listen());
    const TickerRun run = runTicker(
        {u"--headless"_s, u"--symbols"_s, u"NOPE_KRW"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s,
            u"--url"_s, exchange.url(ApiVersion::V2).toString(), u"--duration"_s, u"1"_s},
        withCacheHome(cacheHome));
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("NOPE_KRW is not in the bundled list")) << run.err.toStdString();
}

TEST(Cli, TheWindowKeepsItsSettingsAndACommandLineRunLeavesThemAlone)
{
    QTemporaryDir home;
    QProcessEnvironment environment = withCacheHome(home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home.path());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const QString file = home.path() + u"/bithumb-ticker/bithumb-ticker.conf"_s;
    {
        QSettings saved(file, QSettings::IniFormat);
        saved.setValue(u"watchlist/markets"_s, QStringList {u"KRW-ETH"_s, u"KRW-XRP"_s});
    }
    const TickerRun run
        = runTicker({u"--demo"_s, u"--no-backfill"_s, u"--duration"_s, u"1"_s}, environment);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    // The saved watchlist was what it subscribed.
    EXPECT_TRUE(run.err.contains(R"(\"codes\":[\"KRW-ETH\",\"KRW-XRP\"])"))
        << run.err.toStdString();
    const TickerRun overridden = runTicker(
        {u"--demo"_s, u"--no-backfill"_s, u"--symbols"_s, u"SOL_KRW"_s, u"--duration"_s, u"1"_s},
        environment);
    ASSERT_EQ(overridden.exitCode, 0) << overridden.err.toStdString();
    EXPECT_TRUE(overridden.err.contains(R"(\"codes\":[\"KRW-SOL\"])"))
        << overridden.err.toStdString();
    QSettings after(file, QSettings::IniFormat);
    EXPECT_EQ(after.value(u"watchlist/markets"_s).toStringList(),
        (QStringList {u"KRW-ETH"_s, u"KRW-XRP"_s}));
    EXPECT_FALSE(after.value(u"window/geometry"_s).toByteArray().isEmpty()); // saved at quit
    EXPECT_FALSE(after.value(u"watchlist/columns"_s).toByteArray().isEmpty());
}

// --alert: a crossing prints one JSON line beside the ticks, once; the market's old snapshot
// (already beyond, but two hours old) and a market subscribed only for the alert print nothing.
TEST(Cli, AlertPrintsOneLineWhenThePriceCrosses)
{
    FakeExchange exchange;
    ASSERT_TRUE(exchange.listen());
    exchange.setStreamInterval(0);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    exchange.publish(btc, u"140000000"_s, now - 2 * 3600'000);
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    QProcess process;
    process.setProcessEnvironment(hermeticEnvironment());
    process.start(QStringLiteral(BITHUMB_TICKER_BINARY),
        {u"--headless"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s, u"--url"_s,
            exchange.url(ApiVersion::V2).toString(), u"--symbols"_s, u"ETH_KRW"_s, u"--alert"_s,
            u"BTC_KRW>135000000"_s, u"--exit-after"_s, u"2"_s});
    ASSERT_TRUE(subscribed.wait(processTimeoutMs));
    // After the snapshots' trades: the fake stamps a market's first trade when it is asked for.
    const qint64 later = QDateTime::currentMSecsSinceEpoch() + 1000;
    const qint64 crossed = later + 2;
    exchange.publish(btc, u"134000000"_s, later + 1);
    exchange.publish(btc, u"135000000"_s, crossed);
    exchange.publish(btc, u"136000000"_s, later + 3);
    exchange.publish(eth, u"4312000"_s, later + 4);
    const bool exited = QTest::qWaitFor(
        [&] { return process.state() == QProcess::NotRunning; }, processTimeoutMs);
    ASSERT_TRUE(exited) << process.readAllStandardOutput().toStdString()
                        << process.readAllStandardError().toStdString();
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QByteArray out = process.readAllStandardOutput();
    QByteArrayList alertLines, tickSymbols;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("{\"alert\""))
            alertLines.append(line);
        else if (!line.isEmpty())
            tickSymbols.append(QByteArray::fromStdString(
                json::parse(line.toStdString())["symbol"].get<std::string>()));
    }
    const QByteArray time
        = QDateTime::fromMSecsSinceEpoch(crossed, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    ASSERT_EQ(alertLines.size(), 1) << out.toStdString();
    EXPECT_EQ(alertLines[0],
        "{\"alert\":\"BTC_KRW>135000000\",\"symbol\":\"BTC_KRW\",\"closePrice\":\"135000000\","
        "\"time\":\""
            + time + "\"}");
    EXPECT_EQ(tickSymbols, QByteArrayList({"ETH_KRW", "ETH_KRW"})) << out.toStdString();
}

TEST(Cli, MalformedAlertExitsTwoNamingIt)
{
    const TickerRun run = runTicker({u"--headless"_s, u"--demo"_s, u"--alert"_s, u"BTC_KRW>1e8"_s});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("BTC_KRW>1e8")) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty());
}

TEST(Cli, AnAlertOnAMarketTheExchangeDoesNotListExitsTwoNamingIt)
{
    QTemporaryDir cacheHome;
    // An alert that could never fire must not sit silently: refused like --symbols.
    const TickerRun run = runTicker({u"--demo"_s, u"--headless"_s, u"--symbols"_s, u"BTC_KRW"_s,
                                        u"--alert"_s, u"NOPE_KRW>1"_s, u"--duration"_s, u"5"_s},
        withCacheHome(cacheHome));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("not listed on Bithumb: NOPE_KRW")) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty());
}

// --compact starts the window compact; the saved alerts are watched (their market subscribed)
// beside a run-only --alert, and fire in the window.
TEST(Cli, CompactStartsAndSavedAlertsAreWatched)
{
    QTemporaryDir home;
    QProcessEnvironment environment = withCacheHome(home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home.path());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no desktop's notifications
    const QString file = home.path() + u"/bithumb-ticker/bithumb-ticker.conf"_s;
    {
        QSettings saved(file, QSettings::IniFormat);
        saved.setValue(u"alerts/specs"_s, QStringList {u"ETH_KRW>1"_s});
    }
    const TickerRun run = runTicker({u"--demo"_s, u"--no-backfill"_s, u"--compact"_s, u"--alert"_s,
                                        u"XRP_KRW>1"_s, u"--duration"_s, u"2"_s},
        environment);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("compact window at")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("alert ETH_KRW>1 fired")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("alert XRP_KRW>1 fired")) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("alerts notify by the window only")) << run.err.toStdString();
    // The run-only alert was not saved.
    QSettings after(file, QSettings::IniFormat);
    EXPECT_EQ(after.value(u"alerts/specs"_s).toStringList(), QStringList {u"ETH_KRW>1"_s});
}
