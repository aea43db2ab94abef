#include "bithumbticker/marketrhythm.h"

#include <algorithm>

namespace ticker {

void MarketRhythm::record(qint64 receivedMs)
{
    if (m_lastMs != 0 && receivedMs > m_lastMs) {
        const double gap = double(receivedMs - m_lastMs);
        // A weight of 1/16 follows a change of pace within a few dozen ticks.
        m_usualGapMs = m_usualGapMs == 0 ? gap : m_usualGapMs + (gap - m_usualGapMs) / 16;
    }
    m_lastMs = std::max(m_lastMs, receivedMs);
}

qint64 MarketRhythm::staleAfterMs() const
{
    return std::max(minimumStaleMs, qint64(m_usualGapMs * staleFactor));
}

} // namespace ticker
