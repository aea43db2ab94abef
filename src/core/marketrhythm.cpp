#include "bithumbticker/marketrhythm.h"

#include <algorithm>

namespace ticker {

void MarketRhythm::record(qint64 tradeMs, bool live)
{
    if (tradeMs < m_lastMs)
        return;
    if (live && m_lastWasLive && tradeMs > m_lastMs) {
        const double gap = double(tradeMs - m_lastMs);
        // A weight of 1/16 follows a change of pace within a few dozen ticks.
        m_usualGapMs = m_usualGapMs == 0 ? gap : m_usualGapMs + (gap - m_usualGapMs) / 16;
    }
    m_lastMs = tradeMs;
    m_lastWasLive = live;
}

qint64 MarketRhythm::staleAfterMs() const
{
    return std::max(minimumStaleMs, qint64(m_usualGapMs * staleFactor));
}

} // namespace ticker
