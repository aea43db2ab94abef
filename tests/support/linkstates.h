#pragma once

#include "bithumbticker/feedclient.h"
#include "common.h"

#include <QSignalSpy>
#include <QTest>

namespace ticker::test {

// Why the feed first said its link was lost (the detail of its first Redialing state, in the
// log's words), as recorded by a spy on TickerFeed::stateChanged; empty if that did not happen
// in time.
inline QString lostLinkReason(QSignalSpy &states)
{
    QString reason;
    const bool lost = QTest::qWaitFor(
        [&] {
            for (const auto &state : std::as_const(states)) {
                if (state.at(0).value<FeedClient::State>() == FeedClient::State::Redialing) {
                    reason = state.at(1).value<LinkDetail>().logText();
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return lost ? reason : QString();
}

} // namespace ticker::test
