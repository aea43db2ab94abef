#pragma once

#include "bithumbticker/feedclient.h"

#include <QString>

namespace ticker {

// How the link to the exchange stands, as the GUI thread last heard it.
struct LinkState
{
    FeedClient::State state = FeedClient::State::Idle;
    LinkDetail detail;      // Connecting: where; Redialing, RateLimited: why
    qint64 redialAtMs = 0;  // Redialing, RateLimited: when the next dial is due
    qint64 liveSinceMs = 0; // when it last became live
    bool networkOnline = true;

    bool isLive() const { return state == FeedClient::State::Live; }
};

} // namespace ticker
