#pragma once

#include "bithumbticker/marketstore.h"
#include "frameclock.h"
#include "presentation.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace ticker {

// The watchlist as a table: one row a market, in the user's order, its cells read from the
// MarketStore through present(). Ticks mark rows dirty; on the window's frame (FrameClock) the
// cells whose words or colour changed (and only those) are announced, none while the view is
// hidden. A changed price flashes its cell briefly, red up and blue down; flashes end on the
// frames that paint ticks anyway, or on a timer of their own when no tick comes. Sparklines
// follow ticks on a slower beat (seconds of ticks are a pixel of a day), but a past that
// arrives from REST shows on the next frame.
class WatchlistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MarketColumn,
        PriceColumn,
        ChangeColumn,
        ValueColumn,
        AgeColumn,
        StatusColumn,
        TrendColumn,
        ColumnCount
    };
    enum Role {
        MarketRole = Qt::UserRole + 1, // the row's MarketId
        SortRole,                      // a number (or text) to sort the column by
        HistoryRole,                   // const PriceHistory *, for the sparkline
        OverviewRole,                  // const PriceHistory *: hourly, before the history
        StaleRole,                     // bool
    };
    static constexpr int frameMs = FrameClock::frameMs;
    static constexpr int flashAlpha = 45; // a tint: the price stays readable
    // A tick moves a 24 h sparkline by less than a pixel column: they are redrawn this often.
    static constexpr int sparklineMs = 5000;

    explicit WatchlistModel(MarketStore *store, QObject *parent = nullptr);

    QList<MarketId> markets() const { return m_markets; }
    void setMarkets(const QList<MarketId> &markets); // not an edit: says nothing
    bool addMarket(const MarketId &market);          // false when it is there already
    bool removeMarket(const MarketId &market);
    int rowOf(const MarketId &market) const { return m_rowOf.value(market, -1); }
    // Hidden or minimised: nothing is announced; on resume every cell is, once.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setFlashMs(int ms) { m_flashMs = ms; }
    // The window's beat, shared with its other views (default: one of the model's own).
    void setFrameClock(FrameClock *clock);
    void setSparklineIntervalMs(int ms) { m_sparklineTimer.setInterval(ms); }
    int announcedFrames() const { return m_frames; } // for tests: how many flushes emitted

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
        const QModelIndex &destinationParent, int destinationChild) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

Q_SIGNALS:
    // The user changed the list (added, removed, moved): what to subscribe and to save.
    void marketsEdited(const QList<ticker::MarketId> &markets);

private:
    void marketsUpdated(const QList<MarketId> &markets);
    void historyArrived(const MarketId &market);
    void markDirty(int row);
    void flush();
    void endFlashesBy(qint64 ms);
    void refreshAges();
    bool agesMoved() const;
    void endFlashes();
    void reindex();
    void edited();
    const MarketPresentation &presentation(int row) const;
    MarketPresentation phrase(int row) const; // what present() says of the row now

    MarketStore *m_store;
    QList<MarketId> m_markets;
    QHash<MarketId, int> m_rowOf;
    QHash<MarketId, double> m_shownPrice; // the price the row last showed, to flash its move
    struct Flash
    {
        bool up;
        qint64 untilMs; // on m_clock
    };
    QHash<MarketId, Flash> m_flashes;
    // Dirty rows, and the columns known to have changed since the row was last announced.
    mutable QHash<int, unsigned> m_dirty;
    QSet<int> m_dirtySparklines;
    // Sparklines redrawn on the next frame, not on the slow beat: their REST past arrived.
    QSet<MarketId> m_urgentTrends;
    // What present() said of each row when last asked: a paint asks each cell for several
    // roles, and each would otherwise phrase it anew. A change makes it outdated, not gone, so
    // the next one can say which columns differ; rows no paint asked for within a second are
    // forgotten (an unknown row announces all its cells, without phrasing it).
    struct Presented
    {
        MarketPresentation view;
        bool current = true; // false: the market changed or the second turned since
        bool asked = true;   // read since the last second's turn
    };
    mutable QHash<int, Presented> m_presented;
    QLocale m_locale;
    FrameClock *m_frameClock;
    QTimer m_sparklineTimer;
    QTimer m_flashTimer;
    QElapsedTimer m_clock; // monotonic, for flashes only
    int m_flashMs = 400;
    int m_frames = 0;
    bool m_paused = false;
};

} // namespace ticker

Q_DECLARE_METATYPE(const ticker::PriceHistory *)
