// Google Benchmark of the parse path of both APIs on the fixture frames.
#include "bithumbticker/protocol.h"

#include <QFile>

#include <benchmark/benchmark.h>

using namespace ticker;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TICKER_FIXTURES_DIR "/") + QString::fromLatin1(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void parseFrame(benchmark::State &state, ApiVersion api, const char *name)
{
    const auto protocol = Protocol::create(api);
    const QByteArray frame = fixture(name);
    if (protocol->parseFrame(frame, 0).kind != ParsedFrame::Kind::Tick) {
        state.SkipWithError("fixture is not a tick");
        return;
    }
    for (auto _ : state) {
        auto parsed = protocol->parseFrame(frame, 1);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * frame.size());
}

void rejectGarbage(benchmark::State &state)
{
    const auto protocol = Protocol::create(ApiVersion::V2);
    const QByteArray frame = QByteArray(4096, '[');
    for (auto _ : state) {
        auto parsed = protocol->parseFrame(frame, 1);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK_CAPTURE(parseFrame, api1_ticker, ApiVersion::V1, "v1_ticker.json");
BENCHMARK_CAPTURE(parseFrame, api2_ticker, ApiVersion::V2, "v2_ticker.json");
BENCHMARK(rejectGarbage);
BENCHMARK_MAIN();
