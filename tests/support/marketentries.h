#pragma once

#include "bithumbticker/fakemarkets.h"
#include "bithumbticker/marketcatalog.h"

#include <vector>

namespace ticker::test {

// A catalogue entry as the exchange lists it, code in API 2.0's spelling (KRW-BTC).
inline MarketCatalog::Entry catalogEntry(
    const char *code, const char *korean, const char *english, const char *warning = "NONE")
{
    return {*MarketId::fromV2(code), QString::fromUtf8(korean), QString::fromUtf8(english),
        QString::fromLatin1(warning), MarketCatalog::Source::Exchange};
}

// The loopback exchange's whole catalogue (493 markets) as MarketCatalog entries.
inline std::vector<MarketCatalog::Entry> fakeCatalogEntries()
{
    std::vector<MarketCatalog::Entry> entries;
    for (const auto &listing : fakeCatalog())
        entries.push_back({listing.market, listing.koreanName, listing.englishName,
            listing.caution ? QStringLiteral("CAUTION") : QStringLiteral("NONE"),
            MarketCatalog::Source::Exchange});
    return entries;
}

} // namespace ticker::test
