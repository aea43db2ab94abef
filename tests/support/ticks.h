#pragma once

#include "bithumbticker/marketcatalog.h"
#include "bithumbticker/tick.h"

namespace ticker::test {

// A live trade of a market at a price and time, as the feed hands it on.
inline Tick tickAt(const char *market, const char *price, qint64 timeMs, double changePercent = 1)
{
    Tick tick;
    tick.market = *MarketId::fromUser(QString::fromLatin1(market));
    tick.priceText = QString::fromLatin1(price);
    tick.price = tick.priceText.toDouble();
    tick.changePercent = changePercent;
    tick.changeAmount = tick.price * changePercent / 100;
    tick.exchangeTimeMs = tick.serverTimeMs = tick.receivedMs = tick.localTimeMs = timeMs;
    tick.snapshot = false;
    return tick;
}

inline MarketCatalog::Entry listing(const char *market, const char *korean, const char *english,
    MarketCatalog::Source source = MarketCatalog::Source::Exchange)
{
    MarketCatalog::Entry entry;
    entry.market = *MarketId::fromUser(QString::fromLatin1(market));
    entry.koreanName = QString::fromUtf8(korean);
    entry.englishName = QString::fromLatin1(english);
    entry.warning = QStringLiteral("NONE");
    entry.source = source;
    return entry;
}

} // namespace ticker::test
