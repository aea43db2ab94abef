#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace ticker {

// Bithumb's connection-request limit as FakeExchange enforces it (protocol notes 2.6): more
// than `limit` requests from one address within a second are refused (HTTP 429); a peer that
// stays over the limit for a second or more is banned, every request during the ban is refused
// and extends it. Time is passed in, so the policy is tested without waiting.
class ConnectLimiter
{
public:
    static constexpr int defaultLimit = 10;
    static constexpr qint64 windowMs = 1000;
    static constexpr qint64 defaultBanMs = 10 * 60 * 1000;

    void setLimit(int perSecond) { m_limit = perSecond; }
    void setBanMs(qint64 ms) { m_banMs = ms; }

    // Counts one connection request from this peer at nowMs (a monotonic clock): true if it
    // may go on to the WebSocket handshake, false if it must be refused.
    bool admit(const QString &peer, qint64 nowMs);
    bool isBanned(const QString &peer, qint64 nowMs) const;

private:
    struct Peer
    {
        std::deque<qint64> requests; // within the last window, refused ones included
        qint64 overSinceMs = -1;     // first refusal of the current run over the limit
        qint64 bannedUntilMs = -1;
    };

    int m_limit = defaultLimit;
    qint64 m_banMs = defaultBanMs;
    QHash<QString, Peer> m_peers;
};

} // namespace ticker
