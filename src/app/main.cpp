#include "appoptions.h"
#include "headlessprinter.h"
#include "mainwindow.h"
#include "marketlisting.h"

#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/historybackfill.h"
#include "bithumbticker/logging.h"
#include "bithumbticker/tickerfeed.h"
#include "bithumbticker/wakewatcher.h"

#include <QApplication>
#include <QFile>
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

QStringList bundledMarkets()
{
    QFile file(u":/bithumbticker/markets.txt"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList markets;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed();
        if (!name.isEmpty() && !name.startsWith(u'#'))
            markets.append(name);
    }
    return markets;
}

} // namespace

int main(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app = needsNoDisplay(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
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
    if (options->demo) {
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

    if (options->listMarkets) {
        MarketCatalog::Config config;
        config.restBase = options->restUrl;
        config.extraCaCertificates = options->feed.extraCaCertificates;
        return listMarkets(config, stdout);
    }

    TickerFeed feed(options->feed);
    std::unique_ptr<HeadlessPrinter> printer;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<HistoryBackfill> backfill;
    qint64 ticksSeen = 0;
    if (options->headless) {
        printer
            = std::make_unique<HeadlessPrinter>(options->spelling, stdout, options->exitAfterTicks);
        QObject::connect(&feed, &TickerFeed::ticksReceived, printer.get(), &HeadlessPrinter::print);
        QObject::connect(printer.get(), &HeadlessPrinter::limitReached, app.get(),
            &QCoreApplication::quit, Qt::QueuedConnection);
        // The link's state goes to stderr, so a script can tell a quiet market from a dead link.
        QObject::connect(&feed, &TickerFeed::stateChanged,
            [](FeedClient::State state, const QString &detail, int redialInMs) {
                if (state == FeedClient::State::Redialing)
                    std::fprintf(stderr, "bithumb-ticker: link lost (%s), redialling in %d ms\n",
                        qPrintable(detail), redialInMs);
                else if (state == FeedClient::State::RateLimited)
                    std::fprintf(stderr,
                        "bithumb-ticker: rate-limited by Bithumb (%s), retrying in %d min\n",
                        qPrintable(detail), (redialInMs + 59'999) / 60'000);
                else if (state == FeedClient::State::Live)
                    std::fprintf(stderr, "bithumb-ticker: live\n");
            });
        QObject::connect(&feed, &TickerFeed::serverMessage,
            [](const QString &code, const QString &message, bool isError) {
                if (isError)
                    std::fprintf(stderr, "bithumb-ticker: server error %s: %s\n", qPrintable(code),
                        qPrintable(message));
            });
    } else {
        window = std::make_unique<MainWindow>(&feed, bundledMarkets(), options->demo);
        window->setChartSpan(options->chartSpanMs);
        if (options->backfill) {
            HistoryBackfill::Config config;
            config.api = options->feed.api;
            config.restBase = options->restUrl;
            config.extraCaCertificates = options->feed.extraCaCertificates;
            backfill = std::make_unique<HistoryBackfill>(config);
            window->setBackfill(backfill.get());
        }
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
    if (options->durationSeconds > 0)
        QTimer::singleShot(
            qint64(options->durationSeconds * 1000), app.get(), &QCoreApplication::quit);

    WakeWatcher wakeWatcher;
    QObject::connect(&wakeWatcher, &WakeWatcher::resumeSuggested, &feed, &TickerFeed::redialNow);
    if (window) {
        QObject::connect(
            &wakeWatcher, &WakeWatcher::onlineChanged, window.get(), &MainWindow::setNetworkOnline);
    } else {
        QObject::connect(&wakeWatcher, &WakeWatcher::onlineChanged, [](bool online) {
            std::fprintf(stderr, "bithumb-ticker: %s\n", online ? "network is back" : "offline");
        });
    }
    wakeWatcher.start();

    feed.start();
    const int code = app->exec();
    const FeedStats stats = feed.stop();
    if (options->stats)
        std::fprintf(stderr, "%s\n", stats.toJson().constData());
    return code;
}
