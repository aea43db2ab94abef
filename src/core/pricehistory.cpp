#include "bithumbticker/pricehistory.h"

#include <algorithm>
#include <limits>

namespace ticker {

PriceHistory::PriceHistory(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
{ }

const PricePoint &PriceHistory::at(std::size_t i) const
{
    return m_points[(m_head + i) % m_points.size()];
}

void PriceHistory::append(qint64 timeMs, double price)
{
    if (m_size > 0)
        timeMs = std::max(timeMs, newest().timeMs); // keep the ring sorted
    dropOutsideWindow(timeMs);
    if (m_size == m_points.size()) {
        if (m_points.size() == m_capacity) { // at the cap: the oldest gives way
            m_points[m_head] = {timeMs, price};
            m_head = (m_head + 1) % m_points.size();
            return;
        }
        // Grow by doubling, so a point costs at most 32 bytes and no append copies the ring
        // more than once per doubling.
        std::rotate(m_points.begin(), m_points.begin() + qsizetype(m_head), m_points.end());
        m_head = 0;
        m_points.resize(std::min(m_capacity, std::max<std::size_t>(1024, m_points.size() * 2)));
    }
    m_points[(m_head + m_size) % m_points.size()] = {timeMs, price};
    ++m_size;
}

void PriceHistory::dropOutsideWindow(qint64 newestMs)
{
    while (m_size > 0 && at(0).timeMs < newestMs - windowMs) {
        m_head = (m_head + 1) % m_points.size();
        --m_size;
    }
}

std::size_t PriceHistory::mergeCandles(std::span<const Candle> candles, qint64 nowMs)
{
    constexpr qint64 minuteMs = Candle::durationMs;
    std::vector<PricePoint> added;
    for (const Candle &candle : candles) {
        const qint64 start = candle.startMs;
        if (start + minuteMs > nowMs || start < nowMs - windowMs)
            continue;
        const std::size_t inside = lowerBound(start);
        if (inside < m_size && at(inside).timeMs < start + minuteMs)
            continue; // live ticks cover this minute
        const auto points = candlePoints(candle, minuteMs);
        added.insert(added.end(), points.begin(), points.end());
    }
    if (added.empty())
        return 0;
    const auto earlier
        = [](const PricePoint &a, const PricePoint &b) { return a.timeMs < b.timeMs; };
    std::sort(added.begin(), added.end(), earlier);
    const Range all = range(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    std::vector<PricePoint> merged;
    merged.reserve(all.size() + added.size());
    merged.insert(merged.end(), all.first.begin(), all.first.end());
    merged.insert(merged.end(), all.second.begin(), all.second.end());
    merged.insert(merged.end(), added.begin(), added.end());
    std::inplace_merge(
        merged.begin(), merged.end() - qsizetype(added.size()), merged.end(), earlier);
    if (merged.size() > m_capacity) // the newest points stay
        merged.erase(merged.begin(), merged.end() - qsizetype(m_capacity));
    const std::size_t count = merged.size();
    merged.resize(std::min(m_capacity, std::max<std::size_t>({1024, count, m_points.size()})));
    m_points = std::move(merged);
    m_head = 0;
    m_size = count;
    dropOutsideWindow(newest().timeMs);
    return added.size();
}

const PricePoint *PriceHistory::nearest(qint64 timeMs) const
{
    if (m_size == 0)
        return nullptr;
    const std::size_t after = std::min(lowerBound(timeMs), m_size - 1);
    if (after == 0)
        return &at(0);
    const PricePoint &before = at(after - 1);
    return timeMs - before.timeMs <= at(after).timeMs - timeMs ? &before : &at(after);
}

void PriceHistory::clear()
{
    m_points.clear();
    m_head = m_size = 0;
}

std::size_t PriceHistory::lowerBound(qint64 timeMs) const
{
    std::size_t low = 0, high = m_size;
    while (low < high) {
        const std::size_t mid = (low + high) / 2;
        if (at(mid).timeMs < timeMs)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

std::span<const PricePoint> PriceHistory::slice(std::size_t from, std::size_t to) const
{
    return {m_points.data() + from, to - from};
}

PriceHistory::Range PriceHistory::range(qint64 fromMs, qint64 toMs) const
{
    if (m_size == 0 || toMs < fromMs)
        return {};
    const std::size_t begin = lowerBound(fromMs);
    const std::size_t end
        = toMs == std::numeric_limits<qint64>::max() ? m_size : lowerBound(toMs + 1);
    if (begin >= end)
        return {};
    const std::size_t n = m_points.size();
    const std::size_t physicalBegin = (m_head + begin) % n;
    const std::size_t count = end - begin;
    if (physicalBegin + count <= n)
        return {slice(physicalBegin, physicalBegin + count), {}};
    return {slice(physicalBegin, n), slice(0, physicalBegin + count - n)};
}

std::array<PricePoint, 4> candlePoints(const Candle &candle, qint64 durationMs)
{
    const qint64 start = candle.startMs;
    const bool rising = candle.close >= candle.open;
    return {{{start, candle.open}, {start + durationMs / 3, rising ? candle.low : candle.high},
        {start + durationMs * 2 / 3, rising ? candle.high : candle.low},
        {start + durationMs - durationMs / 60, candle.close}}};
}

std::vector<PricePoint> decimateM4(
    const PriceHistory::Range &points, qint64 fromMs, qint64 toMs, int columns)
{
    std::vector<PricePoint> out;
    const std::size_t n = points.size();
    if (n == 0 || columns <= 0 || toMs < fromMs)
        return out;
    out.reserve(std::min<std::size_t>(n, std::size_t(columns) * 4));
    const double span = double(toMs - fromMs) + 1;
    const auto columnOf = [&](qint64 t) {
        return std::clamp(int(double(t - fromMs) / span * columns), 0, columns - 1);
    };
    // Each column's points are found by binary search and scanned in a tight loop, so even a
    // million points cost one pass over the prices and no per-point division.
    std::size_t i = 0;
    while (i < n) {
        const int column = columnOf(points[i].timeMs);
        std::size_t low = i, high = i;
        double lowPrice = points[i].price, highPrice = lowPrice;
        std::size_t count = 1;
        for (std::size_t step = n - i - 1; step > 0; step /= 2) { // last index of the column
            while (count + step <= n - i && columnOf(points[i + count + step - 1].timeMs) == column)
                count += step;
        }
        const std::size_t first = i, last = i + count - 1;
        const auto scan = [&](std::span<const PricePoint> piece, std::size_t offset) {
            for (std::size_t k = 0; k < piece.size(); ++k) {
                const double price = piece[k].price;
                if (price < lowPrice) {
                    lowPrice = price;
                    low = offset + k;
                }
                if (price > highPrice) {
                    highPrice = price;
                    high = offset + k;
                }
            }
        };
        // The column within the ring's two pieces.
        const std::size_t split = points.first.size();
        if (first < split)
            scan(points.first.subspan(first, std::min(last + 1, split) - first), first);
        if (last >= split) {
            const std::size_t from = std::max(first, split);
            scan(points.second.subspan(from - split, last + 1 - from), from);
        }
        i = last + 1;
        // The four in time order, each once.
        std::size_t picks[] = {first, low, high, last};
        std::sort(std::begin(picks), std::end(picks));
        for (std::size_t k = 0; k < 4; ++k) {
            if (k == 0 || picks[k] != picks[k - 1])
                out.push_back(points[picks[k]]);
        }
    }
    return out;
}

} // namespace ticker
