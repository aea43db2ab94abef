// PriceHistory and M4 decimation: append cost, decimation time for a chart of W columns, and
// bytes per stored tick (allocated ring / ticks held).
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

} // namespace

BENCHMARK(append);
BENCHMARK(decimate)
    ->ArgsProduct({{1'000, 10'000, 86'400, 1'000'000}, {400, 1200}})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
