#pragma once

#include "bithumbticker/marketid.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>

#include <limits>
#include <optional>

namespace ticker {

// What API 2.0 says in every ticker about the market itself. Empty or unset: not sent.
struct MarketStatus
{
    bool reported = false;                // the frame carried status fields (API 2.0)
    QString state;                        // market_state, "ACTIVE" in every known sample
    std::optional<bool> tradingSuspended; // is_trading_suspended
    QDate delistingDate;                  // delisting_date; invalid when none ("" or null)
    QString warning;                      // market_warning: "NONE" or "CAUTION" (투자유의)

    // What every ticker of a market that trades normally says.
    static MarketStatus active()
    {
        return {true, QStringLiteral("ACTIVE"), false, {}, QStringLiteral("NONE")};
    }
    bool isSuspended() const { return tradingSuspended.value_or(false); }
    bool isDelisting() const { return delistingDate.isValid(); }
    bool isCaution() const { return warning == QLatin1String("CAUTION"); }
    // A state other than ACTIVE, shown as the exchange wrote it (no other value is documented).
    bool hasUnusualState() const { return !state.isEmpty() && state != QLatin1String("ACTIVE"); }
    bool isNormal() const
    {
        return !isSuspended() && !isDelisting() && !isCaution() && !hasUnusualState();
    }
    friend bool operator==(const MarketStatus &, const MarketStatus &) = default;
};

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
    double tradedValue = unknown;   // quote currency traded over the same window as volume
    qint64 exchangeTimeMs = 0;      // the trade's time by the exchange's clock, UTC ms
    qint64 serverTimeMs = 0;        // when the exchange sent the frame (API 1.0: the frame's time)
    qint64 receivedMs = 0;          // local clock, ms since the epoch
    // The trade's time on the local clock, set by the feed: exchangeTimeMs while the two
    // clocks agree, else receivedMs less the trade's age at sending. Ages and history use it.
    qint64 localTimeMs = 0;
    // API 2.0's stream_type: true for SNAPSHOT, the market's state on subscribing rather than a
    // new trade; unset when the frame did not say (API 1.0).
    std::optional<bool> snapshot;
    MarketStatus status;

    bool isSnapshot() const { return snapshot.value_or(false); }
};

using TickBatch = QList<Tick>;

} // namespace ticker

Q_DECLARE_METATYPE(ticker::Tick)
