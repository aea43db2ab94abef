#include "sparklinedelegate.h"

#include "tickcolors.h"
#include "watchlistmodel.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ticker {

void SparklineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintBackground(painter, option, index); // selection and alternate rows as the others
    m_lastDrawnPoints = 0;
    const auto *history = index.data(WatchlistModel::HistoryRole).value<const PriceHistory *>();
    const auto *overview = index.data(WatchlistModel::OverviewRole).value<const PriceHistory *>();
    const qint64 t1 = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
    const qint64 t0 = t1 - spanMs;
    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    const qreal dpr = painter->device()->devicePixelRatioF();
    const int columns = std::max(1, int(area.width() * dpr));
    // The hourly overview up to where the history starts, then the history: each decimated on
    // the same columns, so a column shared by both keeps the extremes of each.
    const qint64 split
        = history && !history->isEmpty() ? std::max(t0, history->at(0).timeMs) : t1 + 1;
    std::vector<PricePoint> points;
    if (overview && split > t0)
        points = decimateM4(overview->range(t0, split - 1), t0, t1, columns);
    if (history) {
        const auto recent = decimateM4(history->range(split, t1), t0, t1, columns);
        points.insert(points.end(), recent.begin(), recent.end());
    }
    if (points.empty())
        return;
    const auto [low, high] = std::minmax_element(points.cbegin(), points.cend(),
        [](const PricePoint &a, const PricePoint &b) { return a.price < b.price; });
    const double span = high->price - low->price;
    QPainterPath path;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const PricePoint &p = points[i];
        const double x = area.left() + double(p.timeMs - t0) / double(spanMs) * area.width();
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
