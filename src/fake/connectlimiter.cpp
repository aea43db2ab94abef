#include "bithumbticker/connectlimiter.h"

namespace ticker {

bool ConnectLimiter::admit(const QString &peer, qint64 nowMs)
{
    Peer &p = m_peers[peer];
    p.requests.push_back(nowMs);
    while (p.requests.front() <= nowMs - windowMs)
        p.requests.pop_front();
    if (nowMs < p.bannedUntilMs) {
        p.bannedUntilMs = nowMs + m_banMs; // dialling into a ban prolongs it
        return false;
    }
    if (qsizetype(p.requests.size()) <= m_limit) {
        p.overSinceMs = -1;
        return true;
    }
    // One burst over the limit costs its excess dials; still over a second later is
    // "continuing to exceed" (notes 2.6): the ban.
    if (p.overSinceMs < 0)
        p.overSinceMs = nowMs;
    else if (nowMs - p.overSinceMs >= windowMs)
        p.bannedUntilMs = nowMs + m_banMs;
    return false;
}

bool ConnectLimiter::isBanned(const QString &peer, qint64 nowMs) const
{
    const auto it = m_peers.constFind(peer);
    return it != m_peers.constEnd() && nowMs < it->bannedUntilMs;
}

} // namespace ticker
