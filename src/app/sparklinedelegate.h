#pragma once

#include "celldelegate.h"

namespace ticker {

// Draws a market's last 24 h in a table cell: its PriceHistory (WatchlistModel::HistoryRole),
// and before that history starts its hourly overview (OverviewRole), decimated with M4 to four
// points per device pixel column, so the line keeps each column's true high and low, in the
// colour of the day's move.
class SparklineDelegate : public CellDelegate
{
    Q_OBJECT
public:
    static constexpr qint64 spanMs = 24 * 3600 * 1000;

    using CellDelegate::CellDelegate;

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    int lastDrawnPoints() const { return m_lastDrawnPoints; } // for tests

private:
    std::function<qint64()> m_clock;
    mutable int m_lastDrawnPoints = 0;
};

} // namespace ticker
