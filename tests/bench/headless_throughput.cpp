// Headless throughput: FakeExchange floods ticks on its own thread over loopback; the feed
// parses them on its worker thread and the GUI thread prints every one as a JSON line (to
// /dev/null), exactly as --headless does. Prints ticks/s, batches and CPU time per thread.
//   headless_throughput [--rate N] [COUNT [API [record FILE | replay FILE]]]
// record: the same flood with --record FILE on (its writer thread counts as client CPU);
// replay: FILE (a recorded flood) played by the exchange with --speed 0 instead of a flood.
// --rate N: the COUNT frames are sent at N a second (the exchange catches up every 5 ms)
// instead of as fast as the link takes, so a cost can be measured at a given rate.
#include "benchclock.h"
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/recording.h"
#include "bithumbticker/tickerfeed.h"
#include "headlessprinter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>

using namespace ticker;
using bench::cpuSeconds;
using bench::threadCpuSeconds;

namespace {

// CPU seconds of this process's threads of that name so far (Qt names a QThread's OS thread
// after its objectName: FeedThread, RecordingThread).
double namedThreadCpuSeconds(const QByteArray &name)
{
    double seconds = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task) + QStringLiteral("/comm"));
        QFile schedstat(tasks.filePath(task) + QStringLiteral("/schedstat"));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name
            && schedstat.open(QIODevice::ReadOnly))
            seconds += schedstat.readAll().split(' ').value(0).toDouble() / 1e9; // ns on CPU
    }
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int rate = 0; // frames a second; 0: a flood
    if (argc > 2 && std::strcmp(argv[1], "--rate") == 0) {
        rate = std::atoi(argv[2]);
        argv[2] = argv[0];
        argv += 2;
        argc -= 2;
    }
    const int count = argc > 1 ? std::atoi(argv[1]) : 300'000;
    ApiVersion api = argc > 2 && std::atoi(argv[2]) == 1 ? ApiVersion::V1 : ApiVersion::V2;
    const QString mode = argc > 4 ? QString::fromLocal8Bit(argv[3]) : QString();
    const QString file = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QString();
    Recording recording;
    if (mode == QLatin1String("replay")) {
        recording = Recording::fromFile(file);
        if (!recording.isValid()) {
            std::fprintf(stderr, "%s: %s\n", argv[4], qPrintable(recording.error));
            return 2;
        }
        api = recording.header.api;
    }
    const bool replaying = recording.isValid() && mode == QLatin1String("replay");

    QThread exchangeThread;
    auto *exchange = new FakeExchange;
    exchange->moveToThread(&exchangeThread);
    QObject::connect(&exchangeThread, &QThread::finished, exchange, &QObject::deleteLater);
    exchangeThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        exchange,
        [&] {
            listening = exchange->listen();
            exchange->setStreamInterval(0);
            if (replaying) {
                exchange->replay(recording, 0);
                QObject::connect(exchange, &FakeExchange::replayFinished, exchange,
                    [exchange] { exchange->closeAll(1000); });
            }
        },
        Qt::BlockingQueuedConnection);
    if (!listening)
        return 1;

    FeedConfig config;
    config.api = api;
    config.url = exchange->url(api);
    config.markets = {*MarketId::fromV1("BTC_KRW")};
    TickerFeed feed(config);
    std::FILE *sink = std::fopen("/dev/null", "w");
    HeadlessPrinter printer({}, sink);
    QObject::connect(&feed, &TickerFeed::ticksReceived, &printer, &HeadlessPrinter::print);
    if (mode == QLatin1String("record")) {
        QString error;
        if (!feed.startRecording(file, {}, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
    }

    // Flood once the subscription is in; API 2.0 first answers with one snapshot tick.
    if (!replaying && rate == 0) {
        QObject::connect(exchange, &FakeExchange::subscribed, exchange,
            [exchange, count] { exchange->flood(count); });
    } else if (!replaying) {
        QObject::connect(exchange, &FakeExchange::subscribed, exchange, [exchange, count, rate] {
            auto *pace = new QTimer(exchange);
            pace->setTimerType(Qt::PreciseTimer);
            auto since = std::make_shared<QElapsedTimer>();
            since->start();
            QObject::connect(pace, &QTimer::timeout, exchange, [=, sent = 0]() mutable {
                const int due = int(std::min<qint64>(count, since->elapsed() * rate / 1000));
                if (due > sent)
                    exchange->flood(due - sent);
                sent = due;
                if (sent >= count) {
                    pace->stop();
                    pace->deleteLater();
                }
            });
            pace->start(5);
        });
    }
    const qint64 expected = count + (api == ApiVersion::V2 ? 1 : 0);
    qint64 received = 0, batches = 0, largestBatch = 0;
    QElapsedTimer clock;
    qint64 lastTickNs = 0;
    double guiCpuStart = 0;
    QObject::connect(&feed, &TickerFeed::ticksReceived, &app, [&](const TickBatch &ticks) {
        if (received == 0) {
            clock.start();
            guiCpuStart = threadCpuSeconds();
        }
        received += ticks.size();
        ++batches;
        largestBatch = std::max<qint64>(largestBatch, ticks.size());
        lastTickNs = clock.nsecsElapsed();
        if (!replaying && received >= expected)
            app.quit();
    });
    // A replay ends when the exchange closes the link after the recording's last frame.
    QObject::connect(&feed, &TickerFeed::stateChanged, &app, [&](FeedClient::State state) {
        if (replaying && received > 0 && state == FeedClient::State::Redialing)
            app.quit();
    });
    QTimer::singleShot(120'000, &app, [&] { app.exit(2); });
    // The client's CPU is the process's minus the exchange thread's.
    const auto exchangeCpu = [exchange] { return bench::threadCpuSecondsOf(exchange); };
    const double processCpuStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    const double exchangeCpuStart = exchangeCpu();
    feed.start();
    const int code = app.exec();
    const double feedCpu = namedThreadCpuSeconds("FeedThread");
    const double writerCpu = namedThreadCpuSeconds("RecordingThread");
    const double clientCpu = (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - processCpuStart)
        - (exchangeCpu() - exchangeCpuStart);
    const double seconds = double(lastTickNs) / 1e9;
    const double guiCpu = threadCpuSeconds() - guiCpuStart;
    const FeedStats stats = feed.stop();
    const qint64 recordedBytes = feed.stopRecording();
    exchangeThread.quit();
    exchangeThread.wait();
    std::fclose(sink);

    const qint64 flooded = received;
    std::printf(
        "%sapi %d: %lld ticks in %.3f s = %.0f ticks/s wall; %lld batches (largest %lld); "
        "client CPU %.3f s = %.2f us/tick = %.0f ticks/s per core; GUI thread %.2f us/tick; "
        "feed thread %.2f us/tick, writer thread %.2f us/tick; "
        "%llu bytes; rejected %llu; %s%lld bytes recorded\n",
        rate > 0 ? qPrintable(QStringLiteral("paced at %1 frames/s; ").arg(rate)) : "", int(api),
        flooded, seconds, double(flooded) / seconds, batches, largestBatch, clientCpu,
        clientCpu / double(flooded) * 1e6, double(flooded) / clientCpu,
        guiCpu / double(flooded) * 1e6, feedCpu / double(flooded) * 1e6,
        writerCpu / double(flooded) * 1e6, static_cast<unsigned long long>(stats.bytes),
        static_cast<unsigned long long>(stats.rejectedTotal()),
        replaying ? "replayed at --speed 0; " : "", recordedBytes);
    return code;
}
