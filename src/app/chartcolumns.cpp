#include "chartcolumns.h"

#include <algorithm>
#include <limits>

namespace ticker {

namespace {

bool samePoint(const PricePoint &a, const PricePoint &b)
{
    return a.timeMs == b.timeMs && a.price == b.price;
}

bool sameColumn(const ChartColumns::Column &a, const ChartColumns::Column &b)
{
    if (a.count != b.count)
        return false;
    return a.count == 0
        || (samePoint(a.first, b.first) && samePoint(a.low, b.low) && samePoint(a.high, b.high)
            && samePoint(a.last, b.last) && a.lowAt == b.lowAt && a.highAt == b.highAt);
}

// Adds points that all fall in one column, after those it holds, in a tight loop. The first
// strict extreme wins, as in decimateM4.
void accumulate(ChartColumns::Column &column, std::span<const PricePoint> run)
{
    if (run.empty())
        return;
    const std::size_t before = column.count;
    std::size_t k = 0;
    if (before == 0) {
        column.first = column.low = column.high = run[0];
        column.lowAt = column.highAt = 0;
        k = 1;
    }
    constexpr std::size_t none = std::size_t(-1);
    double low = column.low.price, high = column.high.price;
    std::size_t lowAt = none, highAt = none;
    for (; k < run.size(); ++k) {
        const double price = run[k].price;
        if (price < low) {
            low = price;
            lowAt = k;
        } else if (price > high) {
            high = price;
            highAt = k;
        }
    }
    if (lowAt != none) {
        column.low = run[lowAt];
        column.lowAt = before + lowAt;
    }
    if (highAt != none) {
        column.high = run[highAt];
        column.highAt = before + highAt;
    }
    column.last = run.back();
    column.count = before + run.size();
}

void markChanged(ChartColumns::Changes &changes, int i)
{
    changes.from = changes.from < 0 ? i : std::min(changes.from, i);
    changes.to = std::max(changes.to, i);
}

// How many of the points, from the front, are older than timeMs: galloping, since a column
// mostly holds few of them.
std::size_t countBefore(std::span<const PricePoint> points, qint64 timeMs)
{
    std::size_t step = 1;
    while (step < points.size() && points[step].timeMs < timeMs)
        step *= 2;
    const auto from = points.begin() + std::ptrdiff_t(step / 2);
    const auto to = points.begin() + std::ptrdiff_t(std::min(step, points.size()));
    return std::size_t(std::partition_point(from, to, [&](const PricePoint &p) {
        return p.timeMs < timeMs;
    }) - points.begin());
}

} // namespace

void ChartColumns::reset(
    const PriceHistory &history, qint64 columnMs, qint64 firstColumn, int columns)
{
    m_columnMs = std::max<qint64>(1, columnMs);
    m_first = firstColumn;
    m_columns.assign(std::size_t(std::max(0, columns)), Column {});
    m_total = 0;
    m_newest = -1;
    update(history);
}

void ChartColumns::clear()
{
    m_columns.clear();
    m_total = 0;
    m_newest = -1;
}

qint64 ChartColumns::columnAt(qint64 timeMs, qint64 columnMs)
{
    const qint64 q = timeMs / columnMs;
    return (timeMs % columnMs != 0 && timeMs < 0) ? q - 1 : q;
}

void ChartColumns::scroll(qint64 columns)
{
    if (columns <= 0)
        return;
    const std::size_t n = m_columns.size();
    const auto gone = std::size_t(std::min<qint64>(columns, qint64(n)));
    for (std::size_t i = 0; i < gone; ++i) {
        m_total -= m_columns.front().count;
        m_columns.pop_front();
    }
    m_columns.resize(n);
    m_first += columns;
    m_newest = m_newest >= columns ? m_newest - int(columns) : -1;
}

qint64 ChartColumns::columnOf(qint64 timeMs) const
{
    return columnAt(timeMs, m_columnMs) - m_first;
}

ChartColumns::Changes ChartColumns::update(const PriceHistory &history)
{
    Changes changes;
    const int n = size();
    if (n == 0)
        return changes;
    if (history.isEmpty()) {
        changes.lost = m_total > 0;
        return changes;
    }
    const auto mark = [&](int i) { markChanged(changes, i); };

    // Points gone from the front: the columns before the oldest's empty, its own summarised
    // again if it lost any.
    const qint64 oldest = columnOf(history.at(0).timeMs);
    if (oldest >= n) {
        changes.lost = true;
        return changes;
    }
    if (oldest >= 0) {
        const int o = int(oldest);
        for (int i = 0; i < o; ++i) {
            Column &column = m_columns[std::size_t(i)];
            if (column.count) {
                m_total -= column.count;
                column = {};
                mark(i);
            }
        }
        const PriceHistory::Range range = history.range(columnStartMs(o), columnStartMs(o + 1) - 1);
        Column &column = m_columns[std::size_t(o)];
        // Its points all still there, first to last (and, before the newest, none added): as
        // summarised. Else summarised again, which costs every point of it (a million, when
        // the whole history is one column of a day's sparkline).
        const bool intact = column.count > 0 && range.size() >= column.count
            && (o == m_newest || range.size() == column.count) && samePoint(range[0], column.first)
            && samePoint(range[column.count - 1], column.last);
        Column fresh;
        if (!intact) {
            for (const std::span<const PricePoint> piece : range.pieces)
                accumulate(fresh, piece);
        }
        if (!intact && !sameColumn(fresh, column)) {
            m_total = m_total - column.count + fresh.count;
            column = fresh;
            mark(o);
        }
        if (m_newest <= o)
            m_newest = o; // every later column is empty: they were past the newest point
    }

    // Between the oldest's column and the newest, only a merged candle or a compacted minute
    // changes points, and it changes a column's count.
    const int from = int(std::max<qint64>(oldest + 1, 0));
    int budget = repairBudget;
    if (m_newest > from && !recount(history, from, m_newest, changes, budget)) {
        changes.lost = true;
        return changes;
    }

    // New points come after those the newest column holds.
    const int tail = std::max(m_newest, 0);
    const PriceHistory::Range range
        = history.range(columnStartMs(tail), std::numeric_limits<qint64>::max());
    const std::size_t known = m_newest >= 0 ? m_columns[std::size_t(m_newest)].count : 0;
    if (range.size() < known
        || (known > 0
            && (!samePoint(range[0], m_columns[std::size_t(m_newest)].first)
                || !samePoint(range[known - 1], m_columns[std::size_t(m_newest)].last)))) {
        changes.lost = true;
        return changes;
    }
    std::size_t skip = known;
    for (const std::span<const PricePoint> piece : range.pieces) {
        if (skip >= piece.size()) {
            skip -= piece.size();
            continue;
        }
        std::span<const PricePoint> rest = piece.subspan(skip);
        skip = 0;
        // A column at a time: find where it ends, then summarise its points in one pass.
        while (!rest.empty()) {
            const qint64 c = columnOf(rest.front().timeMs);
            if (c >= n) {
                changes.pastEnd = true;
                return changes;
            }
            const int i = int(c);
            const std::size_t run = countBefore(rest, columnStartMs(i + 1));
            accumulate(m_columns[std::size_t(i)], rest.first(run));
            m_total += run;
            m_newest = std::max(m_newest, i);
            mark(i);
            rest = rest.subspan(run);
        }
    }
    return changes;
}

// Halves [from, to) down to the columns whose count differs from the history's, and summarises
// those again; false when more than `budget` did (summarising all then costs less).
bool ChartColumns::recount(
    const PriceHistory &history, int from, int to, Changes &changes, int &budget)
{
    std::size_t kept = 0;
    for (int i = from; i < to; ++i)
        kept += m_columns[std::size_t(i)].count;
    if (history.range(columnStartMs(from), columnStartMs(to) - 1).size() == kept)
        return true;
    if (to - from > 1) {
        const int middle = from + (to - from) / 2;
        return recount(history, from, middle, changes, budget)
            && recount(history, middle, to, changes, budget);
    }
    if (--budget < 0)
        return false;
    Column fresh;
    const PriceHistory::Range range = history.range(columnStartMs(from), columnStartMs(to) - 1);
    for (const std::span<const PricePoint> piece : range.pieces)
        accumulate(fresh, piece);
    m_total = m_total - m_columns[std::size_t(from)].count + fresh.count;
    m_columns[std::size_t(from)] = fresh;
    markChanged(changes, from);
    return true;
}

int ChartColumns::previousFilled(int i) const
{
    for (int k = std::min(i, size()) - 1; k >= 0; --k) {
        if (m_columns[std::size_t(k)].count)
            return k;
    }
    return -1;
}

int ChartColumns::nextFilled(int i) const
{
    for (int k = std::max(i + 1, 0); k <= m_newest; ++k) {
        if (m_columns[std::size_t(k)].count)
            return k;
    }
    return -1;
}

void ChartColumns::appendM4(int i, std::vector<PricePoint> &out) const
{
    const Column &c = m_columns[std::size_t(i)];
    if (c.count == 0)
        return;
    std::pair<std::size_t, const PricePoint *> picks[]
        = {{0, &c.first}, {c.lowAt, &c.low}, {c.highAt, &c.high}, {c.count - 1, &c.last}};
    std::sort(std::begin(picks), std::end(picks),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t k = 0; k < 4; ++k) {
        if (k == 0 || picks[k].first != picks[k - 1].first)
            out.push_back(*picks[k].second);
    }
}

std::vector<PricePoint> ChartColumns::m4() const
{
    std::vector<PricePoint> out;
    for (int i = 0; i <= m_newest; ++i)
        appendM4(i, out);
    return out;
}

std::size_t ChartColumns::m4Count() const
{
    std::size_t count = 0;
    for (int i = 0; i <= m_newest; ++i) {
        const Column &c = m_columns[std::size_t(i)];
        if (c.count) {
            const std::size_t at[] = {0, c.lowAt, c.highAt, c.count - 1};
            count += 1 + (at[1] != 0) + (at[2] != 0 && at[2] != at[1])
                + (at[3] != 0 && at[3] != at[1] && at[3] != at[2]);
        }
    }
    return count;
}

} // namespace ticker
