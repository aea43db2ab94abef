// The window's cost as a user feels it: the whole app (feed, store, window with watchlist and
// chart, offscreen) fed by the loopback exchange on its own thread at a steady rate, measured
// after a warm-up. Prints the GUI process's CPU share (the process's CPU less the exchange
// thread's), the GUI thread's alone, how often the chart painted, how many paint passes the
// window made (UpdateRequest events: each paints every widget marked dirty since the last and
// flushes once), and how late a 5 ms probe timer on the GUI thread ran (the event loop's
// latency: max and p99).
//
//   window_bench [--markets N] [--rate TICKS_PER_S] [--seconds S] [--warmup S]
//                [--history POINTS] [--minimized | --no-paint] [--watch N] [--probe]
#include "benchclock.h"
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakemarkets.h"
#include "bithumbticker/marketstore.h"
#include "bithumbticker/subscriptions.h"
#include "bithumbticker/tickerfeed.h"
#include "mainwindow.h"
#include "paintpasses.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace ticker;
using bench::cpuSeconds;
using bench::threadCpuSeconds;
using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption marketsOption(u"markets"_s, u"Markets ticking."_s, u"N"_s, u"3"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Ticks/s in all."_s, u"R"_s, u"15"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Measured."_s, u"S"_s, u"60"_s);
    const QCommandLineOption warmupOption(u"warmup"_s, u"Not measured."_s, u"S"_s, u"5"_s);
    const QCommandLineOption historyOption(
        u"history"_s, u"Points of history in the shown market's last 5 min."_s, u"N"_s, u"0"_s);
    const QCommandLineOption minimizedOption(u"minimized"_s, u"Measure minimised."_s);
    // Where a shown window's cost goes: everything a frame does but the painting.
    const QCommandLineOption noPaintOption(u"no-paint"_s,
        u"Shown, but with updates disabled: the frames' work without their paint passes."_s);
    const QCommandLineOption probeOption(u"probe"_s,
        u"Measure the event loop's latency with a 5 ms timer (which costs CPU of its own)."_s);
    const QCommandLineOption watchOption(
        u"watch"_s, u"Markets in the watchlist (default: those ticking)."_s, u"N"_s);
    parser.addOptions({marketsOption, rateOption, secondsOption, warmupOption, historyOption,
        minimizedOption, noPaintOption, watchOption, probeOption});
    parser.process(app);
    const int marketCount = std::clamp(parser.value(marketsOption).toInt(), 1, 480);
    const double rate = std::max(0.1, parser.value(rateOption).toDouble());
    const double seconds = std::max(1.0, parser.value(secondsOption).toDouble());
    const double warmup = std::max(0.0, parser.value(warmupOption).toDouble());
    const qint64 history = parser.value(historyOption).toLongLong();
    const int watched = parser.isSet(watchOption) ? parser.value(watchOption).toInt() : marketCount;

    QList<MarketId> markets;
    for (const MarketId &market : fakeListedMarkets()) {
        if (market.quote() == u"KRW" && markets.size() < std::max(marketCount, watched))
            markets.append(market);
    }
    const QList<MarketId> ticking = markets.mid(0, marketCount);

    QThread exchangeThread;
    auto *exchange = new FakeExchange;
    exchange->moveToThread(&exchangeThread);
    QObject::connect(&exchangeThread, &QThread::finished, exchange, &QObject::deleteLater);
    exchangeThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        exchange, [&] { listening = exchange->listen(); }, Qt::BlockingQueuedConnection);
    if (!listening)
        return 1;
    // A steady trickle, one market after another, as a real feed spreads its trades.
    auto *pacer = new QTimer;
    pacer->moveToThread(&exchangeThread);
    QObject::connect(&exchangeThread, &QThread::finished, pacer, &QObject::deleteLater);
    // What is owed follows the clock, so a late timer sends more, not fewer, ticks.
    QMetaObject::invokeMethod(
        pacer,
        [pacer, exchange, ticking, rate] {
            pacer->setTimerType(Qt::PreciseTimer);
            pacer->setInterval(std::clamp(int(1000 / rate), 1, 50));
            auto next = std::make_shared<qsizetype>(0);
            auto sent = std::make_shared<qint64>(0);
            auto clock = std::make_shared<QElapsedTimer>();
            clock->start();
            QObject::connect(pacer, &QTimer::timeout, exchange, [=] {
                const auto owed = qint64(double(clock->nsecsElapsed()) / 1e9 * rate);
                for (; *sent < owed; ++*sent)
                    exchange->trade(ticking[(*next)++ % ticking.size()]);
            });
            pacer->start();
        },
        Qt::BlockingQueuedConnection);

    FeedConfig config;
    config.url = exchange->url(ApiVersion::V2);
    TickerFeed feed(config);
    MarketStore store;
    Subscriptions subscriptions;
    const MarketId shown = markets.constFirst();
    store.showMarket(shown);
    subscriptions.setWanted(Subscriptions::Need::Shown, {shown});
    subscriptions.setWanted(Subscriptions::Need::Watchlist, markets.mid(0, std::max(1, watched)));
    connectFeed(&feed, &store, &subscriptions);
    if (history > 0) {
        // Spread over the chart's five minutes: every point is in range at every paint.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        TickBatch batch;
        for (qint64 i = 0; i < history; ++i) {
            Tick tick;
            tick.market = shown;
            tick.price = 130'000'000 + double(i % 1000) * 1000;
            tick.priceText = QString::number(qint64(tick.price));
            tick.localTimeMs = now - 300'000 + i * 300'000 / history;
            batch.append(tick);
            if (batch.size() == 10'000) {
                store.applyTicks(batch);
                batch.clear();
            }
        }
        store.applyTicks(batch);
    }
    MainWindow window(&store, &subscriptions, false);
    test::PaintPasses passCounter;
    window.installEventFilter(&passCounter);
    // As the app has it (main.cpp): unseen, the feed hands ticks over four times a second.
    QObject::connect(&window, &MainWindow::seenChanged, &feed, &TickerFeed::setWatched);
    if (parser.isSet(minimizedOption))
        window.showMinimized();
    else
        window.show();
    if (parser.isSet(noPaintOption))
        window.setUpdatesEnabled(false);

    // The probe: how late each 5 ms tick of the GUI thread's event loop comes.
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QElapsedTimer sinceProbe;
    std::vector<qint64> lateness;
    bool measuring = false;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (measuring && sinceProbe.isValid())
            lateness.push_back(std::max<qint64>(0, sinceProbe.nsecsElapsed() / 1000 - 5000));
        sinceProbe.start();
    });
    if (parser.isSet(probeOption))
        probe.start();

    const auto exchangeCpu = [exchange] { return bench::threadCpuSecondsOf(exchange); };
    double processStart = 0, exchangeStart = 0, guiStart = 0;
    int paintsStart = 0;
    qint64 passesStart = 0;
    qint64 ticksSeen = 0, ticksStart = 0;
    QObject::connect(&feed, &TickerFeed::ticksReceived,
        [&](const TickBatch &ticks) { ticksSeen += ticks.size(); });
    QElapsedTimer wall;
    QTimer::singleShot(int(warmup * 1000), [&] {
        processStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
        exchangeStart = exchangeCpu();
        guiStart = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        paintsStart = window.chart()->paintCount();
        passesStart = passCounter.count;
        ticksStart = ticksSeen;
        measuring = true;
        wall.start();
        QTimer::singleShot(int(seconds * 1000), &app, &QCoreApplication::quit);
    });
    feed.start();
    app.exec();
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    const double process = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - processStart;
    const double exchangeSpent = exchangeCpu() - exchangeStart;
    const double gui = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - guiStart;
    feed.stop();
    exchangeThread.quit();
    exchangeThread.wait();

    std::sort(lateness.begin(), lateness.end());
    const auto percentile = [&](double p) {
        return lateness.empty()
            ? 0.0
            : double(lateness[std::size_t(p * double(lateness.size() - 1))]) / 1000.0;
    };
    std::printf("markets %d, watchlist %d, %.0f ticks/s asked, %.0f received, history %lld, %s; "
                "%.0f s measured after %.0f s\n",
        marketCount, watched, rate, double(ticksSeen - ticksStart) / elapsed, history,
        parser.isSet(minimizedOption)     ? "minimised"
            : parser.isSet(noPaintOption) ? "shown, not painted"
                                          : "shown",
        elapsed, warmup);
    std::printf("GUI process CPU %.3f%% of a core (GUI thread %.3f%%, exchange thread %.3f%% "
                "not counted); chart paints %.1f/s, window paint passes %.1f/s; event-loop "
                "lateness p50 %.2f ms, p99 %.2f "
                "ms, max %.2f ms (%zu probes)\n",
        100 * (process - exchangeSpent) / elapsed, 100 * gui / elapsed,
        100 * exchangeSpent / elapsed, double(window.chart()->paintCount() - paintsStart) / elapsed,
        double(passCounter.count - passesStart) / elapsed, percentile(0.5), percentile(0.99),
        lateness.empty() ? 0.0 : double(lateness.back()) / 1000, lateness.size());
    return 0;
}
