#pragma once

#include "celldelegate.h"
#include "chartcolumns.h"

#include <QHash>

namespace ticker {

// Draws a market's last 24 h in a table cell: its PriceHistory (WatchlistModel::HistoryRole),
// and before that history starts its hourly overview (OverviewRole), decimated with M4 to four
// points per device pixel column, so the line keeps each column's true high and low, in the
// colour of the day's move. Each history's columns are kept (ChartColumns) on a grid that moves
// in whole columns, so a redraw costs the ticks since the last one, not the day's: the shown
// market's million ticks as little as a watched market's few.
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
    int lastSummarised() const { return m_lastSummarised; }   // for tests: columns redone

private:
    // A history's columns, and when they were last drawn (unused ones are forgotten).
    struct Kept
    {
        ChartColumns columns;
        qint64 drawnMs = 0;
    };
    const ChartColumns &columnsOf(const PriceHistory &history, int columns, qint64 nowMs) const;

    std::function<qint64()> m_clock;
    mutable QHash<const PriceHistory *, Kept> m_kept;
    mutable int m_lastDrawnPoints = 0;
    mutable int m_lastSummarised = 0;
};

} // namespace ticker
