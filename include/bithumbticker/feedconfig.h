#pragma once

#include "bithumbticker/backoff.h"
#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace ticker {

struct FeedConfig
{
    ApiVersion api = ApiVersion::V2;
    QUrl url; // empty: the API's public endpoint
    QList<MarketId> markets;
    QString tickType = QStringLiteral("24H"); // API 1.0 only
    // Liveness. A ping every heartbeat; a link that answers nothing (no pong, no frame) for two
    // heartbeats is dead. Tests shrink every interval to milliseconds.
    int heartbeatMs = 20'000; // API 2.0 drops idle links after 60 s without a close frame
    int connectTimeoutMs = 10'000;
    int healthyAfterMs = 30'000; // a link up this long resets the backoff
    // After HTTP 429, Bithumb bans the IP for about ten minutes and every dial extends it.
    int rateLimitWaitMs = 10 * 60'000 + 30'000;
    // Ticks handed to the GUI thread at most this often (ms), not once per socket read: while
    // no window shows them, waking that thread for every trade costs more than the trade.
    int handoffIntervalMs = 0;
    // Otherwise at most one hand-off a frame: the first read after a quiet spell goes at once,
    // what the socket reads within the frame after it waits for the frame's end. The views
    // paint no more often, and a flood wakes the GUI thread 60 times a second, not every read.
    int handoffSpacingMs = 16;
    // Once the feed is told which markets a window shows as they happen (the main label, the
    // chart), the others' ticks (watchlist rows, alert targets) go at most this often, with the
    // shown market's next hand-off if that comes first: a table is read no faster, and every
    // hand-off costs a paint pass. Until told, every market is shown.
    int sideHandoffMs = 250;
    std::optional<QList<MarketId>> shownMarkets; // unset: every market is shown
    int maxClockSkewMs = 5'000; // beyond this the clocks disagree: ages use receive times
    BackoffPolicy backoff;
    QList<QSslCertificate> extraCaCertificates; // --ca-file: trusted besides the system's
    qint64 maxMessageBytes = 1 << 20;           // a larger frame or message closes the link
    std::function<qint64()> clock;              // ms since the epoch; empty: the system clock
};

} // namespace ticker
