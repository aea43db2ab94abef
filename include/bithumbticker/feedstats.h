#pragma once

#include "bithumbticker/protocol.h"

#include <QByteArray>
#include <QMetaType>

#include <array>

namespace ticker {

// What the feed has seen since it started; --stats prints it.
struct FeedStats
{
    quint64 frames = 0;          // WebSocket messages received
    quint64 bytes = 0;           // their payload bytes
    quint64 ticks = 0;           // valid ticks handed on
    quint64 statuses = 0;        // status frames (API 1.0 "0000", API 2.0 "UP")
    quint64 errors = 0;          // error frames and error statuses from the server
    quint64 ignored = 0;         // valid but not asked for (other tick type, unsubscribed market)
    quint64 reconnects = 0;      // dials after the first one
    quint64 deadLinks = 0;       // links dropped for answering nothing for two heartbeats
    quint64 connectTimeouts = 0; // dials that did not complete in time
    quint64 rateLimited = 0;     // dials refused with HTTP 429
    quint64 stalePeriods = 0;    // times a market fell silent far beyond its rhythm (live link)
    quint64 outOfOrder = 0;      // ticks older (by trade time) than their market's last one
    std::array<quint64, rejectReasonCount> rejected {};
    std::array<quint64, rejectReasonCount> droppedFields {}; // bad optional fields, tick kept

    quint64 rejectedTotal() const;
    // One line of JSON: {"ticks":…,"frames":…,"rejected":{"bad_json":…,…},…}
    QByteArray toJson() const;
};

} // namespace ticker

Q_DECLARE_METATYPE(ticker::FeedStats)
