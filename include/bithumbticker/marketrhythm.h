#pragma once

#include <QtGlobal>

namespace ticker {

// How often a market usually ticks, so a silence far beyond that rhythm can be called stale
// while a quiet market is not. A plain value: fed receive times, asked with any clock.
class MarketRhythm
{
public:
    static constexpr qint64 minimumStaleMs = 60'000; // no market is stale sooner than this
    static constexpr double staleFactor = 10;        // ... or than ten usual gaps

    // A trade at this time. A snapshot (live = false) moves the last trade without teaching a
    // gap, neither the one before it nor the one after: a gap is only known between two trades
    // seen as they happened.
    void record(qint64 tradeMs, bool live = true);
    bool hasTicked() const { return m_lastMs != 0; }
    qint64 lastMs() const { return m_lastMs; }
    double usualGapMs() const { return m_usualGapMs; } // 0 until two ticks were seen
    qint64 staleAfterMs() const;
    bool isStale(qint64 nowMs) const { return hasTicked() && isStaleTrade(m_lastMs, nowMs); }
    // Whether a trade at tradeMs is, at nowMs, older than this market's rhythm allows.
    bool isStaleTrade(qint64 tradeMs, qint64 nowMs) const
    {
        return nowMs - tradeMs > staleAfterMs();
    }

private:
    qint64 m_lastMs = 0;
    double m_usualGapMs = 0; // exponentially weighted mean of the gaps between ticks
    bool m_lastWasLive = false;
};

} // namespace ticker
