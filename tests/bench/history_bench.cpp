// PriceHistory and M4 decimation: append cost (every tick kept, and the last hour only with
// minute summaries before it), decimation time for a chart of W columns, and bytes per stored
// point (allocated rings / points held).
#include "bithumbticker/pricehistory.h"

#include <benchmark/benchmark.h>

#include <cmath>

using namespace ticker;

namespace {

PriceHistory filled(std::size_t points)
{
    PriceHistory history(points);
    const qint64 step = std::max<qint64>(1, PriceHistory::windowMs / qint64(points));
    for (std::size_t i = 0; i < points; ++i)
        history.append(qint64(i) * step, 130'000'000 + 50'000 * std::sin(double(i) / 500));
    return history;
}

void append(benchmark::State &state)
{
    PriceHistory history;
    qint64 t = 0;
    for (auto _ : state)
        history.append(++t, 130'000'000.0);
    state.SetItemsProcessed(state.iterations());
    state.counters["bytes_per_tick"]
        = double(history.allocatedPoints() * sizeof(PricePoint)) / double(history.size());
}

// The same with a market kept at full resolution only for its last hour, at 30 ticks/s:
// each minute compacts as it leaves the hour.
void appendTiered(benchmark::State &state)
{
    PriceHistory history;
    history.setFullResolutionWindow(PriceHistory::lastHourMs);
    qint64 t = 0;
    double price = 130'000'000;
    for (auto _ : state) {
        t += 33;
        price += (t & 64) ? 1000 : -1000;
        history.append(t, price);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["bytes_per_tick"]
        = double(history.allocatedPoints() * sizeof(PricePoint)) / double(history.size());
}

void decimate(benchmark::State &state)
{
    const auto points = std::size_t(state.range(0));
    const int columns = int(state.range(1));
    const PriceHistory history = filled(points);
    const qint64 from = history.at(0).timeMs, to = history.newest().timeMs;
    std::size_t drawn = 0;
    for (auto _ : state) {
        const auto decimated = decimateM4(history.range(from, to), from, to, columns);
        drawn = decimated.size();
        benchmark::DoNotOptimize(decimated.data());
    }
    state.counters["points_drawn"] = double(drawn);
    state.counters["bytes_per_tick"]
        = double(history.allocatedPoints() * sizeof(PricePoint)) / double(history.size());
}

// A day of candles merged into a history whose live ticks cover the last hour: the cost on
// the GUI thread when a backfill arrives.
void mergeDayOfCandles(benchmark::State &state)
{
    const auto live = std::size_t(state.range(0));
    const qint64 now = PriceHistory::windowMs * 2;
    PriceHistory base;
    for (std::size_t i = 0; i < live; ++i)
        base.append(now - 3'600'000 + qint64(i) * 3'600'000 / qint64(live), 130'000'000);
    std::vector<Candle> candles;
    for (qint64 t = now - PriceHistory::windowMs; t + Candle::durationMs <= now;
         t += Candle::durationMs)
        candles.push_back({t, 130'000'000, 130'100'000, 129'900'000, 130'050'000});
    std::size_t added = 0;
    for (auto _ : state) {
        state.PauseTiming();
        PriceHistory history = base;
        state.ResumeTiming();
        added = history.mergeCandles(candles, now);
        benchmark::DoNotOptimize(history.size());
    }
    state.counters["points_added"] = double(added);
}

} // namespace

BENCHMARK(append);
BENCHMARK(appendTiered);
BENCHMARK(mergeDayOfCandles)->Arg(0)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(decimate)
    ->ArgsProduct({{1'000, 10'000, 86'400, 1'000'000}, {400, 1200}})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
