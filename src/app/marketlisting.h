#pragma once

#include "bithumbticker/marketcatalog.h"

#include <QByteArray>

#include <cstdio>

namespace ticker {

// --list-markets, a contract scripts read: one JSON object per market per line, with exactly
// market (KRW-BTC), symbol (BTC_KRW), koreanName, englishName, warning (NONE, CAUTION, or null
// when the source does not say: the bundled list cannot know today's flags) and source
// (exchange, cache or bundled).
QByteArray marketListingLine(const MarketCatalog::Entry &entry);

// One refresh of the catalogue, waited for in a local event loop (its timeout bounds it).
void refreshAndWait(MarketCatalog &catalog);

// Loads the catalogue, tries one refresh (the config's timeout bounds it), prints what it then
// holds to out and returns the exit code: 0, or 1 when not even the bundled list is there.
int listMarkets(MarketCatalog::Config config, std::FILE *out);

} // namespace ticker
