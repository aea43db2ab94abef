#include "watchlistview.h"

#include "celldelegate.h"
#include "sparklinedelegate.h"
#include "watchlistmodel.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>
#include <QPaintEvent>
#include <QScrollBar>
#include <QSortFilterProxyModel>

namespace ticker {

WatchlistView::WatchlistView(WatchlistModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_sparklines(new SparklineDelegate(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(WatchlistModel::SortRole);
    setModel(m_proxy);
    setItemDelegate(new CellDelegate(this));
    setItemDelegateForColumn(WatchlistModel::TrendColumn, m_sparklines);
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    // The user's order until a header is clicked.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setEditTriggers(NoEditTriggers);
    // Rows are picked with the arrows; Tab moves on to the next control instead of trapping
    // the keyboard among the cells.
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSortIndicatorClearable(true); // a third click: back to the user's order
    const int digit = fontMetrics().horizontalAdvance(u'0');
    setColumnWidth(WatchlistModel::MarketColumn, 15 * digit);
    setColumnWidth(WatchlistModel::PriceColumn, 12 * digit);
    setColumnWidth(WatchlistModel::ChangeColumn, 8 * digit);
    setColumnWidth(WatchlistModel::ValueColumn, 9 * digit);
    setColumnWidth(WatchlistModel::AgeColumn, 5 * digit);
    setColumnWidth(WatchlistModel::StatusColumn, 12 * digit);
    horizontalHeader()->setMinimumSectionSize(4 * digit);
    // Drag to reorder: only the user's own order can be rearranged.
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
        [this](int column) { setDragDropMode(column < 0 ? InternalMove : NoDragDrop); });
    connect(this, &QTableView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT marketActivated(index.data(WatchlistModel::MarketRole).value<MarketId>());
    });
    connect(this, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT marketActivated(index.data(WatchlistModel::MarketRole).value<MarketId>());
    });
    // Scrolling, resizing and edits change the visible rows; a burst of them is said once.
    m_visibleTimer.setSingleShot(true);
    m_visibleTimer.setInterval(visibleThrottleMs);
    connect(&m_visibleTimer, &QTimer::timeout, this, &WatchlistView::announceVisible);
    connect(
        verticalScrollBar(), &QScrollBar::valueChanged, this, &WatchlistView::announceVisibleSoon);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &WatchlistView::announceVisibleSoon);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &WatchlistView::announceVisibleSoon);
    connect(m_proxy, &QAbstractItemModel::rowsMoved, this, &WatchlistView::announceVisibleSoon);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &WatchlistView::announceVisibleSoon);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WatchlistView::announceVisibleSoon);
}

QList<MarketId> WatchlistView::visibleMarkets() const
{
    QList<MarketId> markets;
    if (!isVisible() || window()->windowState().testFlag(Qt::WindowMinimized))
        return markets;
    const int first = rowAt(0);
    if (first < 0)
        return markets;
    int last = rowAt(viewport()->height() - 1);
    if (last < 0)
        last = model()->rowCount() - 1;
    for (int row = first; row <= last; ++row)
        markets.append(model()->index(row, 0).data(WatchlistModel::MarketRole).value<MarketId>());
    return markets;
}

QByteArray WatchlistView::saveColumns() const
{
    return horizontalHeader()->saveState();
}

bool WatchlistView::restoreColumns(const QByteArray &state)
{
    // A restored sort indicator sorts the proxy, as a click would.
    return horizontalHeader()->restoreState(state);
}

void WatchlistView::announceVisibleSoon()
{
    if (!m_visibleTimer.isActive())
        m_visibleTimer.start();
}

void WatchlistView::announceVisible()
{
    QList<MarketId> markets = visibleMarkets();
    if (markets == m_visible)
        return;
    m_visible = std::move(markets);
    Q_EMIT visibleMarketsChanged(m_visible);
}

void WatchlistView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    announceVisibleSoon();
}

void WatchlistView::paintEvent(QPaintEvent *event)
{
    ++m_paintCount;
    m_lastPainted = event->rect();
    QTableView::paintEvent(event);
}

void WatchlistView::removeSelected()
{
    QList<MarketId> markets;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        markets.append(index.data(WatchlistModel::MarketRole).value<MarketId>());
    for (const MarketId &market : std::as_const(markets))
        m_model->removeMarket(market);
}

void WatchlistView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        removeSelected();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void WatchlistView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    if (!selectionModel()->isRowSelected(index.row(), index.parent()))
        selectRow(index.row());
    QMenu menu(this);
    const auto market = index.data(WatchlistModel::MarketRole).value<MarketId>();
    menu.addAction(
        tr("Show %1").arg(market.toV1()), this, [this, market] { Q_EMIT marketActivated(market); });
    menu.addAction(tr("Remove from watchlist"), this, &WatchlistView::removeSelected);
    menu.exec(event->globalPos());
}

void WatchlistView::showEvent(QShowEvent *event)
{
    QTableView::showEvent(event);
    // Minimising hides no child, so the top-level window's state is watched as well.
    if (window() != m_watchedWindow) {
        if (m_watchedWindow)
            m_watchedWindow->removeEventFilter(this);
        m_watchedWindow = window();
        m_watchedWindow->installEventFilter(this);
    }
    followVisibility();
}

void WatchlistView::hideEvent(QHideEvent *event)
{
    QTableView::hideEvent(event);
    followVisibility();
}

bool WatchlistView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_watchedWindow
        && (event->type() == QEvent::WindowStateChange || event->type() == QEvent::Hide
            || event->type() == QEvent::Show))
        followVisibility();
    return QTableView::eventFilter(watched, event);
}

void WatchlistView::followVisibility()
{
    const bool minimised = window()->windowState().testFlag(Qt::WindowMinimized);
    m_model->setPaused(!isVisible() || minimised);
    announceVisibleSoon();
}

} // namespace ticker
