#include "appoptions.h"

#include "presentation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSslCertificate>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace ticker {

std::optional<AppOptions> AppOptions::fromArguments(
    const QStringList &arguments, int *exitCode, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Live Bithumb prices in a native window."_s);
    const auto help = parser.addHelpOption();
    const auto version = parser.addVersionOption();
    const QCommandLineOption api(
        u"api"_s, u"Bithumb WebSocket API: 2 (current) or 1 (pubwss)."_s, u"2|1"_s, u"2"_s);
    const QCommandLineOption url(u"url"_s, u"WebSocket endpoint instead of Bithumb's."_s, u"URL"_s);
    const QCommandLineOption symbols(u"symbols"_s,
        u"Markets, comma separated, as BTC_KRW or KRW-BTC."_s, u"A,B,..."_s, u"BTC_KRW"_s);
    const QCommandLineOption tickType(
        u"tick-type"_s, u"API 1.0 ticker window."_s, u"30M|1H|12H|24H|MID"_s, u"24H"_s);
    const QCommandLineOption demo(
        u"demo"_s, u"Connect to a built-in simulated exchange; no internet."_s);
    const QCommandLineOption headless(
        u"headless"_s, u"No window: one JSON object per tick per line on stdout."_s);
    const QCommandLineOption duration(u"duration"_s, u"Quit after this many seconds."_s, u"SECS"_s);
    const QCommandLineOption exitAfter(u"exit-after"_s, u"Quit after this many ticks."_s, u"N"_s);
    const QCommandLineOption stats(u"stats"_s, u"At exit print the feed's counters to stderr."_s);
    const QCommandLineOption heartbeat(u"heartbeat"_s,
        u"Ping every SECS; a link silent for two of them is redialled."_s, u"SECS"_s, u"20"_s);
    const QCommandLineOption caFile(u"ca-file"_s,
        u"PEM file of CA certificates trusted for wss:// besides the system's."_s, u"PATH"_s);
    const QCommandLineOption restUrl(u"rest-url"_s,
        u"REST base for history and market list instead of https://api.bithumb.com."_s, u"URL"_s);
    const QCommandLineOption noBackfill(
        u"no-backfill"_s, u"Start the chart from live ticks; fetch no history."_s);
    const QCommandLineOption range(u"range"_s,
        u"The chart's first range (the window's toggles change it)."_s, u"5m|1h|24h"_s, u"5m"_s);
    const QCommandLineOption listMarkets(u"list-markets"_s,
        u"Print the markets Bithumb lists, one JSON object per line, and exit."_s);
    const QCommandLineOption record(u"record"_s,
        u"Record every frame and link event to FILE (JSON lines; gzip if it ends in .gz)."_s,
        u"FILE"_s);
    const QCommandLineOption replay(u"replay"_s,
        u"Play a recording back through the built-in exchange instead of connecting."_s, u"FILE"_s);
    const QCommandLineOption speed(u"speed"_s,
        u"With --replay: X times the recorded pace; 0: as fast as possible."_s, u"X"_s, u"1"_s);
    const QCommandLineOption alert(u"alert"_s,
        u"Alert when MARKET>PRICE (at or above), MARKET<PRICE (at or below) or MARKET%X/WINDOW "
        "(a move of X % within WINDOW: 30s, 10m, 1h); repeatable."_s,
        u"SPEC"_s);
    const QCommandLineOption lang(u"lang"_s,
        u"The window's language for this run: ko (Korean) or en (English); default: the "
        "Language menu's choice, else the system's."_s,
        u"ko|en"_s);
    const QCommandLineOption compact(
        u"compact"_s, u"Start in the compact window (small, frameless, on top)."_s);
    parser.addOptions(
        {api, url, symbols, tickType, demo, headless, duration, exitAfter, stats, heartbeat, caFile,
            restUrl, noBackfill, range, listMarkets, record, replay, speed, alert, lang, compact});

    const auto fail = [&](const QString &message) {
        *exitCode = 2;
        *error = message;
        return std::nullopt;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help) || parser.isSet(version)) {
        const QString text = parser.isSet(help) ? parser.helpText()
                                                : QCoreApplication::applicationName() + u' '
                + QCoreApplication::applicationVersion() + u'\n';
        std::fputs(qPrintable(text), stdout);
        *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument: "_s + parser.positionalArguments().constFirst());

    AppOptions options;
    const QString apiText = parser.value(api);
    if (apiText != u"1" && apiText != u"2")
        return fail(u"--api must be 1 or 2, not "_s + apiText);
    options.feed.api = apiText == u"1" ? ApiVersion::V1 : ApiVersion::V2;

    if (parser.isSet(url)) {
        options.feed.url = QUrl(parser.value(url), QUrl::StrictMode);
        const QString scheme = options.feed.url.scheme();
        if (!options.feed.url.isValid() || (scheme != u"ws" && scheme != u"wss"))
            return fail(u"--url must be a ws:// or wss:// URL, not "_s + parser.value(url));
    }

    if (parser.isSet(restUrl)) {
        options.restUrl = QUrl(parser.value(restUrl), QUrl::StrictMode);
        const QString scheme = options.restUrl.scheme();
        if (!options.restUrl.isValid() || (scheme != u"http" && scheme != u"https"))
            return fail(
                u"--rest-url must be an http:// or https:// URL, not "_s + parser.value(restUrl));
    }
    options.backfill = !parser.isSet(noBackfill);
    static const QHash<QString, qint64> ranges {
        {u"5m"_s, 5 * 60 * 1000}, {u"1h"_s, 3600 * 1000}, {u"24h"_s, 24 * 3600 * 1000}};
    if (!ranges.contains(parser.value(range).toLower()))
        return fail(u"--range must be 5m, 1h or 24h"_s);
    options.chartSpanMs = ranges.value(parser.value(range).toLower());

    for (const QString &name : parser.value(symbols).split(u',', Qt::SkipEmptyParts)) {
        const auto market = MarketId::fromUser(name);
        if (!market)
            return fail(u"not a market: "_s + name + u" (write BTC_KRW or KRW-BTC)"_s);
        if (!options.feed.markets.contains(*market)) {
            options.feed.markets.append(*market);
            options.spelling.insert(*market, name.trimmed());
        }
    }
    if (options.feed.markets.isEmpty())
        return fail(u"--symbols names no market"_s);

    for (const QString &text : parser.values(alert)) {
        auto parsed = AlertSpec::parse(text);
        if (const auto *why = std::get_if<AlertSpec::Error>(&parsed))
            return fail(
                u"--alert: not an alert: "_s + text + u" ("_s + presentAlertError(*why) + u")"_s);
        options.alerts.append(std::get<AlertSpec>(std::move(parsed)));
    }

    if (parser.isSet(lang)) {
        const auto language = parseUiLanguage(parser.value(lang));
        if (!language || *language == UiLanguage::System)
            return fail(u"--lang must be ko or en, not "_s + parser.value(lang));
        options.language = language;
    }

    options.feed.tickType = parser.value(tickType).toUpper();
    if (!isValidTickType(options.feed.tickType))
        return fail(u"--tick-type must be 30M, 1H, 12H, 24H or MID"_s);

    if (parser.isSet(duration)) {
        bool ok = false;
        options.durationSeconds = parser.value(duration).toDouble(&ok);
        if (!ok || !(options.durationSeconds > 0) || options.durationSeconds > 1e7)
            return fail(u"--duration must be a number of seconds above 0"_s);
    }
    if (parser.isSet(exitAfter)) {
        bool ok = false;
        options.exitAfterTicks = parser.value(exitAfter).toLongLong(&ok);
        if (!ok || options.exitAfterTicks <= 0)
            return fail(u"--exit-after must be a whole number above 0"_s);
    }
    bool heartbeatOk = false;
    const double heartbeatSeconds = parser.value(heartbeat).toDouble(&heartbeatOk);
    if (!heartbeatOk || !(heartbeatSeconds >= 0.01) || heartbeatSeconds > 3600)
        return fail(u"--heartbeat must be a number of seconds from 0.01 to 3600"_s);
    options.feed.heartbeatMs = int(heartbeatSeconds * 1000);
    if (parser.isSet(caFile)) {
        options.feed.extraCaCertificates = QSslCertificate::fromPath(parser.value(caFile));
        if (options.feed.extraCaCertificates.isEmpty())
            return fail(u"--ca-file: no PEM certificate in "_s + parser.value(caFile));
    }
    if (parser.isSet(record)) {
        options.recordPath = parser.value(record);
        if (options.recordPath.isEmpty())
            return fail(u"--record needs a file name"_s);
    }
    if (parser.isSet(replay)) {
        options.replayPath = parser.value(replay);
        if (options.replayPath.isEmpty())
            return fail(u"--replay needs a file name"_s);
        if (parser.isSet(demo) || parser.isSet(url))
            return fail(u"--replay plays its own exchange: not with --demo or --url"_s);
        if (!options.recordPath.isEmpty() && options.recordPath == options.replayPath)
            return fail(u"--record and --replay name the same file"_s);
    }
    if (parser.isSet(speed)) {
        if (!parser.isSet(replay))
            return fail(u"--speed goes with --replay"_s);
        bool ok = false;
        options.replaySpeed = parser.value(speed).toDouble(&ok);
        if (!ok || !(options.replaySpeed >= 0) || options.replaySpeed > 1e6)
            return fail(u"--speed must be a number from 0 (as fast as possible) to 1000000"_s);
    }
    options.apiGiven = parser.isSet(api);
    options.symbolsGiven = parser.isSet(symbols);
    options.tickTypeGiven = parser.isSet(tickType);
    options.demo = parser.isSet(demo);
    options.headless = parser.isSet(headless);
    options.compact = parser.isSet(compact);
    options.stats = parser.isSet(stats);
    options.listMarkets = parser.isSet(listMarkets);
    options.given
        = {parser.isSet(symbols), parser.isSet(api), parser.isSet(tickType), parser.isSet(range)};
    return options;
}

} // namespace ticker
