#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace ticker {

class MarketId;
class SparklineDelegate;
class WatchlistModel;

// The watchlist table: sortable by any column (through a proxy), rows reordered by drag while
// unsorted, removed with Delete or the context menu; clicking a row shows that market. While
// the view cannot be seen, its model announces nothing.
class WatchlistView : public QTableView
{
    Q_OBJECT
public:
    explicit WatchlistView(WatchlistModel *model, QWidget *parent = nullptr);

    WatchlistModel *watchlist() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    SparklineDelegate *sparklines() const { return m_sparklines; }
    void removeSelected();
    int paintCount() const { return m_paintCount; } // for tests
    QRect lastPaintedRect() const { return m_lastPainted; }

Q_SIGNALS:
    void marketActivated(const ticker::MarketId &market);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void followVisibility();

    WatchlistModel *m_model;
    QSortFilterProxyModel *m_proxy;
    SparklineDelegate *m_sparklines;
    QWidget *m_watchedWindow = nullptr;
    int m_paintCount = 0;
    QRect m_lastPainted;
};

} // namespace ticker
