#include "sparklinedelegate.h"

#include "tickcolors.h"
#include "watchlistmodel.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ticker {

namespace {

constexpr qint64 forgetMs = 60'000; // a history not drawn for this long loses its columns

} // namespace

const ChartColumns &SparklineDelegate::columnsOf(
    const PriceHistory &history, int columns, qint64 nowMs) const
{
    // Drop what no row drew for a while: removed markets, rows scrolled away.
    for (auto it = m_kept.begin(); it != m_kept.end();)
        it = nowMs - it->drawnMs > forgetMs ? m_kept.erase(it) : std::next(it);
    Kept &kept = m_kept[&history];
    kept.drawnMs = nowMs;
    ChartColumns &grid = kept.columns;
    const qint64 columnMs = std::max<qint64>(1, spanMs / columns);
    const qint64 newestMs = history.isEmpty() ? nowMs : std::max(nowMs, history.newest().timeMs);
    const qint64 first = ChartColumns::columnAt(newestMs, columnMs) - (columns - 1);
    m_lastSummarised = 0;
    if (grid.size() == columns && grid.columnMs() == columnMs && first >= grid.firstColumn()) {
        grid.scroll(first - grid.firstColumn());
        const ChartColumns::Changes changes = grid.update(history);
        if (!changes.lost && !changes.pastEnd) {
            m_lastSummarised = changes.from < 0 ? 0 : changes.to - changes.from + 1;
            return grid;
        }
    }
    grid.reset(history, columnMs, first, columns);
    m_lastSummarised = columns;
    return grid;
}

void SparklineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintBackground(painter, option, index); // selection and alternate rows as the others
    m_lastDrawnPoints = 0;
    const auto *history = index.data(WatchlistModel::HistoryRole).value<const PriceHistory *>();
    const auto *overview = index.data(WatchlistModel::OverviewRole).value<const PriceHistory *>();
    const qint64 now = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    const qreal dpr = painter->device()->devicePixelRatioF();
    const int columns = std::max(1, int(area.width() * dpr));
    // The history's kept columns; before the history starts, the hourly overview decimated on
    // the same columns, so a column shared by both keeps the extremes of each.
    std::vector<PricePoint> points;
    qint64 t0 = now - spanMs, t1 = now;
    if (history && !history->isEmpty()) {
        const ChartColumns &grid = columnsOf(*history, columns, now);
        t0 = grid.startMs();
        t1 = grid.endMs() - 1;
        const qint64 split = std::max(t0, history->at(0).timeMs);
        if (overview && split > t0)
            points = decimateM4(overview->range(t0, split - 1), t0, t1, columns);
        for (int i = 0; i <= grid.newest(); ++i)
            grid.appendM4(i, points);
    } else if (overview) {
        points = decimateM4(overview->range(t0, t1), t0, t1, columns);
    }
    if (points.empty())
        return;
    const auto [low, high] = std::minmax_element(points.cbegin(), points.cend(),
        [](const PricePoint &a, const PricePoint &b) { return a.price < b.price; });
    const double span = high->price - low->price;
    QPainterPath path;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const PricePoint &p = points[i];
        const double x = area.left() + double(p.timeMs - t0) / double(t1 + 1 - t0) * area.width();
        const double y = span > 0 ? area.bottom() - (p.price - low->price) / span * area.height()
                                  : area.center().y();
        // Not path.isEmpty(): a path of one moveTo counts as empty, so nothing was ever joined.
        if (i == 0)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
    }
    const QPalette &palette = option.palette;
    const double move = points.back().price - points.front().price;
    const QColor color = move > 0 ? risingColor(palette)
        : move < 0                ? fallingColor(palette)
                                  : palette.color(QPalette::PlaceholderText);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    QPen pen(color, 1.2);
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->drawPath(path);
    painter->restore();
    m_lastDrawnPoints = int(points.size());
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {96, option.fontMetrics.height() + 8};
}

} // namespace ticker
