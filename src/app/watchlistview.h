#pragma once

#include "bithumbticker/marketid.h"

#include <QTableView>
#include <QTimer>

class QSortFilterProxyModel;

namespace ticker {

class SparklineDelegate;
class WatchlistModel;

// The watchlist table: sortable by any column (through a proxy), rows reordered by drag while
// unsorted, removed with Delete or the context menu; clicking a row shows that market. While
// the view cannot be seen, its model announces nothing. It says which markets its visible rows
// hold (for their sparklines' history), at most once every visibleThrottleMs.
class WatchlistView : public QTableView
{
    Q_OBJECT
public:
    static constexpr int visibleThrottleMs = 100;

    explicit WatchlistView(WatchlistModel *model, QWidget *parent = nullptr);

    WatchlistModel *watchlist() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    SparklineDelegate *sparklines() const { return m_sparklines; }
    void removeSelected();
    int paintCount() const { return m_paintCount; } // for tests
    QRect lastPaintedRect() const { return m_lastPainted; }
    // The markets of the rows in the viewport, top to bottom; none while it cannot be seen.
    QList<MarketId> visibleMarkets() const;
    // The columns' widths, order and sort, as saved between runs; a state that does not read
    // as a header's changes nothing.
    QByteArray saveColumns() const;
    bool restoreColumns(const QByteArray &state);

Q_SIGNALS:
    void marketActivated(const ticker::MarketId &market);
    void visibleMarketsChanged(const QList<ticker::MarketId> &markets);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void followVisibility();
    void announceVisibleSoon();
    void announceVisible();

    WatchlistModel *m_model;
    QSortFilterProxyModel *m_proxy;
    SparklineDelegate *m_sparklines;
    QWidget *m_watchedWindow = nullptr;
    int m_paintCount = 0;
    QRect m_lastPainted;
    QTimer m_visibleTimer;
    QList<MarketId> m_visible; // as last announced
};

} // namespace ticker
