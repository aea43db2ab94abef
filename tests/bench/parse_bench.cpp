// Google Benchmark of the parse path of both APIs: the fixture ticker frames, and REST candle
// answers of the size a backfill gets (API 2.0: a page of 200; API 1.0: 1,500 rows at once),
// which are read on the GUI thread.
#include "bithumbticker/protocol.h"

#include <QDateTime>
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
    QByteArray frame = fixture(name);
    if (QByteArrayView(name).endsWith(".jsonl")) // one frame a line: the first
        frame.truncate(frame.indexOf('\n'));
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

// An answer of `rows` one-minute candles in the API's own shape.
QByteArray candleAnswer(ApiVersion api, int rows)
{
    const qint64 start = 1'795'430'460'000;
    QByteArray body = api == ApiVersion::V2 ? "[" : R"({"status":"0000","data":[)";
    for (int i = 0; i < rows; ++i) {
        const qint64 t = start - qint64(i) * Candle::durationMs;
        if (i > 0)
            body += ',';
        if (api == ApiVersion::V2) {
            const QByteArray utc = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC)
                                       .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                                       .toLatin1();
            body += R"({"market":"KRW-BTC","candle_date_time_utc":")" + utc
                + R"(","candle_date_time_kst":")" + utc
                + R"(","opening_price":130112000,"high_price":130150000,"low_price":130100000,)"
                + R"("trade_price":130140000,"timestamp":)" + QByteArray::number(t + 59'512)
                + R"(,"candle_acc_trade_price":412310221.5421,"candle_acc_trade_volume":3.1686,)"
                + R"("unit":1})";
        } else {
            body += "[" + QByteArray::number(t)
                + R"(,"130112000","130140000","130150000","130100000","3.1686"])";
        }
    }
    return body + (api == ApiVersion::V2 ? "]" : "]}");
}

void parseCandles(benchmark::State &state, ApiVersion api, int rows)
{
    const auto protocol = Protocol::create(api);
    const QByteArray body = candleAnswer(api, rows);
    if (protocol->parseCandles(body).candles.size() != std::size_t(rows)) {
        state.SkipWithError("the answer does not read back");
        return;
    }
    for (auto _ : state) {
        auto page = protocol->parseCandles(body);
        benchmark::DoNotOptimize(page);
    }
    state.SetBytesProcessed(state.iterations() * body.size());
}

} // namespace

BENCHMARK_CAPTURE(parseCandles, api2_page_of_200, ApiVersion::V2, 200)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parseCandles, api1_1500_rows, ApiVersion::V1, 1500)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parseFrame, api1_ticker, ApiVersion::V1, "v1_ticker.json");
BENCHMARK_CAPTURE(parseFrame, api2_ticker, ApiVersion::V2, "v2_ticker.json");
// The same 33 fields in SIMPLE's abbreviated keys (the docs' first SIMPLE frame), as subscribed.
BENCHMARK_CAPTURE(parseFrame, api2_ticker_simple, ApiVersion::V2,
    "real/v2_ticker_simple_format_docs_2024-09-10.jsonl");
BENCHMARK(rejectGarbage);
BENCHMARK_MAIN();
