#pragma once

#include "bithumbticker/alertspec.h"
#include "bithumbticker/feedconfig.h"
#include "uilanguage.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace ticker {

// The command line, validated. Names are a contract: scripts rely on them.
struct AppOptions
{
    FeedConfig feed;
    QHash<MarketId, QString> spelling; // each market as the user wrote it (--symbols)
    QUrl restUrl; // --rest-url: REST base for the chart's history; empty: Bithumb's
    bool backfill = true;
    qint64 chartSpanMs = 5 * 60
        * 1000; // --range 5m|1h|24h // --no-backfill: the chart starts from live ticks only
    bool demo = false;
    bool headless = false;
    bool compact = false; // --compact: the window starts compact
    bool stats = false;
    bool listMarkets = false; // --list-markets: print the catalogue and exit
    MarketId shownMarket;     // the market the window shows first; invalid: the first of markets
    // Which options the command line set: those override the saved settings for this run.
    struct Given
    {
        bool symbols = false, api = false, tickType = false, range = false;
    } given;
    double durationSeconds = 0; // 0: run until closed
    QString recordPath;         // --record FILE: every frame and link event, as received
    QString replayPath;         // --replay FILE: a recording played by the built-in exchange
    double replaySpeed = 1;     // --speed X: X times the recorded pace; 0: as fast as it goes
    // Said on the command line, not defaults: a replay takes the recording's otherwise.
    bool apiGiven = false, symbolsGiven = false, tickTypeGiven = false;
    qint64 exitAfterTicks = 0;          // 0: no limit
    QList<AlertSpec> alerts;            // --alert SPEC, repeatable: alerts for this run
    std::optional<UiLanguage> language; // --lang ko|en: the window's language for this run

    // Parses arguments (argv[0] first). On --help or --version prints and sets *exitCode to 0;
    // on an error sets *error and *exitCode to 2. Returns nothing in both cases.
    static std::optional<AppOptions> fromArguments(
        const QStringList &arguments, int *exitCode, QString *error);
};

} // namespace ticker
