#pragma once

#include "bithumbticker/pricehistory.h"

#include <deque>
#include <vector>

namespace ticker {

// The M4 summary (first, lowest, highest and last point) of every column of a chart's time
// grid, kept up to date from a PriceHistory's public API: new ticks touch only the newest
// columns and points dropped from the front only the oldest, so keeping up costs the new
// points, not the history. Column k of the grid covers [k × columnMs, (k + 1) × columnMs) ms
// since the epoch; the grid holds the columns first … first + size − 1.
class ChartColumns
{
public:
    struct Column
    {
        std::size_t count = 0; // points in the column; the rest is meaningless without one
        PricePoint first {}, low {}, high {}, last {};
        std::size_t lowAt = 0, highAt = 0; // their places among the column's points
        bool operator==(const Column &) const = default;
    };
    // What an update changed.
    struct Changes
    {
        int from = -1, to = -1; // changed columns, inclusive; none when from < 0
        bool pastEnd = false;   // points newer than the last column wait for a scroll
        bool lost = false;      // the history changed beyond appends and front drops: reset
    };

    // Starts a grid and summarises what the history holds in it (one pass over those points).
    void reset(const PriceHistory &history, qint64 columnMs, qint64 firstColumn, int columns);
    // Takes in what changed since: new points at the end, points gone from the front, and a
    // few columns whose count changed (a merged candle, a compacted minute). More than that,
    // or a newest column that lost points, is reported as lost.
    Changes update(const PriceHistory &history);
    // Moves the grid `columns` later: the oldest columns go, empty newest ones come.
    void scroll(qint64 columns);
    void clear();
    // The column of the grid of `columnMs` columns a time falls in.
    static qint64 columnAt(qint64 timeMs, qint64 columnMs);

    qint64 columnMs() const { return m_columnMs; }
    qint64 firstColumn() const { return m_first; }
    int size() const { return int(m_columns.size()); }
    qint64 startMs() const { return m_first * m_columnMs; }
    qint64 endMs() const { return (m_first + size()) * m_columnMs; } // exclusive
    qint64 columnStartMs(int i) const { return (m_first + i) * m_columnMs; }
    const Column &operator[](int i) const { return m_columns[std::size_t(i)]; }
    int newest() const { return m_newest; } // the last column holding points; −1: none
    int previousFilled(int i) const;        // the last column before i holding points, or −1
    int nextFilled(int i) const;            // the first after i, or −1
    std::size_t points() const { return m_total; }

    // A column's distinct M4 points in time order, as decimateM4 picks them.
    void appendM4(int i, std::vector<PricePoint> &out) const;
    std::vector<PricePoint> m4() const; // every column's, in order
    std::size_t m4Count() const;

private:
    static constexpr int repairBudget = 32; // columns summarised again before giving up
    qint64 columnOf(qint64 timeMs) const;   // relative to the first; may lie outside the grid
    bool recount(const PriceHistory &history, int from, int to, Changes &changes, int &budget);

    qint64 m_columnMs = 1;
    qint64 m_first = 0;
    std::deque<Column> m_columns;
    std::size_t m_total = 0;
    int m_newest = -1;
};

} // namespace ticker
