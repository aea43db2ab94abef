// Headless throughput: FakeExchange floods ticks on its own thread over loopback; the feed
// parses them on its worker thread and the GUI thread prints every one as a JSON line (to
// /dev/null), exactly as --headless does. Prints ticks/s, batches and CPU time per thread.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/tickerfeed.h"
#include "headlessprinter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace ticker;

namespace {

double cpuSeconds(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double threadCpuSeconds()
{
    return cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 300'000;
    const ApiVersion api = argc > 2 && std::atoi(argv[2]) == 1 ? ApiVersion::V1 : ApiVersion::V2;

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

    // Flood once the subscription is in; API 2.0 first answers with one snapshot tick.
    QObject::connect(exchange, &FakeExchange::subscribed, exchange,
        [exchange, count] { exchange->flood(count); });
    const qint64 expected = count + (api == ApiVersion::V2 ? 1 : 0);
    qint64 received = 0, batches = 0, largestBatch = 0;
    QElapsedTimer clock;
    double guiCpuStart = 0;
    QObject::connect(&feed, &TickerFeed::ticksReceived, &app, [&](const TickBatch &ticks) {
        if (received == 0) {
            clock.start();
            guiCpuStart = threadCpuSeconds();
        }
        received += ticks.size();
        ++batches;
        largestBatch = std::max<qint64>(largestBatch, ticks.size());
        if (received >= expected)
            app.quit();
    });
    QTimer::singleShot(120'000, &app, [&] { app.exit(2); });
    // The client's CPU is the process's minus the exchange thread's.
    const auto exchangeCpu = [exchange] {
        double seconds = 0;
        QMetaObject::invokeMethod(
            exchange, [&seconds] { seconds = threadCpuSeconds(); }, Qt::BlockingQueuedConnection);
        return seconds;
    };
    const double processCpuStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    const double exchangeCpuStart = exchangeCpu();
    feed.start();
    const int code = app.exec();
    const double clientCpu = (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - processCpuStart)
        - (exchangeCpu() - exchangeCpuStart);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double guiCpu = threadCpuSeconds() - guiCpuStart;
    const FeedStats stats = feed.stop();
    exchangeThread.quit();
    exchangeThread.wait();
    std::fclose(sink);

    const qint64 flooded = received;
    std::printf(
        "api %d: %lld ticks in %.3f s = %.0f ticks/s wall; %lld batches (largest %lld); "
        "client CPU %.3f s = %.2f us/tick = %.0f ticks/s per core; GUI thread %.2f us/tick; "
        "%llu bytes; rejected %llu\n",
        int(api), flooded, seconds, double(flooded) / seconds, batches, largestBatch, clientCpu,
        clientCpu / double(flooded) * 1e6, double(flooded) / clientCpu,
        guiCpu / double(flooded) * 1e6, static_cast<unsigned long long>(stats.bytes),
        static_cast<unsigned long long>(stats.rejectedTotal()));
    return code;
}
