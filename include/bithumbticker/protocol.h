#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/tick.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <vector>

namespace ticker {

enum class ApiVersion { V1 = 1, V2 = 2 };

// Korea keeps UTC+9 all year (no daylight saving time).
inline constexpr qint64 kstOffsetMs = 9 * 3600 * 1000;
// Korean wall-clock time of an instant, marked UTC so that toString() prints it as it is: what
// Bithumb writes for KST (trade_date, trade_time, the candles' `to`).
inline QDateTime koreanWallClock(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + kstOffsetMs, Qt::UTC);
}

// Exchange times outside these years are garbage, not history: Bithumb opened in 2014.
inline constexpr int earliestYear = 2000;
inline constexpr int latestYear = 2199;
inline constexpr qint64 earliestTimeMs = 946'684'800'000; // 2000-01-01T00:00:00Z
inline constexpr qint64 latestTimeMs = 7'258'118'399'999; // 2199-12-31T23:59:59.999Z
inline constexpr bool isExchangeTime(qint64 ms)
{
    return ms >= earliestTimeMs && ms <= latestTimeMs;
}

// API 1.0 ticker windows: 30M, 1H, 12H, 24H, MID.
bool isValidTickType(const QString &tickType);

// Why a frame was dropped. Counted per reason and printed by --stats.
enum class RejectReason {
    EmptyFrame,     // zero bytes
    BadJson,        // not JSON, bad UTF-8, trailing garbage
    TooDeep,        // nesting beyond what any Bithumb frame has
    NotObject,      // the root is not a JSON object
    UnknownChannel, // a type we never subscribed to
    MissingField,   // a required field is absent
    WrongType,      // a field has the wrong JSON type
    BadNumber,      // a number that is not a finite decimal
    BadPrice,       // price not a finite number above zero
    BadMarket,      // market code not of the API's spelling
    BadTime,        // an impossible date or time
};
inline constexpr int rejectReasonCount = int(RejectReason::BadTime) + 1;
const char *rejectReasonName(RejectReason reason);

// An optional field that was malformed: dropped alone, the rest of the frame kept.
struct FieldDrop
{
    RejectReason reason;
    QString detail; // e.g. "wrong_type: signed_change_rate"
};

// What one frame turned out to be.
struct ParsedFrame
{
    enum class Kind {
        Tick,     // a valid ticker update
        Status,   // the server says all is well (API 1.0 "0000", API 2.0 "UP")
        Error,    // the server reports an error (API 1.0 non-0000 status, API 2.0 error frame)
        Ignored,  // valid but not for us (another tick type)
        Rejected, // not a valid frame: dropped and counted
    };

    Kind kind = Kind::Rejected;
    Tick tick;
    RejectReason reason = RejectReason::BadJson;
    QString code;                   // status code or error name
    QString detail;                 // status message, error message, or why a frame was rejected
    QList<FieldDrop> droppedFields; // optional fields dropped from a tick
};

// One interval of trading from a REST candle endpoint: a minute unless said otherwise.
struct Candle
{
    static constexpr qint64 durationMs = 60'000;

    qint64 startMs = 0; // the interval's start, UTC ms since the epoch
    double open = 0, high = 0, low = 0, close = 0;
};

// The candle lengths the app asks for: minutes fill the chart, hours the sparklines' overview.
enum class CandleInterval { Minute, Hour };
inline constexpr qint64 candleDurationMs(CandleInterval interval)
{
    return interval == CandleInterval::Hour ? 60 * Candle::durationMs : Candle::durationMs;
}

// One REST candle response, read: the valid candles oldest first, how many were dropped, and
// why the whole response was refused (empty when it was read).
struct CandlePage
{
    std::vector<Candle> candles;
    int rejected = 0;
    QString error;
};

// One Bithumb API (WebSocket ticker and REST candles), as pure functions of bytes.
class Protocol
{
public:
    virtual ~Protocol() = default;

    static std::unique_ptr<Protocol> create(ApiVersion version, const QString &tickType = {});

    virtual ApiVersion version() const = 0;
    virtual QUrl defaultUrl() const = 0;
    // The message that subscribes to the ticker of these markets and replaces any earlier one.
    virtual QByteArray subscribeMessage(const QList<MarketId> &markets) const = 0;
    virtual ParsedFrame parseFrame(QByteArrayView frame, qint64 receivedMs) const = 0;

    // REST candles: the request for the `count` newest candles of `interval` that start before
    // `beforeMs` (0: up to now), and how many one request may ask for (0: the endpoint takes no
    // count and sends all). An interval without trades has no candle.
    static QUrl defaultRestUrl() { return QUrl(QStringLiteral("https://api.bithumb.com")); }
    virtual QUrl candlesUrl(const QUrl &restBase, const MarketId &market, CandleInterval interval,
        qint64 beforeMs, int count) const = 0;
    virtual int maxCandlesPerRequest() const = 0;
    virtual CandlePage parseCandles(QByteArrayView body) const = 0;
};

// A candle whose prices are finite, above zero and consistent (low <= open, close <= high),
// in the years a Bithumb time can be.
bool isValidCandle(const Candle &candle);

} // namespace ticker
