// Google Benchmark of what the recording writer does per frame, without threads: a frame's
// line (escaped into the JSON-lines buffer) and, for a .gz file, its share of the deflate
// (Z_BEST_SPEED, fed in the writer's 1 MiB pieces). The fixture ticker frames of both APIs.
#include "bithumbticker/recording.h"

#include <QFile>

#include <benchmark/benchmark.h>
#include <zlib.h>

using namespace ticker;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TICKER_FIXTURES_DIR "/") + QString::fromLatin1(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

constexpr qsizetype pieceBytes = 1 << 20;

void appendLine(benchmark::State &state, const char *name)
{
    const RecordedEntry entry {RecordedEntry::Kind::Text, 1'796'186'561'201, 1, fixture(name)};
    QByteArray buffer;
    qint64 bytes = 0;
    for (auto _ : state) {
        Recording::appendLine(buffer, entry);
        if (buffer.size() >= pieceBytes) {
            bytes += buffer.size();
            buffer.resize(0); // as the writer does after a flush: the capacity stays
        }
    }
    benchmark::DoNotOptimize(buffer.data());
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes + buffer.size());
}

void deflateLine(benchmark::State &state, const char *name)
{
    const RecordedEntry entry {RecordedEntry::Kind::Text, 1'796'186'561'201, 1, fixture(name)};
    QByteArray piece;
    while (piece.size() < pieceBytes)
        Recording::appendLine(piece, entry);
    const qint64 lines = piece.count('\n');
    z_stream zip {};
    deflateInit2(&zip, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(1 << 16, Qt::Uninitialized);
    for (auto _ : state) {
        zip.next_in = reinterpret_cast<Bytef *>(piece.data());
        zip.avail_in = uInt(piece.size());
        do {
            zip.next_out = reinterpret_cast<Bytef *>(out.data());
            zip.avail_out = uInt(out.size());
            deflate(&zip, Z_NO_FLUSH);
        } while (zip.avail_out == 0);
    }
    deflateEnd(&zip);
    state.SetItemsProcessed(state.iterations() * lines); // per frame
    state.SetBytesProcessed(state.iterations() * piece.size());
}

} // namespace

BENCHMARK_CAPTURE(appendLine, api1_ticker, "v1_ticker.json");
BENCHMARK_CAPTURE(appendLine, api2_ticker, "v2_ticker.json");
BENCHMARK_CAPTURE(deflateLine, api1_ticker, "v1_ticker.json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(deflateLine, api2_ticker, "v2_ticker.json")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
