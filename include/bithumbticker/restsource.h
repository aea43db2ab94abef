#pragma once

#include "bithumbticker/protocol.h"

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

#include <functional>

namespace ticker {

// Where and how the app asks Bithumb's REST API for candles, and the clock it judges them by.
struct RestSource
{
    ApiVersion api = ApiVersion::V2;
    QUrl restBase;                              // empty: https://api.bithumb.com
    int timeoutMs = 10'000;                     // per request
    qint64 maxBodyBytes = 4 << 20;              // a larger response is cut off and refused
    QList<QSslCertificate> extraCaCertificates; // as for the WebSocket (--ca-file)
    std::function<qint64()> clock;              // ms since the epoch; empty: the system clock

    qint64 now() const { return clock ? clock() : QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace ticker
