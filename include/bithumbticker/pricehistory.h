#pragma once

#include "bithumbticker/protocol.h"

#include <QtGlobal>

#include <array>
#include <span>
#include <vector>

namespace ticker {

struct PricePoint
{
    qint64 timeMs; // local receive time, ms since the epoch
    double price;
};

// Every tick of one market for the last 24 h, in a ring buffer of 16-byte points that grows by
// doubling (so at most 32 bytes a tick). Time only
// moves forward: a point older than the newest is stored at the newest time, so the buffer
// stays sorted and ranges are found by binary search. Bounded twice: points older than the
// window are dropped as new ones arrive, and at `capacity` points the oldest is overwritten
// even inside the window, so a flood costs at most capacity × 16 bytes per market.
class PriceHistory
{
public:
    static constexpr qint64 windowMs = 24 * 3600 * 1000;
    static constexpr std::size_t defaultCapacity = 2'000'000; // 32 MB: ~23 ticks/s for 24 h

    // The points of a time range, in order: a ring buffer's range is at most two pieces.
    struct Range
    {
        std::span<const PricePoint> first;
        std::span<const PricePoint> second;
        std::size_t size() const { return first.size() + second.size(); }
        const PricePoint &operator[](std::size_t i) const
        {
            return i < first.size() ? first[i] : second[i - first.size()];
        }
    };

    explicit PriceHistory(std::size_t capacity = defaultCapacity);

    void append(qint64 timeMs, double price);
    // Fills the history from REST candles without duplicating what live ticks already hold:
    // a candle is used only if its minute is over by nowMs and no stored point falls in it.
    // Each becomes the four candlePoints() inside its minute. Returns how many points were
    // added.
    std::size_t mergeCandles(std::span<const Candle> candles, qint64 nowMs);
    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_capacity; }
    std::size_t allocatedPoints() const { return m_points.size(); }
    bool isEmpty() const { return m_size == 0; }
    const PricePoint &at(std::size_t i) const; // 0 is the oldest
    const PricePoint &newest() const { return at(m_size - 1); }
    Range range(qint64 fromMs, qint64 toMs) const;  // points with fromMs <= time <= toMs
    const PricePoint *nearest(qint64 timeMs) const; // null when empty
    void clear();

private:
    std::size_t lowerBound(qint64 timeMs) const; // first logical index with time >= timeMs
    std::span<const PricePoint> slice(std::size_t from, std::size_t to) const;
    void dropOutsideWindow(qint64 newestMs);

    std::vector<PricePoint> m_points; // the ring; grows by doubling up to m_capacity
    std::size_t m_capacity;
    std::size_t m_head = 0; // physical index of the oldest point
    std::size_t m_size = 0;
};

// A candle as four points inside its interval: open at its start, low and high at a third and
// two thirds (in the order a rising or falling candle most likely took them), close just
// before its end (a sixtieth of it: a second of a minute, a minute of an hour).
std::array<PricePoint, 4> candlePoints(const Candle &candle, qint64 durationMs);

// M4 decimation: for `columns` equal slices of [fromMs, toMs], the first, lowest, highest and
// last point of each slice, in time order and without repeats: at most 4 × columns points
// whose line has, column by column, exactly the extremes of the full data.
std::vector<PricePoint> decimateM4(
    const PriceHistory::Range &points, qint64 fromMs, qint64 toMs, int columns);

} // namespace ticker
