// The memory of a whole day (issue 9 §6): every KRW market in the watchlist on one link at
// 300 ticks/s in all, for a simulated 24 h (about 26 million ticks), fed in-process. Markets
// are busy by rank (Zipf: the first about 15% of all ticks, the 480th about 0.03%), prices
// walk at random, time advances with the ticks. The ticks go to a MarketStore a minute's batch
// at a time, as the feed hands them on. One market is shown and keeps every tick;
// the others keep their last hour and per-minute summaries before it. Reports what the
// histories allocate, the process's resident memory and the cost of an append; asserts
// nothing. Times are the thread's CPU time.
//
//   day_memory_bench [--markets N] [--rate TICKS_PER_S] [--hours H] [--shown RANK]
//                    [--all-full]
//
// --all-full keeps every tick of every market (the policy before tiering), for comparison.
#include "bithumbticker/marketstore.h"
#include "bithumbticker/pricehistory.h"

#include <QCoreApplication>

#include <QByteArray>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

using namespace ticker;

namespace {

// With --all-full: one PriceHistory per market, every tick kept (the policy before tiering).
class HistoryStore
{
public:
    HistoryStore(int markets, qint64 fullResolutionMs)
        : m_histories(std::size_t(markets))
    {
        for (PriceHistory &history : m_histories)
            history.setFullResolutionWindow(fullResolutionMs);
    }
    void show(int market)
    {
        m_histories[std::size_t(market)].setFullResolutionWindow(PriceHistory::windowMs);
    }
    void apply(int market, qint64 timeMs, double price)
    {
        m_histories[std::size_t(market)].append(timeMs, price);
    }
    void flush() { }
    const PriceHistory &history(int market) const { return m_histories[std::size_t(market)]; }
    PriceHistory &history(int market) { return m_histories[std::size_t(market)]; }
    int markets() const { return int(m_histories.size()); }
    // Allocated, not held: each ring's capacity × 16 bytes, each object, the vector of them.
    std::size_t allocatedBytes() const
    {
        std::size_t bytes = sizeof(m_histories)
            + (m_histories.capacity() - m_histories.size()) * sizeof(PriceHistory);
        for (const PriceHistory &history : m_histories)
            bytes += history.allocatedBytes();
        return bytes;
    }

private:
    std::vector<PriceHistory> m_histories;
};
// By default: MarketStore itself, fed as the feed feeds it, a batch of ticks at a time (here a
// minute's), each tick with its exact price text; the store picks each market's resolution.
class StoreFeed
{
public:
    explicit StoreFeed(int markets)
    {
        for (int k = 0; k < markets; ++k) {
            // AAA_KRW, AAB_KRW, …: valid codes, one per rank.
            const QString base
                = QString(QChar(u'A' + k / 676)) + QChar(u'A' + k / 26 % 26) + QChar(u'A' + k % 26);
            m_ids.append(*MarketId::fromV1(base.toStdString() + "_KRW"));
            m_store.state(m_ids.back());
        }
    }
    void show(int market) { m_store.showMarket(m_ids[market]); }
    void apply(int market, qint64 timeMs, double price)
    {
        Tick tick;
        tick.market = m_ids[market];
        tick.price = price;
        tick.priceText = QString::number(price, 'f', 2);
        tick.exchangeTimeMs = tick.receivedMs = tick.localTimeMs = timeMs;
        m_batch.append(std::move(tick));
    }
    void flush()
    {
        m_store.applyTicks(m_batch);
        m_batch.clear();
    }
    const PriceHistory &history(int market) const { return m_store.find(m_ids[market])->history; }
    PriceHistory &history(int market)
    {
        return const_cast<PriceHistory &>(m_store.find(m_ids[market])->history);
    }
    int markets() const { return int(m_ids.size()); }
    // The histories' allocations and each market's state object (its last tick included).
    std::size_t allocatedBytes() const
    {
        std::size_t bytes = 0;
        for (const MarketId &id : m_ids)
            bytes += m_store.find(id)->history.allocatedBytes() + sizeof(MarketState)
                - sizeof(PriceHistory);
        return bytes;
    }

private:
    MarketStore m_store;
    QList<MarketId> m_ids;
    TickBatch m_batch;
};

struct FedTick
{
    int market;
    qint64 timeMs;
    double price;
};

// splitmix64: fast, and the same day on every run.
struct Random
{
    quint64 state = 0x9e3779b97f4a7c15ULL;
    quint64 next()
    {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
};

// Kilobytes from a line of /proc/self/status ("VmRSS:   123 kB"); -1 where there is none.
long statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

double mb(double bytes)
{
    return bytes / 1e6;
}

struct Totals
{
    std::size_t held = 0, summaries = 0, allocatedPoints = 0;
};

template<typename Store> Totals totals(const Store &store)
{
    Totals t;
    for (int m = 0; m < store.markets(); ++m) {
        t.held += store.history(m).size();
        t.summaries += store.history(m).summarySize();
        t.allocatedPoints += store.history(m).allocatedPoints();
    }
    return t;
}

// CPU time, not wall time: on a shared machine the wall clock also counts other processes.
double threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e9 + double(now.tv_nsec);
}

template<typename F> double microseconds(F &&work, int repeats = 20)
{
    const double start = threadCpuNs();
    for (int i = 0; i < repeats; ++i)
        work();
    return (threadCpuNs() - start) / 1e3 / repeats;
}

} // namespace

template<typename Store>
int feedDay(
    Store &store, int markets, int shown, int fullMinutes, double rate, double hours, bool allFull);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int markets = 480, shown = 0;
    const int fullMinutes = int(PriceHistory::lastHourMs / 60'000); // what the store keeps
    double rate = 300, hours = 24;
    bool allFull = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&] { return i + 1 < argc ? std::stod(argv[++i]) : 0.0; };
        if (arg == "--markets")
            markets = std::max(1, int(value()));
        else if (arg == "--rate")
            rate = value();
        else if (arg == "--hours")
            hours = value();
        else if (arg == "--shown")
            shown = int(value());
        else if (arg == "--all-full")
            allFull = true;
        else {
            std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
            return 2;
        }
    }
    shown = std::clamp(shown, 0, markets - 1);
    if (allFull) {
        HistoryStore store(markets, PriceHistory::windowMs);
        return feedDay(store, markets, shown, fullMinutes, rate, hours, allFull);
    }
    StoreFeed store(markets);
    return feedDay(store, markets, shown, fullMinutes, rate, hours, allFull);
}

template<typename Store>
int feedDay(
    Store &store, int markets, int shown, int fullMinutes, double rate, double hours, bool allFull)
{

    // Zipf (s = 1) by rank: market k gets a share of 1 / (k + 1), normalised.
    const auto count = std::size_t(markets);
    std::vector<double> cumulative(count);
    double sum = 0;
    for (int k = 0; k < markets; ++k)
        cumulative[std::size_t(k)] = (sum += 1.0 / (k + 1));
    for (double &c : cumulative)
        c /= sum;
    std::vector<double> price(count), step(count);
    Random random;
    for (int k = 0; k < markets; ++k) {
        price[std::size_t(k)] = std::pow(10.0, 1 + 7 * random.uniform()); // 10 … 10⁸ KRW
        step[std::size_t(k)] = price[std::size_t(k)] * 1e-4;
    }

    const long rssStartKb = statusKb("VmRSS:");
    store.show(shown);

    constexpr qint64 dayStart = 1'796'083'200'000; // 2026-12-01 00:00 UTC
    constexpr qint64 chunkMs = 60'000;
    const auto totalMs = qint64(hours * 3600 * 1000);
    const auto perChunk = std::size_t(std::llround(rate * double(chunkMs) / 1000));
    std::printf("day_memory_bench: %d markets, %.0f ticks/s in all (Zipf by rank), %.1f h, "
                "shown market rank %d keeps every tick, the others %s\n",
        markets, rate, hours, shown,
        allFull ? "too (--all-full)" : (std::to_string(fullMinutes) + " min").c_str());
    std::printf(
        "%6s %12s %12s %14s %10s\n", "hour", "ticks fed", "points held", "allocated MB", "RSS MB");

    std::vector<FedTick> chunk(perChunk);
    std::size_t fed = 0;
    double appendNs = 0;
    qint64 nextReportMs = 6 * 3600 * 1000;
    for (qint64 at = 0; at < totalMs; at += chunkMs) {
        // Make a minute of ticks, then time only the appends.
        for (std::size_t i = 0; i < perChunk; ++i) {
            const int market
                = int(std::upper_bound(cumulative.begin(), cumulative.end(), random.uniform())
                    - cumulative.begin());
            const auto m = std::size_t(std::min(market, markets - 1));
            const quint64 r = random.next();
            price[m] = std::max(step[m], price[m] + step[m] * double(int(r % 3) - 1));
            chunk[i] = {int(m), dayStart + at + qint64(i) * chunkMs / qint64(perChunk), price[m]};
        }
        const double start = threadCpuNs();
        for (const FedTick &tick : chunk)
            store.apply(tick.market, tick.timeMs, tick.price);
        store.flush();
        appendNs += threadCpuNs() - start;
        fed += perChunk;
        if (at + chunkMs >= nextReportMs || at + chunkMs >= totalMs) {
            const Totals t = totals(store);
            std::printf("%6.1f %12zu %12zu %14.1f %10.1f\n", double(at + chunkMs) / 3.6e6, fed,
                t.held, mb(double(store.allocatedBytes())), double(statusKb("VmRSS:")) / 1e3);
            nextReportMs += 6 * 3600 * 1000;
        }
    }

    const Totals t = totals(store);
    const PriceHistory &shownHistory = store.history(shown);
    const std::size_t shownBytes = shownHistory.allocatedBytes();
    const long rssKb = statusKb("VmRSS:"), peakKb = statusKb("VmHWM:");
    std::printf("\nticks fed              %zu\n", fed);
    std::printf("points held            %zu (%zu per-minute summary points, %zu ticks)\n", t.held,
        t.summaries, t.held - t.summaries);
    std::printf("points allocated       %zu\n", t.allocatedPoints);
    std::printf("allocated              %.1f MB (shown market %.1f MB for %zu points; the other "
                "%d %.1f MB, %.0f KB each on average)\n",
        mb(double(store.allocatedBytes())), mb(double(shownBytes)), shownHistory.size(),
        markets - 1, mb(double(store.allocatedBytes() - shownBytes)),
        double(store.allocatedBytes() - shownBytes) / 1e3 / std::max(1, markets - 1));
    std::printf("VmRSS                  %.1f MB at the end (%.1f MB before the feed), peak "
                "(VmHWM) %.1f MB\n",
        double(rssKb) / 1e3, double(rssStartKb) / 1e3, double(peakKb) / 1e3);
    std::printf("applied                %.1f ns/tick of CPU (%zu ticks; with the store: making the "
                "tick and its price text too)\n",
        appendNs / double(fed), fed);

    // What the views pay for it: a chart of the shown market and a sparkline of a busy and a
    // quiet market over the whole day, and the switch when the shown market goes back.
    const auto m4Us = [&](const PriceHistory &history, int columns) {
        const qint64 to = history.newest().timeMs, from = to - PriceHistory::windowMs;
        return microseconds([&] {
            const auto points = decimateM4(history.range(from, to), from, to, columns);
            if (points.empty())
                std::abort();
        });
    };
    const int busy = shown == 1 ? 2 : 1, quiet = markets - 1;
    std::printf("M4 of 24 h             shown (%zu points) 1200 columns %.0f µs; rank %d (%zu "
                "points) 1440 columns %.0f µs, 100 columns %.0f µs; rank %d (%zu points) 100 "
                "columns %.0f µs\n",
        shownHistory.size(), m4Us(shownHistory, 1200), busy, store.history(busy).size(),
        m4Us(store.history(busy), 1440), m4Us(store.history(busy), 100), quiet,
        store.history(quiet).size(), m4Us(store.history(quiet), 100));
    if (!allFull) {
        const std::size_t before = shownHistory.size();
        const double start = threadCpuNs();
        store.history(shown).setFullResolutionWindow(qint64(fullMinutes) * 60'000);
        const double ms = (threadCpuNs() - start) / 1e6;
        std::printf("shown → watchlist      %.1f ms to compact %zu points to %zu; allocated now "
                    "%.1f MB in all\n",
            ms, before, shownHistory.size(), mb(double(store.allocatedBytes())));
    }
    return 0;
}
