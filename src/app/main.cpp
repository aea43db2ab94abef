#include "alertbook.h"
#include "appoptions.h"
#include "appsettings.h"
#include "compactwindow.h"
#include "desktopshell.h"
#include "headlessprinter.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "marketlisting.h"
#include "watchlistview.h"

#include "bithumbticker/alertengine.h"
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/historybackfill.h"
#include "bithumbticker/logging.h"
#include "bithumbticker/marketstore.h"
#include "bithumbticker/overviewfetcher.h"
#include "bithumbticker/recording.h"
#include "bithumbticker/subscriptions.h"
#include "bithumbticker/tickerfeed.h"
#include "bithumbticker/wakewatcher.h"

#include <QApplication>
#include <QIcon>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ticker;

namespace {

// Headless runs, --list-markets and --help need no display, so they get a QCoreApplication.
bool needsNoDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option :
            {"--headless", "--list-markets", "--help", "-h", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

constexpr int catalogRefreshMs = 3 * 3600 * 1000;

// The markets the catalogue does not list, comma separated; empty when it lists them all.
QString unlistedMarkets(const MarketCatalog &catalog, const QList<MarketId> &markets)
{
    QStringList unlisted;
    for (const MarketId &market : markets) {
        if (!catalog.find(market))
            unlisted.append(market.toV1());
    }
    return unlisted.join(u", "_s);
}

// --replay: the recording's API, tick type and markets, unless the command line said
// otherwise; the built-in exchange set to play it. Exit code 2 for a file that is no
// recording of this version; a cut-short last line is only a warning.
std::unique_ptr<FakeExchange> replayExchange(AppOptions &options, int *exitCode)
{
    const auto fail = [exitCode](const QString &message) {
        std::fprintf(stderr, "bithumb-ticker: %s\n", qPrintable(message));
        *exitCode = 2;
        return nullptr;
    };
    const QString path = options.replayPath;
    Recording recording = Recording::fromFile(path);
    if (!recording.isValid())
        return fail(u"--replay %1: %2"_s.arg(path, recording.error));
    for (const QString &warning : std::as_const(recording.warnings))
        std::fprintf(
            stderr, "bithumb-ticker: warning: %s: %s\n", qPrintable(path), qPrintable(warning));
    const RecordingHeader &header = recording.header;
    if (options.apiGiven && options.feed.api != header.api)
        return fail(u"--replay %1 was recorded with --api %2"_s.arg(path).arg(int(header.api)));
    options.feed.api = header.api;
    if (!options.tickTypeGiven) {
        if (!isValidTickType(header.tickType))
            return fail(u"--replay %1: the header's tick type %2 is none of API 1.0's"_s.arg(
                path, header.tickType));
        options.feed.tickType = header.tickType;
    }
    if (!options.symbolsGiven) {
        if (const QList<MarketId> markets = recording.markets(); !markets.isEmpty()) {
            options.feed.markets = markets;
            options.spelling = recording.spelling();
        }
    }
    options.backfill = false; // the recording has no candles, and replay needs no network
    auto exchange = std::make_unique<FakeExchange>();
    if (!exchange->listen()) {
        std::fprintf(stderr, "bithumb-ticker: the replay exchange could not listen\n");
        *exitCode = 1;
        return nullptr;
    }
    exchange->replay(recording, options.replaySpeed);
    options.feed.url = exchange->url(options.feed.api);
    qCInfo(lcRecord).noquote() << "replaying" << path << "at speed" << options.replaySpeed << "on"
                               << options.feed.url.toString();
    return exchange;
}

// Headless replay ends with the recording: once the last recorded link has been played and
// the feed has lost it, every frame has been printed.
void quitAtEndOfReplay(FakeExchange *exchange, TickerFeed *feed)
{
    const int links = exchange->replayLinkCount();
    if (links == 0) {
        QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
        return;
    }
    struct Progress
    {
        int linksLost = 0;
        bool played = false;
    };
    auto progress = std::make_shared<Progress>();
    QObject::connect(
        feed, &TickerFeed::stateChanged, exchange, [progress, links](FeedClient::State state) {
            if (state == FeedClient::State::Redialing || state == FeedClient::State::RateLimited)
                ++progress->linksLost;
            if (progress->played && progress->linksLost >= links)
                QCoreApplication::quit();
        });
    QObject::connect(exchange, &FakeExchange::replayFinished, exchange, [progress, exchange] {
        progress->played = true;
        exchange->closeAll(1000); // after its last frame; a link closed as recorded stays so
    });
}

} // namespace

int main(int argc, char **argv)
{
    const bool noDisplay = needsNoDisplay(argc, argv);
    std::unique_ptr<QCoreApplication> app = noDisplay
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    if (!noDisplay) {
        // The installed desktop file's name, so Wayland and the task bar match the window to it.
        QGuiApplication::setDesktopFileName(u"io.github.bithumbticker.BithumbTicker"_s);
        QApplication::setWindowIcon(
            QIcon(u":/bithumbticker/io.github.bithumbticker.BithumbTicker.svg"_s));
    }
    QCoreApplication::setApplicationName(u"bithumb-ticker"_s);
    QCoreApplication::setOrganizationName(u"bithumb-ticker"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(BITHUMB_TICKER_VERSION));

    int exitCode = 0;
    QString error;
    auto options = AppOptions::fromArguments(QCoreApplication::arguments(), &exitCode, &error);
    if (!options) {
        if (!error.isEmpty())
            std::fprintf(stderr, "bithumb-ticker: %s\n", qPrintable(error));
        return exitCode;
    }

    std::unique_ptr<FakeExchange> exchange;
    if (!options->replayPath.isEmpty()) {
        exchange = replayExchange(*options, &exitCode);
        if (!exchange)
            return exitCode;
    } else if (options->demo) {
        exchange = std::make_unique<FakeExchange>();
        if (!exchange->listen()) {
            std::fprintf(stderr, "bithumb-ticker: the demo exchange could not listen\n");
            return 1;
        }
        exchange->setStreamInterval(350);
        if (!exchange->listenRest())
            qCWarning(lcHistory) << "the demo exchange could not serve history";
        if (options->restUrl.isEmpty())
            options->restUrl = exchange->restUrl();
        if (options->feed.url.isEmpty())
            options->feed.url = exchange->url(options->feed.api);
        qCInfo(lcFeed) << "demo exchange on" << exchange->url(options->feed.api);
    }

    MarketCatalog::Config catalogConfig;
    catalogConfig.restBase = options->restUrl;
    catalogConfig.extraCaCertificates = options->feed.extraCaCertificates;
    if (options->listMarkets)
        return listMarkets(catalogConfig, stdout);

    // The window remembers its watchlist and choices; a script's headless run does not, and
    // a replay shows what was recorded.
    const bool replaying = !options->replayPath.isEmpty();
    std::unique_ptr<AppSettings> settings;
    if (!options->headless) {
        settings = std::make_unique<AppSettings>();
        if (!replaying)
            settings->applyTo(*options);
        // Korean or English: --lang for this run, else the Language menu's, else the system's.
        installUiLanguage(
            uiLocale(options->language.value_or(settings->language()), QLocale::system()),
            app.get());
    }

    // Bithumb answers an unknown code with silence, so the catalogue must refuse it: the
    // cache at once, or, on a first start, one refresh (given up within 10 s).
    MarketCatalog catalog(catalogConfig);
    catalog.load();
    if (catalog.source() == MarketCatalog::Source::Bundled && !replaying)
        refreshAndWait(catalog);
    // Only what the command line names (--symbols, --alert): a saved market that was delisted
    // stays in the watchlist, marked, until the user removes it; a recording's markets were
    // real then.
    QList<MarketId> named = options->given.symbols ? options->feed.markets : QList<MarketId>();
    for (const AlertSpec &alert : std::as_const(options->alerts)) {
        if (!named.contains(alert.market))
            named.append(alert.market);
    }
    if (const QString unlisted = replaying ? QString() : unlistedMarkets(catalog, named);
        !unlisted.isEmpty()) {
        if (catalog.source() != MarketCatalog::Source::Bundled) {
            std::fprintf(
                stderr, "bithumb-ticker: not listed on Bithumb: %s\n", qPrintable(unlisted));
            return 2;
        }
        std::fprintf(stderr,
            "bithumb-ticker: warning: Bithumb's market list could not be read; %s is not in "
            "the bundled list and may not exist\n",
            qPrintable(unlisted));
    }

    TickerFeed feed(options->feed);
    MarketStore store;
    Subscriptions subscriptions;
    if (!options->recordPath.isEmpty()) {
        QStringList symbols;
        for (const MarketId &market : std::as_const(options->feed.markets))
            symbols.append(options->spelling.value(market, market.toString()));
        // A recording that cannot be written is reported; the ticker runs on without it.
        QString recordError;
        if (!feed.startRecording(options->recordPath, symbols, &recordError))
            std::fprintf(stderr, "bithumb-ticker: not recording: %s\n", qPrintable(recordError));
    }
    QObject::connect(&feed, &TickerFeed::recordingFailed, [](const QString &why) {
        std::fprintf(stderr, "bithumb-ticker: recording stopped: %s\n", qPrintable(why));
    });
    std::unique_ptr<HeadlessPrinter> printer;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<HistoryBackfill> backfill;
    std::unique_ptr<OverviewFetcher> overviews;
    std::unique_ptr<DesktopShell> shell;
    qint64 ticksSeen = 0;
    // Alerts watch what the store accepts; their markets are subscribed beside the others.
    // The window's saved ones too; --alert's are for this run only.
    AlertEngine alerts(&store);
    AlertBook alertBook(&alerts, settings.get());
    for (const AlertSpec &alert : std::as_const(options->alerts))
        alertBook.addRunOnly(alert);
    if (!replaying)
        alertBook.loadSaved();
    subscriptions.setWanted(Subscriptions::Need::Alerts, alerts.markets());
    QObject::connect(
        &alerts, &AlertEngine::marketsChanged, &subscriptions, [&](const QList<MarketId> &markets) {
            subscriptions.setWanted(Subscriptions::Need::Alerts, markets);
        });
    if (options->headless) {
        printer
            = std::make_unique<HeadlessPrinter>(options->spelling, stdout, options->exitAfterTicks);
        QObject::connect(&feed, &TickerFeed::ticksReceived, printer.get(), &HeadlessPrinter::print);
        QObject::connect(printer.get(), &HeadlessPrinter::limitReached, app.get(),
            &QCoreApplication::quit, Qt::QueuedConnection);
        // The link's state goes to stderr, so a script can tell a quiet market from a dead link.
        QObject::connect(&feed, &TickerFeed::stateChanged,
            [](FeedClient::State state, const LinkDetail &detail, int redialInMs) {
                if (state == FeedClient::State::Redialing)
                    std::fprintf(stderr, "bithumb-ticker: link lost (%s), redialling in %d ms\n",
                        qPrintable(detail.logText()), redialInMs);
                else if (state == FeedClient::State::RateLimited)
                    std::fprintf(stderr,
                        "bithumb-ticker: rate-limited by Bithumb (%s), retrying in %d min\n",
                        qPrintable(detail.logText()), (redialInMs + 59'999) / 60'000);
                else if (state == FeedClient::State::Live)
                    std::fprintf(stderr, "bithumb-ticker: live\n");
            });
        QObject::connect(&feed, &TickerFeed::serverMessage,
            [](const QString &code, const QString &message, bool isError) {
                if (isError)
                    std::fprintf(stderr, "bithumb-ticker: server error %s: %s\n", qPrintable(code),
                        qPrintable(message));
            });
        if (!options->replayPath.isEmpty())
            quitAtEndOfReplay(exchange.get(), &feed);
        if (alerts.count() > 0) {
            // Connected after the printer: a tick's line comes before the alert it fires.
            printer->setPrinted(options->feed.markets);
            subscriptions.setWanted(Subscriptions::Need::Watchlist, options->feed.markets);
            connectFeed(&feed, &store, &subscriptions);
            QObject::connect(
                &alerts, &AlertEngine::fired, printer.get(), &HeadlessPrinter::printAlert);
        }
    } else {
        store.setCatalog(catalog.entries(), catalog.source());
        QObject::connect(&catalog, &MarketCatalog::refreshed, &store,
            [&] { store.setCatalog(catalog.entries(), catalog.source()); });
        store.showMarket(options->shownMarket.isValid() ? options->shownMarket
                                                        : options->feed.markets.constFirst());
        subscriptions.setWanted(Subscriptions::Need::Shown, {store.shownMarket()});
        subscriptions.setWanted(Subscriptions::Need::Watchlist, options->feed.markets);
        connectFeed(&feed, &store, &subscriptions);
        window = std::make_unique<MainWindow>(&store, &subscriptions, options->demo);
        window->setChartSpan(options->chartSpanMs);
        window->setRecorder(&feed);
        if (auto *languages = window->findChild<LanguageMenu *>()) {
            languages->setChoice(settings->language());
            QObject::connect(
                languages, &LanguageMenu::chosen, window.get(), [&](UiLanguage chosen) {
                    settings->setLanguage(chosen);
                    settings->sync();
                });
        }
        window->restoreGeometry(settings->geometry());
        window->splitter()->restoreState(settings->splitterState());
        window->watchlist()->restoreColumns(settings->watchlistColumns());
        // Only what the user changes is saved: a --symbols run leaves the saved list alone.
        QObject::connect(window.get(), &MainWindow::watchlistEdited, window.get(),
            [&](const QList<MarketId> &markets) {
                settings->setWatchlist(markets);
                settings->sync();
            });
        QObject::connect(
            window.get(), &MainWindow::marketShown, window.get(), [&](const MarketId &market) {
                settings->setShownMarket(market);
                settings->sync();
            });
        QObject::connect(
            window.get(), &MainWindow::chartSpanChosen, window.get(), [&](qint64 spanMs) {
                settings->setChartSpanMs(spanMs);
                settings->sync();
            });
        QObject::connect(app.get(), &QCoreApplication::aboutToQuit, window.get(), [&] {
            settings->setWindowState(window->saveGeometry(), window->splitter()->saveState(),
                window->watchlist()->saveColumns());
            settings->sync();
        });
        QObject::connect(&feed, &TickerFeed::serverMessage, window.get(),
            [&](const QString &code, const QString &message, bool isError) {
                if (isError)
                    window->statusBar()->showMessage(
                        MainWindow::tr("Server error %1: %2").arg(code, message), 10000);
            });
        if (options->backfill) {
            const auto fromOptions = [&](RestSource &source) {
                source.api = options->feed.api;
                source.restBase = options->restUrl;
                source.extraCaCertificates = options->feed.extraCaCertificates;
            };
            HistoryBackfill::Config config;
            fromOptions(config);
            backfill = std::make_unique<HistoryBackfill>(config);
            store.setBackfill(backfill.get());
            OverviewFetcher::Config overviewConfig;
            fromOptions(overviewConfig);
            overviews = std::make_unique<OverviewFetcher>(overviewConfig);
            store.setOverviews(overviews.get());
        }
        shell = std::make_unique<DesktopShell>(window.get(), &store, &alertBook, settings.get(),
            QSystemTrayIcon::isSystemTrayAvailable());
        QObject::connect(&alerts, &AlertEngine::fired, shell.get(), &DesktopShell::alertFired);
        // With no window showing prices, the tray and the alerts need no trade at once: the
        // feed thread hands them over four times a second instead of once a trade.
        const auto followSeen = [&] {
            if (!window || !shell)
                return; // on the way out
            feed.setWatched(window->isSeen() || shell->isCompact());
        };
        QObject::connect(window.get(), &MainWindow::seenChanged, &feed, followSeen);
        QObject::connect(shell->compactWindow(), &CompactWindow::seenChanged, &feed, followSeen);
        if (options->compact)
            shell->showCompact();
        else
            window->show();
        if (options->exitAfterTicks > 0) {
            QObject::connect(
                &feed, &TickerFeed::ticksReceived, app.get(), [&](const TickBatch &ticks) {
                    ticksSeen += ticks.size();
                    if (ticksSeen >= options->exitAfterTicks)
                        QCoreApplication::quit();
                });
        }
    }
    // The list changes now and then (listings, delistings, renames): refreshed every few hours.
    QTimer catalogTimer;
    catalogTimer.setInterval(catalogRefreshMs);
    QObject::connect(&catalogTimer, &QTimer::timeout, &catalog, &MarketCatalog::refresh);
    catalogTimer.start();
    if (catalog.source() == MarketCatalog::Source::Cache)
        catalog.refresh();
    if (options->durationSeconds > 0)
        QTimer::singleShot(
            qint64(options->durationSeconds * 1000), app.get(), &QCoreApplication::quit);

    WakeWatcher wakeWatcher;
    QObject::connect(&wakeWatcher, &WakeWatcher::resumeSuggested, &feed, &TickerFeed::redialNow);
    if (window) {
        QObject::connect(
            &wakeWatcher, &WakeWatcher::onlineChanged, &store, &MarketStore::setNetworkOnline);
    } else {
        QObject::connect(&wakeWatcher, &WakeWatcher::onlineChanged, [](bool online) {
            std::fprintf(stderr, "bithumb-ticker: %s\n", online ? "network is back" : "offline");
        });
    }
    wakeWatcher.start();

    feed.start();
    const int code = app->exec();
    const FeedStats stats = feed.stop();
    feed.stopRecording(); // flushed and closed before the process ends
    if (options->stats)
        std::fprintf(stderr, "%s\n", stats.toJson().constData());
    return code;
}
