#include "bithumbticker/backoff.h"

#include <algorithm>

namespace ticker {

Backoff::Backoff(BackoffPolicy policy, quint32 seed)
    : m_policy(policy)
    , m_random(seed)
{
    m_policy.floorMs = std::max(0, m_policy.floorMs);
    m_policy.firstMs = std::max(m_policy.floorMs, m_policy.firstMs);
    m_policy.capMs = std::max(m_policy.firstMs, m_policy.capMs);
}

int Backoff::ceilingMs() const
{
    // Doubling stops once past the cap, so the shift never overflows.
    qint64 ceiling = m_policy.firstMs;
    for (int i = 0; i < m_failures && ceiling < m_policy.capMs; ++i)
        ceiling *= 2;
    return int(std::min<qint64>(ceiling, m_policy.capMs));
}

int Backoff::nextDelayMs()
{
    const int ceiling = ceilingMs();
    ++m_failures;
    return m_policy.floorMs + int(m_random.bounded(quint32(ceiling - m_policy.floorMs) + 1));
}

} // namespace ticker
