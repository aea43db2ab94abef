#include "bithumbticker/pricehistory.h"

#include <algorithm>
#include <limits>

namespace ticker {

namespace {

constexpr qint64 never = std::numeric_limits<qint64>::max();
constexpr std::size_t minimumAllocation = 256; // 4 KB: a quiet market's whole day may fit
// The most summaries a day can hold: four for each minute of the window, the one its start
// cuts and the current one (with a full-resolution window of 0).
constexpr std::size_t summaryLimit = 4 * std::size_t(PriceHistory::windowMs / 60'000 + 2);

qint64 minuteStart(qint64 timeMs)
{
    const qint64 m = PriceHistory::summaryMs;
    return (timeMs >= 0 ? timeMs : timeMs - (m - 1)) / m * m; // floor, also before 1970
}

// A lambda, not a function, so that std::sort inlines it.
constexpr auto earlier
    = [](const PricePoint &a, const PricePoint &b) { return a.timeMs < b.timeMs; };

// The first, lowest, highest and last of points, in time order and without repeats: the
// indices M4 keeps.
std::size_t m4Picks(std::span<const PricePoint> points, std::size_t (&picks)[4])
{
    std::size_t low = 0, high = 0;
    for (std::size_t k = 1; k < points.size(); ++k) {
        if (points[k].price < points[low].price)
            low = k;
        if (points[k].price > points[high].price)
            high = k;
    }
    std::size_t all[] = {0, low, high, points.size() - 1};
    std::sort(std::begin(all), std::end(all));
    std::size_t count = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        if (k == 0 || all[k] != all[k - 1])
            picks[count++] = all[k];
    }
    return count;
}

// A column's extremes so far, scanned in locals (not through references) so that they stay in
// registers.
struct Extremes
{
    std::size_t low, high;
    double lowPrice, highPrice;
};

void scan(std::span<const PricePoint> piece, std::size_t offset, Extremes &e)
{
    std::size_t low = e.low, high = e.high;
    double lowPrice = e.lowPrice, highPrice = e.highPrice;
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
    e = {low, high, lowPrice, highPrice};
}

} // namespace

// -- Range

std::size_t PriceHistory::Range::size() const
{
    std::size_t total = 0;
    for (const auto &piece : pieces)
        total += piece.size();
    return total;
}

// -- Ring

void PriceHistory::Ring::push(const PricePoint &point, std::size_t limit)
{
    if (m_size == m_points.size()) {
        if (m_size >= limit) { // at the limit: the oldest gives way
            popFront();
        } else {
            // Grow by doubling, so a point costs at most 32 bytes and no push copies the ring
            // more than once per doubling.
            reallocate(std::min(limit, std::max(minimumAllocation, m_points.size() * 2)));
        }
    }
    const std::size_t physical = m_head + m_size;
    m_points[physical < m_points.size() ? physical : physical - m_points.size()] = point;
    ++m_size;
}

void PriceHistory::Ring::popFront(std::size_t count)
{
    count = std::min(count, m_size);
    m_head += count;
    if (m_head >= m_points.size())
        m_head -= m_points.size();
    m_size -= count;
}

std::size_t PriceHistory::Ring::lowerBound(qint64 timeMs) const
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

void PriceHistory::Ring::slices(
    std::size_t from, std::size_t to, Range &range, std::size_t &next) const
{
    if (from >= to)
        return;
    const std::size_t n = m_points.size();
    const std::size_t begin = (m_head + from) % n;
    const std::size_t count = to - from;
    if (begin + count <= n) {
        range.pieces[next++] = {m_points.data() + begin, count};
        return;
    }
    range.pieces[next++] = {m_points.data() + begin, n - begin};
    range.pieces[next++] = {m_points.data(), begin + count - n};
}

void PriceHistory::Ring::assign(std::span<const PricePoint> points, std::size_t allocation)
{
    std::vector<PricePoint> fresh;
    fresh.reserve(std::max(allocation, points.size())); // exactly: capacity is the cost
    fresh.assign(points.begin(), points.end());
    fresh.resize(fresh.capacity());
    m_points = std::move(fresh);
    m_head = 0;
    m_size = points.size();
}

void PriceHistory::Ring::adopt(std::vector<PricePoint> &&points, std::size_t allocation)
{
    m_size = points.size();
    if (points.capacity() < allocation)
        points.reserve(allocation);
    points.resize(points.capacity()); // what it holds memory for is what it counts
    m_points = std::move(points);
    m_head = 0;
}

std::vector<PricePoint> PriceHistory::Ring::release()
{
    std::rotate(m_points.begin(), m_points.begin() + qsizetype(m_head), m_points.end());
    m_points.resize(m_size); // keeps the allocation
    std::vector<PricePoint> points = std::move(m_points);
    clear();
    return points;
}

std::vector<PricePoint> PriceHistory::Ring::contents() const
{
    std::vector<PricePoint> points;
    points.reserve(m_size);
    for (std::size_t i = 0; i < m_size; ++i)
        points.push_back(at(i));
    return points;
}

// -- PriceHistory

PriceHistory::PriceHistory(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
{ }

std::size_t PriceHistory::allocatedPoints() const
{
    return m_summaries.allocated() + m_ticks.allocated();
}

std::size_t PriceHistory::allocatedBytes() const
{
    return allocatedPoints() * sizeof(PricePoint) + sizeof(PriceHistory);
}

const PricePoint &PriceHistory::at(std::size_t i) const
{
    const std::size_t summaries = m_summaries.size();
    return i < summaries ? m_summaries.at(i) : m_ticks.at(i - summaries);
}

void PriceHistory::append(qint64 timeMs, double price)
{
    timeMs = std::max(timeMs, m_newestMs); // keep the rings sorted
    m_newestMs = timeMs;
    // One comparison a tick: is a point leaving the day or a minute due for compaction?
    if (timeMs >= m_dueMs)
        keepUp(timeMs);
    if (m_summaries.size() + m_ticks.size() >= m_capacity)
        popOldest(); // leaves m_dueMs early at worst: keepUp then only finds nothing to do
    m_ticks.push({timeMs, price}, m_capacity);
    if (m_ticks.size() == 1)
        updateDue();
}

void PriceHistory::keepUp(qint64 newestMs)
{
    dropOutsideWindow(newestMs);
    while (compactionDueMs() <= newestMs)
        compactOldestMinute();
    updateDue();
}

void PriceHistory::dropOutsideWindow(qint64 newestMs)
{
    const qint64 limit = newestMs - windowMs;
    while (m_summaries.size() > 0 && m_summaries.front().timeMs < limit)
        m_summaries.popFront();
    if (m_summaries.size() > 0)
        return;
    while (m_ticks.size() > 0 && m_ticks.front().timeMs < limit)
        m_ticks.popFront();
}

void PriceHistory::popOldest()
{
    if (m_summaries.size() > 0)
        m_summaries.popFront();
    else
        m_ticks.popFront();
}

qint64 PriceHistory::compactionDueMs() const
{
    if (m_ticks.size() == 0 || m_fullResolutionMs >= windowMs)
        return never;
    return minuteStart(m_ticks.front().timeMs) + summaryMs + m_fullResolutionMs;
}

void PriceHistory::updateDue()
{
    const qint64 dropDueMs = isEmpty() ? never : at(0).timeMs + windowMs + 1;
    m_dueMs = std::min(dropDueMs, compactionDueMs());
}

// The oldest minute of ticks becomes its first, lowest, highest and last: amortised, each
// tick is read here once.
void PriceHistory::compactOldestMinute()
{
    const qint64 end = minuteStart(m_ticks.front().timeMs) + summaryMs;
    std::size_t count = 1;
    while (count < m_ticks.size() && m_ticks.at(count).timeMs < end)
        ++count;
    Range minute;
    std::size_t pieces = 0;
    m_ticks.slices(0, count, minute, pieces);
    std::vector<PricePoint> points; // at most two pieces: copy only when wrapped
    std::span<const PricePoint> all = minute.pieces[0];
    if (pieces == 2) {
        points.assign(minute.pieces[0].begin(), minute.pieces[0].end());
        points.insert(points.end(), minute.pieces[1].begin(), minute.pieces[1].end());
        all = points;
    }
    std::size_t picks[4];
    const std::size_t kept = m4Picks(all, picks);
    for (std::size_t k = 0; k < kept; ++k)
        m_summaries.push(all[picks[k]], std::min(m_capacity, summaryLimit));
    m_ticks.popFront(count);
}

void PriceHistory::setFullResolutionWindow(qint64 ms)
{
    const qint64 window = std::clamp<qint64>(ms, 0, windowMs);
    if (window == m_fullResolutionMs)
        return;
    const bool shorter = window < m_fullResolutionMs;
    m_fullResolutionMs = window;
    if (isEmpty())
        return;
    keepUp(m_newestMs);
    if (!shorter)
        return;
    // A shown market going back to a watchlist gives back what its full day of ticks took.
    const std::size_t held = m_ticks.size();
    if (m_ticks.allocated() > 2 * std::max(minimumAllocation, held))
        m_ticks.reallocate(std::max(minimumAllocation, held + held / 2));
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
        if (inside < size() && at(inside).timeMs < start + minuteMs)
            continue; // live ticks cover this minute
        const auto points = candlePoints(candle, minuteMs);
        added.insert(added.end(), points.begin(), points.end());
    }
    if (added.empty())
        return 0;
    std::sort(added.begin(), added.end(), earlier);
    const std::size_t summaries = m_summaries.size();
    const qint64 firstTickMs = m_ticks.size() > 0 ? m_ticks.front().timeMs : never;
    const qint64 lastSummaryMs = summaries > 0 ? m_summaries.back().timeMs : never;
    const std::size_t ticksAllocation
        = std::min(m_capacity, std::max(minimumAllocation, m_ticks.allocated()));
    // Merged in the ticks' own allocation: a day of every tick is not copied to a new one.
    std::vector<PricePoint> merged = m_ticks.release();
    if (summaries > 0) {
        const std::vector<PricePoint> old = m_summaries.contents();
        merged.insert(merged.begin(), old.begin(), old.end());
    }
    if (merged.capacity() < merged.size() + added.size())
        merged.reserve(std::max(merged.size() + added.size(), ticksAllocation));
    merged.insert(merged.end(), added.begin(), added.end());
    std::inplace_merge(
        merged.begin(), merged.end() - qsizetype(added.size()), merged.end(), earlier);
    if (merged.size() > m_capacity) // the newest points stay
        merged.erase(merged.begin(), merged.end() - qsizetype(m_capacity));
    // The old summaries and candles before every live tick and older than the
    // full-resolution window are summaries already (at most four points in their minute);
    // the rest goes to the ticks, where compaction catches up (a candle's minute compacts
    // into itself).
    constexpr qint64 dawn = std::numeric_limits<qint64>::min();
    const qint64 afterSummariesMs = summaries > 0 ? lastSummaryMs + 1 : dawn;
    const qint64 boundaryMs = m_fullResolutionMs >= windowMs
        ? dawn
        : minuteStart(merged.back().timeMs - m_fullResolutionMs);
    const qint64 splitMs = std::min(firstTickMs, std::max(afterSummariesMs, boundaryMs));
    const auto split
        = std::lower_bound(merged.begin(), merged.end(), PricePoint {splitMs, 0}, earlier);
    const auto cut = std::size_t(split - merged.begin());
    m_summaries.assign(std::span<const PricePoint>(merged).first(cut),
        cut == 0 ? 0 : std::min({m_capacity, summaryLimit, std::max(minimumAllocation, cut)}));
    if (cut == 0) {
        m_ticks.adopt(std::move(merged), ticksAllocation);
    } else {
        const auto ticks = std::span<const PricePoint>(merged).subspan(cut);
        m_ticks.assign(ticks, std::min(m_capacity, std::max(ticksAllocation, ticks.size())));
    }
    m_newestMs = newest().timeMs;
    keepUp(m_newestMs);
    return added.size();
}

const PricePoint *PriceHistory::nearest(qint64 timeMs) const
{
    if (isEmpty())
        return nullptr;
    const std::size_t after = std::min(lowerBound(timeMs), size() - 1);
    if (after == 0)
        return &at(0);
    const PricePoint &before = at(after - 1);
    return timeMs - before.timeMs <= at(after).timeMs - timeMs ? &before : &at(after);
}

void PriceHistory::clear()
{
    m_summaries.clear();
    m_ticks.clear();
    m_newestMs = std::numeric_limits<qint64>::min();
    m_dueMs = never;
}

std::size_t PriceHistory::lowerBound(qint64 timeMs) const
{
    const std::size_t summaries = m_summaries.size();
    if (summaries > 0 && m_summaries.back().timeMs >= timeMs)
        return m_summaries.lowerBound(timeMs);
    return summaries + m_ticks.lowerBound(timeMs);
}

PriceHistory::Range PriceHistory::range(qint64 fromMs, qint64 toMs) const
{
    Range range;
    if (isEmpty() || toMs < fromMs)
        return range;
    const std::size_t begin = lowerBound(fromMs);
    const std::size_t end = toMs == never ? size() : lowerBound(toMs + 1);
    const std::size_t summaries = m_summaries.size();
    if (summaries > 0)
        range.minutesBeforeMs = minuteStart(m_summaries.back().timeMs) + summaryMs;
    std::size_t next = 0;
    m_summaries.slices(std::min(begin, summaries), std::min(end, summaries), range, next);
    m_ticks.slices(
        std::max(begin, summaries) - summaries, std::max(end, summaries) - summaries, range, next);
    return range;
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
    // A summary stands for its whole minute: every point of it goes where the minute starts.
    const qint64 minutesBeforeMs = points.minutesBeforeMs;
    const auto columnOf = [&](qint64 t) {
        if (t < minutesBeforeMs)
            t = std::max(fromMs, minuteStart(t));
        return std::clamp(int(double(t - fromMs) / span * columns), 0, columns - 1);
    };
    // Each column's points are found by binary search and scanned in a tight loop, so even a
    // million points cost one pass over the prices and no per-point division.
    std::size_t i = 0;
    while (i < n) {
        const int column = columnOf(points[i].timeMs);
        std::size_t count = 1;
        for (std::size_t step = n - i - 1; step > 0; step /= 2) { // last index of the column
            while (count + step <= n - i && columnOf(points[i + count + step - 1].timeMs) == column)
                count += step;
        }
        const std::size_t first = i, last = i + count - 1;
        Extremes e {first, first, points[first].price, points[first].price};
        // The column within the range's pieces.
        std::size_t offset = 0;
        for (const auto &piece : points.pieces) {
            const std::size_t from = std::max(first, offset);
            const std::size_t to = std::min(last + 1, offset + piece.size());
            if (from < to)
                scan(piece.subspan(from - offset, to - from), from, e);
            offset += piece.size();
            if (offset > last)
                break;
        }
        const std::size_t low = e.low, high = e.high;
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
