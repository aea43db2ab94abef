#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <functional>

namespace ticker {

struct FeedConfig
{
    ApiVersion api = ApiVersion::V2;
    QUrl url; // empty: the API's public endpoint
    QList<MarketId> markets;
    QString tickType = QStringLiteral("24H"); // API 1.0 only
    int redialDelayMs = 1000;
    qint64 maxMessageBytes = 1 << 20; // a larger frame or message closes the link
    std::function<qint64()> clock;    // ms since the epoch; empty: the system clock
};

} // namespace ticker
