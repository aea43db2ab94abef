#pragma once

#include "bithumbticker/marketid.h"

#include <QList>

namespace ticker {

// The markets the loopback exchange lists: about thirty of Bithumb's big KRW markets. Like the
// real exchange, the fakes answer only these; any other code gets nothing.
const QList<MarketId> &fakeListedMarkets();
bool isFakeListed(const MarketId &market);

} // namespace ticker
