#include "watchlistmodel.h"

#include "presentation.h"
#include "tickcolors.h"

#include <QGuiApplication>
#include <QMimeData>
#include <QPalette>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

const QString mimeType = u"application/x-bithumb-ticker-markets"_s;

QColor toneColor(MarketPresentation::Tone tone)
{
    return ticker::toneColor(QGuiApplication::palette(), tone);
}

double orNan(const std::optional<Tick> &tick, double Tick::*field)
{
    return tick ? (*tick).*field : Tick::unknown;
}

constexpr unsigned bit(int column)
{
    return 1U << unsigned(column);
}

// The cells a tick may change: everything but the name and the sparkline.
constexpr unsigned tickColumns = bit(WatchlistModel::PriceColumn)
    | bit(WatchlistModel::ChangeColumn) | bit(WatchlistModel::ValueColumn)
    | bit(WatchlistModel::AgeColumn) | bit(WatchlistModel::StatusColumn);

// The cells whose painted words or colours differ between two presentations of a row (tool
// tips are asked on hover, fresh).
unsigned changedColumns(const MarketPresentation &a, const MarketPresentation &b)
{
    unsigned changed = 0;
    const bool stale = a.stale != b.stale;
    if (stale || a.price != b.price)
        changed |= bit(WatchlistModel::PriceColumn);
    if (a.changePercent != b.changePercent || a.tone != b.tone)
        changed |= bit(WatchlistModel::ChangeColumn);
    if (stale || a.tradedValue != b.tradedValue)
        changed |= bit(WatchlistModel::ValueColumn);
    if (a.shortAge != b.shortAge)
        changed |= bit(WatchlistModel::AgeColumn);
    if (stale || a.badge.text != b.badge.text || a.badge.severity != b.badge.severity
        || a.notice != b.notice)
        changed |= bit(WatchlistModel::StatusColumn);
    return changed;
}

} // namespace

WatchlistModel::WatchlistModel(MarketStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_locale(QLocale())
{
    m_clock.start();
    m_frameClock = new FrameClock(this);
    connect(m_frameClock, &FrameClock::frame, this, &WatchlistModel::flush);
    // Ages move on by themselves: one column, once a second.
    connect(m_frameClock, &FrameClock::second, this, &WatchlistModel::refreshAges);
    m_sparklineTimer.setInterval(sparklineMs);
    connect(&m_sparklineTimer, &QTimer::timeout, this, [this] {
        if (m_paused)
            return;
        for (const int row : std::as_const(m_dirtySparklines))
            Q_EMIT dataChanged(index(row, TrendColumn), index(row, TrendColumn));
        m_dirtySparklines.clear();
    });
    m_sparklineTimer.start();
    m_flashTimer.setSingleShot(true);
    connect(&m_flashTimer, &QTimer::timeout, this, &WatchlistModel::endFlashes);
    connect(store, &MarketStore::historyArrived, this, &WatchlistModel::historyArrived);
    connect(store, &MarketStore::marketsChanged, this, &WatchlistModel::marketsUpdated);
    connect(store, &MarketStore::staleChanged, this, &WatchlistModel::marketsUpdated);
    connect(store, &MarketStore::catalogChanged, this, [this] {
        m_presented.clear(); // names and listings, every row
        for (unsigned &columns : m_dirty)
            columns = tickColumns;
        if (!m_paused && !m_markets.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
}

void WatchlistModel::setFrameClock(FrameClock *clock)
{
    if (m_frameClock->parent() == this)
        delete m_frameClock;
    m_frameClock = clock;
    connect(m_frameClock, &FrameClock::frame, this, &WatchlistModel::flush);
    connect(m_frameClock, &FrameClock::second, this, &WatchlistModel::refreshAges);
}

// The second turned. The age column repaints only when a row painted since it last did reads
// another age now: on a busy feed "now" stays "now", and an hour-old trade moves once a
// minute. Until it does, the rows asked since then stay the ones that show.
void WatchlistModel::refreshAges()
{
    if (!m_paused && !agesMoved())
        return;
    for (auto it = m_presented.begin(); it != m_presented.end();) {
        if (!it->asked) {
            // Out of view: phrased again only when painted; until then a change announces
            // all its cells.
            if (const auto dirty = m_dirty.find(it.key()); dirty != m_dirty.end())
                *dirty = tickColumns;
            it = m_presented.erase(it);
            continue;
        }
        it->asked = false;
        it->current = false;
        ++it;
    }
    if (!m_paused && !m_markets.isEmpty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn));
}

bool WatchlistModel::agesMoved() const
{
    for (auto it = m_presented.cbegin(); it != m_presented.cend(); ++it) {
        if (it->asked && phrase(it.key()).shortAge != it->view.shortAge)
            return true;
    }
    return false;
}

MarketPresentation WatchlistModel::phrase(int row) const
{
    const MarketId &market = m_markets[row];
    return present(market, m_store->find(market), m_store->link(), m_store->now(), m_locale);
}

void WatchlistModel::setMarkets(const QList<MarketId> &markets)
{
    beginResetModel();
    m_markets.clear();
    for (const MarketId &market : markets) {
        if (market.isValid() && !m_markets.contains(market)) {
            m_markets.append(market);
            m_store->state(market); // the store knows what is watched, ticked or not
        }
    }
    reindex();
    m_dirty.clear();
    m_dirtySparklines.clear();
    m_urgentTrends.clear();
    m_presented.clear();
    endResetModel();
}

bool WatchlistModel::addMarket(const MarketId &market)
{
    if (!market.isValid() || m_rowOf.contains(market))
        return false;
    m_store->state(market); // the store knows what is watched, ticked or not
    beginInsertRows({}, rowCount(), rowCount());
    m_markets.append(market);
    reindex();
    m_presented.remove(rowCount() - 1);
    endInsertRows();
    edited();
    return true;
}

bool WatchlistModel::removeMarket(const MarketId &market)
{
    const int row = rowOf(market);
    return row >= 0 && removeRows(row, 1);
}

void WatchlistModel::reindex()
{
    m_rowOf.clear();
    for (int row = 0; row < m_markets.size(); ++row)
        m_rowOf.insert(m_markets[row], row);
}

void WatchlistModel::edited()
{
    Q_EMIT marketsEdited(m_markets);
}

void WatchlistModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused && !m_markets.isEmpty()) {
        m_dirty.clear();
        m_dirtySparklines.clear();
        m_urgentTrends.clear();
        m_presented.clear();
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

int WatchlistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_markets.size());
}

int WatchlistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void WatchlistModel::marketsUpdated(const QList<MarketId> &markets)
{
    for (const MarketId &market : markets) {
        const int row = rowOf(market);
        if (row < 0)
            continue;
        // A new price flashes, even one that the next frame will replace.
        const MarketState *state = m_store->find(market);
        if (state && state->last) {
            const double price = state->last->price;
            const auto shown = m_shownPrice.constFind(market);
            if (!m_paused && shown != m_shownPrice.constEnd() && *shown != price) {
                m_flashes.insert(market, {price > *shown, m_clock.elapsed() + m_flashMs});
                if (!m_flashTimer.isActive())
                    m_flashTimer.start(m_flashMs);
            }
            m_shownPrice.insert(market, price);
        }
        markDirty(row);
    }
}

void WatchlistModel::historyArrived(const MarketId &market)
{
    if (rowOf(market) >= 0)
        m_urgentTrends.insert(market); // the marketsChanged that follows asks for the frame
}

void WatchlistModel::markDirty(int row)
{
    m_dirtySparklines.insert(row);
    if (m_paused) {
        m_presented.remove(row);
        return; // resuming announces everything
    }
    // What the row showed, if a paint asked, tells which cells change; else all may.
    const auto shown = m_presented.find(row);
    unsigned &columns = m_dirty[row];
    if (shown == m_presented.end())
        columns = tickColumns;
    else
        shown->current = false;
    // On the window's frame, with the labels and the chart: one paint for all.
    m_frameClock->request();
}

void WatchlistModel::flush()
{
    if (m_paused || (m_dirty.isEmpty() && m_urgentTrends.isEmpty()))
        return; // kept dirty until resumed, which announces everything anyway
    // Flashes due within the next 100 ms end on this frame's paint, not on one of their own.
    endFlashesBy(m_clock.elapsed() + 100);
    QList<int> rows = m_dirty.keys();
    std::sort(rows.begin(), rows.end());
    for (const int row : std::as_const(rows)) {
        if (m_dirty.value(row) != tickColumns && m_presented.contains(row))
            presentation(row); // phrased now, for the paint that follows: which cells differ
    }
    // Each row's runs of changed cells, one signal a run.
    const auto dirty = std::exchange(m_dirty, {});
    for (const int row : std::as_const(rows)) {
        const unsigned columns = dirty.value(row);
        for (int c = PriceColumn; c <= StatusColumn; ++c) {
            if (!(columns & bit(c)))
                continue;
            int last = c;
            while (last + 1 <= StatusColumn && (columns & bit(last + 1)))
                ++last;
            Q_EMIT dataChanged(index(row, c), index(row, last));
            c = last;
        }
    }
    for (const MarketId &market : std::exchange(m_urgentTrends, {})) {
        if (const int row = rowOf(market); row >= 0) {
            m_dirtySparklines.remove(row);
            Q_EMIT dataChanged(index(row, TrendColumn), index(row, TrendColumn));
        }
    }
    ++m_frames;
}

void WatchlistModel::endFlashes()
{
    endFlashesBy(m_clock.elapsed());
}

void WatchlistModel::endFlashesBy(qint64 ms)
{
    const qint64 now = m_clock.elapsed();
    qint64 next = -1;
    for (auto it = m_flashes.begin(); it != m_flashes.end();) {
        if (it->untilMs > ms) {
            next = next < 0 ? it->untilMs : std::min(next, it->untilMs);
            ++it;
            continue;
        }
        const int row = rowOf(it.key());
        it = m_flashes.erase(it);
        if (row >= 0 && !m_paused)
            Q_EMIT dataChanged(
                index(row, PriceColumn), index(row, PriceColumn), {Qt::BackgroundRole});
    }
    // One wake-up ends every flash due within the next 100 ms.
    if (next >= 0)
        m_flashTimer.start(int(next - now) + 100);
    else
        m_flashTimer.stop();
}

QVariant WatchlistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MarketId &market = m_markets[index.row()];
    const MarketState *state = m_store->find(market);
    if (role == MarketRole)
        return QVariant::fromValue(market);
    if (role == HistoryRole)
        return QVariant::fromValue(state ? &state->history : nullptr);
    if (role == OverviewRole)
        return QVariant::fromValue(state ? &state->overview : nullptr);
    const int column = index.column();
    if (role == SortRole) {
        const std::optional<Tick> none;
        const std::optional<Tick> &last = state ? state->last : none;
        switch (column) {
        case PriceColumn:
            return orNan(last, &Tick::price);
        case ChangeColumn:
            return orNan(last, &Tick::changePercent);
        case ValueColumn:
            return orNan(last, &Tick::tradedValue);
        case AgeColumn:
            return state && state->rhythm.hasTicked() ? m_store->now() - state->rhythm.lastMs()
                                                      : std::numeric_limits<qint64>::max();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole) {
        const bool number = column == PriceColumn || column == ChangeColumn || column == ValueColumn
            || column == AgeColumn;
        return QVariant::fromValue((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role == Qt::BackgroundRole) {
        const auto flash = m_flashes.constFind(market);
        if (column != PriceColumn || flash == m_flashes.constEnd())
            return {};
        const QPalette palette = QGuiApplication::palette();
        QColor color = flash->up ? risingColor(palette) : fallingColor(palette);
        color.setAlpha(flashAlpha);
        return color;
    }
    if (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole
        && role != StaleRole)
        return {};

    const MarketPresentation &view = presentation(index.row());
    if (role == StaleRole)
        return view.stale;
    if (role == Qt::ForegroundRole) {
        if (column == ChangeColumn)
            return toneColor(view.tone);
        if (view.stale && (column == PriceColumn || column == ValueColumn))
            return toneColor(MarketPresentation::Tone::Muted);
        if (column == StatusColumn && view.badge.severity == StatusBadge::Severity::Danger)
            return risingColor(QGuiApplication::palette()); // Bithumb's red for halts
        if (column == StatusColumn && view.badge.severity == StatusBadge::Severity::Caution)
            return cautionColor(QGuiApplication::palette());
        if (column == StatusColumn && !view.notice.isEmpty())
            return toneColor(MarketPresentation::Tone::Muted);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case PriceColumn:
            return view.priceNote.isEmpty() ? view.age : view.priceNote;
        case StatusColumn:
            return view.badge.toolTip.isEmpty() ? view.notice : view.badge.toolTip;
        case MarketColumn:
            return view.name.isEmpty() ? view.symbol : view.symbol + u" · "_s + view.name;
        default:
            return view.age;
        }
    }
    switch (column) {
    case MarketColumn:
        return view.name.isEmpty() ? market.base() : market.base() + u" · "_s + view.name;
    case PriceColumn:
        return view.price;
    case ChangeColumn:
        return view.changePercent;
    case ValueColumn:
        return view.tradedValue;
    case AgeColumn:
        return view.shortAge;
    case StatusColumn:
        return view.statusText();
    default:
        return {};
    }
}

const MarketPresentation &WatchlistModel::presentation(int row) const
{
    auto it = m_presented.find(row);
    if (it == m_presented.end() || !it->current) {
        MarketPresentation view = phrase(row);
        // A dirty row collects every difference between what was phrased (and so perhaps
        // painted) since it was announced: none of them is missed by the announcement.
        if (it != m_presented.end()) {
            if (const auto dirty = m_dirty.find(row); dirty != m_dirty.end())
                *dirty |= changedColumns(it->view, view);
        }
        it = m_presented.insert(row, {std::move(view)});
    }
    it->asked = true;
    return it->view;
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MarketColumn:
        return tr("Market");
    case PriceColumn:
        return tr("Price");
    case ChangeColumn:
        return tr("Change");
    case ValueColumn:
        return tr("Value 24h");
    case AgeColumn:
        return tr("Age");
    case StatusColumn:
        return tr("Status");
    case TrendColumn:
        return tr("24h");
    default:
        return {};
    }
}

Qt::ItemFlags WatchlistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // between rows: where a dragged row lands
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

bool WatchlistModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i) {
        m_shownPrice.remove(m_markets[row]);
        m_flashes.remove(m_markets[row]);
        m_markets.removeAt(row);
    }
    reindex();
    m_dirty.clear(); // rows moved; the next tick marks what it changes
    m_dirtySparklines.clear();
    m_presented.clear();
    endRemoveRows();
    edited();
    return true;
}

bool WatchlistModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
    const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || sourceRow < 0 || count <= 0
        || sourceRow + count > rowCount() || destinationChild < 0 || destinationChild > rowCount()
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild);
    const QList<MarketId> moved = m_markets.mid(sourceRow, count);
    m_markets.remove(sourceRow, count);
    const int at = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_markets.insert(at + i, moved[i]);
    reindex();
    m_dirty.clear();
    m_dirtySparklines.clear();
    m_presented.clear();
    endMoveRows();
    edited();
    return true;
}

QStringList WatchlistModel::mimeTypes() const
{
    return {mimeType};
}

QMimeData *WatchlistModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList codes;
    for (const QModelIndex &index : indexes) {
        const QString code = m_markets.value(index.row()).toV2();
        if (index.isValid() && !codes.contains(code))
            codes.append(code);
    }
    auto *data = new QMimeData;
    data->setData(mimeType, codes.join(u',').toUtf8());
    return data;
}

bool WatchlistModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    // A drop on a row lands before it; past the last row, at the end.
    if (action != Qt::MoveAction || !data->hasFormat(mimeType))
        return false;
    int destination = parent.isValid() ? parent.row() : row < 0 ? rowCount() : row;
    for (const QString &code : QString::fromUtf8(data->data(mimeType)).split(u',')) {
        const auto market = MarketId::fromUser(code);
        const int from = market ? rowOf(*market) : -1;
        if (from < 0)
            continue;
        if (moveRows({}, from, 1, {}, destination))
            destination = rowOf(*market) + 1;
        else if (from == destination)
            ++destination;
    }
    // The rows were moved here: nothing is left for the view to remove (it would, after a
    // move that it believes was a copy-and-insert), so the drop reports no move.
    return false;
}

} // namespace ticker
