#pragma once

#include "bithumbticker/marketid.h"

#include <QList>

namespace ticker {

// The markets the loopback exchange lists (WebSocket and REST alike): about thirty of
// Bithumb's large KRW markets. Anything else is unknown to it, as to the real exchange.
const QList<MarketId> &fakeListedMarkets();
bool isFakeListed(const MarketId &market);

} // namespace ticker
