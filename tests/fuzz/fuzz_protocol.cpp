// libFuzzer target for one API's parsers (FUZZ_API 1 or 2): any bytes must parse, as a
// WebSocket frame and as a REST candle answer, without crashing; whatever is called a tick must
// be one a person could be shown, and the candles kept must be valid, in order and unique. The
// same bytes as a market list (API 2.0's /v1/market/all): only valid, unique markets with plain
// names are kept. And the same bytes recorded as a binary frame read back exactly (the
// writer's escaping and base64).
#include "bithumbticker/marketcatalog.h"
#include "bithumbticker/protocol.h"
#include "bithumbticker/recording.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <unordered_set>

using namespace ticker;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const auto protocol = Protocol::create(ApiVersion(FUZZ_API));
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedFrame frame = protocol->parseFrame(bytes, 1);
    const auto isExchangeTime
        = [](qint64 ms) { return ms >= earliestTimeMs && ms <= latestTimeMs; };
    if (frame.kind == ParsedFrame::Kind::Tick) {
        // Market, price and the trade's time gate a tick; what else it carries is sane or unset.
        const Tick &tick = frame.tick;
        if (!tick.market.isValid() || tick.priceText.isEmpty() || !std::isfinite(tick.price)
            || tick.price <= 0 || !isExchangeTime(tick.exchangeTimeMs)
            || (tick.serverTimeMs != 0 && !isExchangeTime(tick.serverTimeMs))
            || (tick.status.delistingDate.isValid()
                && (tick.status.delistingDate.year() < earliestYear
                    || tick.status.delistingDate.year() > latestYear)))
            std::abort();
    }
    if (frame.kind == ParsedFrame::Kind::Rejected && frame.detail.isEmpty())
        std::abort(); // every drop says why
    for (const FieldDrop &drop : frame.droppedFields) {
        if (frame.kind != ParsedFrame::Kind::Tick || drop.detail.isEmpty())
            std::abort(); // only a kept tick drops fields, and each says why
    }

    const CandlePage page = protocol->parseCandles(bytes);
    if (!page.error.isEmpty() && !page.candles.empty())
        std::abort(); // a refused answer keeps nothing
    for (std::size_t i = 0; i < page.candles.size(); ++i) {
        if (!isValidCandle(page.candles[i])
            || (i > 0 && page.candles[i].startMs <= page.candles[i - 1].startMs))
            std::abort();
    }

    const MarketCatalog::Parsed markets = MarketCatalog::parse(bytes);
    if (!markets.error.isEmpty() && !markets.entries.empty())
        std::abort();
    std::unordered_set<MarketId, MarketIdHasher> seen;
    for (const MarketCatalog::Entry &entry : markets.entries) {
        if (!entry.market.isValid() || !seen.insert(entry.market).second
            || entry.koreanName.trimmed().isEmpty() || entry.englishName.trimmed().isEmpty()
            || !(
                entry.warning.isEmpty() || entry.warning == u"NONE" || entry.warning == u"CAUTION"))
            std::abort();
        for (const QString &name : {entry.koreanName, entry.englishName}) {
            for (const QChar c : name) {
                if (c == u'<' || c == u'>' || c.category() == QChar::Other_Control)
                    std::abort(); // a name is plain text on one line
            }
        }
    }

    QByteArray line;
    Recording::appendLine(line, {RecordedEntry::Kind::Binary, 1, 1, bytes.toByteArray()});
    if (!line.endsWith('\n') || line.count('\n') != 1)
        std::abort(); // one line per entry
    const auto back = Recording::parseLine(QByteArrayView(line).chopped(1), nullptr);
    if (!back || back->kind != RecordedEntry::Kind::Binary || back->data != bytes)
        std::abort();
    return 0;
}
