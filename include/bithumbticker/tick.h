#pragma once

#include "bithumbticker/marketid.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <limits>

namespace ticker {

// One ticker update, the same for both APIs. Change is always measured against the previous
// day's close (00:00 KST), as API 2.0 reports it and as Bithumb's own pages show it; API 1.0
// frames are converted from their closePrice and prevClosePrice. NaN means "not reported".
struct Tick
{
    static constexpr double unknown = std::numeric_limits<double>::quiet_NaN();

    MarketId market;
    QString priceText; // the exact decimal text received
    double price = 0;
    double changeAmount = unknown;  // in the quote currency, signed
    double changePercent = unknown; // percent, signed: 1.5 means +1.5 %
    double volume = unknown;        // base currency, over 24 h (API 1.0: the tick-type window)
    qint64 exchangeTimeMs = 0;      // UTC, ms since the epoch; 0 when the frame had none
    qint64 receivedMs = 0;          // local clock, ms since the epoch
};

using TickBatch = QList<Tick>;

} // namespace ticker

Q_DECLARE_METATYPE(ticker::Tick)
