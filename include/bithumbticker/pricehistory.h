#pragma once

#include "bithumbticker/protocol.h"

#include <QtGlobal>

#include <array>
#include <limits>
#include <span>
#include <vector>

namespace ticker {

struct PricePoint
{
    qint64 timeMs; // local receive time, ms since the epoch
    double price;
    bool operator==(const PricePoint &) const = default;
};

// One market's prices for the last 24 h, at a resolution its owner chooses. Ticks newer than
// the full-resolution window (24 h by default: every tick, as the shown market wants) are all
// kept; each whole minute older than that is compacted into at most four points, its first,
// lowest, highest and last tick in time order (the shape mergeCandles gives a candle), and
// decimateM4 puts such a minute whole into the column it starts in, so every column still
// gets exactly the extremes of all the ticks it stands for. A market in a watchlist keeps,
// say, its last hour at full resolution: at most about 5,770 summary points (92 KB) for the
// rest of the day however busy it is.
//
// Two rings of 16-byte points, the summaries then the full-resolution ticks, each growing by
// doubling: a tick is compacted once, when its minute leaves the window, so appending stays
// O(1) amortised. Time only moves forward: a point older than the newest is stored at the
// newest time, so both rings stay sorted and ranges are found by binary search. Bounded twice:
// points older than 24 h are dropped as new ones arrive, and at `capacity` points the oldest
// gives way even inside the window, so a flood costs at most capacity × 16 bytes per market
// (plus the summaries).
class PriceHistory
{
public:
    static constexpr qint64 windowMs = 24 * 3600 * 1000;
    static constexpr qint64 summaryMs = 60'000; // what one summary of four points covers
    static constexpr qint64 lastHourMs = 3600 * 1000;
    static constexpr std::size_t defaultCapacity = 2'000'000; // 32 MB: ~23 ticks/s for 24 h

    // The points of a time range, in order: each ring's part is at most two pieces.
    struct Range
    {
        std::array<std::span<const PricePoint>, 4> pieces {}; // the empty ones last
        // Points before this time are per-minute summaries, which decimateM4 gives the column
        // their minute starts in.
        qint64 minutesBeforeMs = std::numeric_limits<qint64>::min();
        std::size_t size() const;
        const PricePoint &operator[](std::size_t i) const
        {
            std::size_t piece = 0;
            while (i >= pieces[piece].size() && piece < 3)
                i -= pieces[piece++].size();
            return pieces[piece][i];
        }
    };

    explicit PriceHistory(std::size_t capacity = defaultCapacity);

    void append(qint64 timeMs, double price);
    // Fills the history from REST candles without duplicating what live ticks already hold:
    // a candle is used only if its minute is over by nowMs and no stored point falls in it.
    // Each becomes up to four points inside its minute: open, low and high (in the order a
    // rising or falling minute most likely took), close. Returns how many points were added.
    std::size_t mergeCandles(std::span<const Candle> candles, qint64 nowMs);

    // How far back from the newest tick every tick is kept, clamped to [0, windowMs]. A
    // shorter window compacts what is now older at once and gives back the memory; a longer
    // one keeps every tick from now on (what was compacted stays compacted).
    void setFullResolutionWindow(qint64 ms);
    qint64 fullResolutionWindow() const { return m_fullResolutionMs; }

    std::size_t size() const { return m_summaries.size() + m_ticks.size(); }
    std::size_t summarySize() const { return m_summaries.size(); } // the oldest size() points
    std::size_t capacity() const { return m_capacity; }
    std::size_t allocatedPoints() const; // what both rings hold memory for
    std::size_t allocatedBytes() const;  // those points and this object
    bool isEmpty() const { return size() == 0; }
    const PricePoint &at(std::size_t i) const; // 0 is the oldest
    const PricePoint &newest() const { return at(size() - 1); }
    Range range(qint64 fromMs, qint64 toMs) const;  // points with fromMs <= time <= toMs
    const PricePoint *nearest(qint64 timeMs) const; // null when empty
    void clear();

private:
    // A sorted FIFO of points in a vector used as a ring, allocated exactly (so its capacity
    // is what it costs).
    class Ring
    {
    public:
        std::size_t size() const { return m_size; }
        std::size_t allocated() const { return m_points.capacity(); }
        const PricePoint &at(std::size_t i) const
        {
            const std::size_t physical = m_head + i;
            return m_points[physical < m_points.size() ? physical : physical - m_points.size()];
        }
        const PricePoint &front() const { return m_points[m_head]; }
        const PricePoint &back() const { return at(m_size - 1); }
        // Grows by doubling up to `limit` points; at the limit the oldest gives way.
        void push(const PricePoint &point, std::size_t limit);
        void popFront(std::size_t count = 1);
        std::size_t lowerBound(qint64 timeMs) const; // first index with time >= timeMs
        // The points [from, to) in at most two pieces, added to `pieces` at `next`.
        void slices(std::size_t from, std::size_t to, Range &range, std::size_t &next) const;
        // Replaces the contents by `points` in an allocation of `allocation` points.
        void assign(std::span<const PricePoint> points, std::size_t allocation);
        std::vector<PricePoint> release(); // the points in order, in their allocation; empties
        // Takes `points` over, in at least `allocation` points.
        void adopt(std::vector<PricePoint> &&points, std::size_t allocation);
        void reallocate(std::size_t allocation) { assign(contents(), allocation); }
        std::vector<PricePoint> contents() const;
        void clear() { *this = Ring(); }

    private:
        std::vector<PricePoint> m_points; // size() is the ring's length
        std::size_t m_head = 0;           // physical index of the oldest point
        std::size_t m_size = 0;
    };

    std::size_t lowerBound(qint64 timeMs) const; // first logical index with time >= timeMs
    void keepUp(qint64 newestMs);                // drops what left the day, compacts what is due
    void dropOutsideWindow(qint64 newestMs);
    void popOldest();
    qint64 compactionDueMs() const; // when m_ticks' oldest minute is (max: never)
    void compactOldestMinute();
    void updateDue();

    Ring m_summaries; // compacted minutes, all older than every point of m_ticks
    Ring m_ticks;     // every tick
    std::size_t m_capacity;
    qint64 m_fullResolutionMs = windowMs;
    qint64 m_newestMs = std::numeric_limits<qint64>::min();
    // From this time on, keepUp has something to do: the oldest point leaves the day or the
    // oldest minute of ticks is due for compaction (max: never). Early is harmless.
    qint64 m_dueMs = std::numeric_limits<qint64>::max();
};

// A candle as four points inside its interval: open at its start, low and high at a third and
// two thirds (in the order a rising or falling candle most likely took them), close just
// before its end (a sixtieth of it: a second of a minute, a minute of an hour).
std::array<PricePoint, 4> candlePoints(const Candle &candle, qint64 durationMs);

// M4 decimation: for `columns` equal slices of [fromMs, toMs], the first, lowest, highest and
// last point of each slice, in time order and without repeats: at most 4 × columns points
// whose line has, column by column, exactly the extremes of the full data. A compacted minute
// (before points.minutesBeforeMs) goes whole to the column it starts in, so its extremes are
// those of every tick it had; a column then holds the minutes that start in it.
std::vector<PricePoint> decimateM4(
    const PriceHistory::Range &points, qint64 fromMs, qint64 toMs, int columns);

} // namespace ticker
