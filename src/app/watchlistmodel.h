#pragma once

#include "bithumbticker/marketstore.h"
#include "presentation.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace ticker {

// The watchlist as a table: one row a market, in the user's order, its cells read from the
// MarketStore through present(). Ticks mark rows dirty; once a frame the changed cells (and
// only those) are announced, none while the view is hidden. A changed price flashes its cell
// briefly, red up and blue down.
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
    static constexpr int frameMs = 16;
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
    void markDirty(int row);
    void flush();
    void endFlashes();
    void reindex();
    void edited();
    const MarketPresentation &presentation(int row) const;

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
    QSet<int> m_dirty;
    QSet<int> m_dirtySparklines;
    // What present() said of each row since its market last changed or the second turned:
    // a paint asks each cell for several roles, and each would otherwise phrase it anew.
    mutable QHash<int, MarketPresentation> m_presented;
    QLocale m_locale;
    QTimer m_frameTimer;
    QTimer m_sparklineTimer;
    QTimer m_ageTimer;
    QTimer m_flashTimer;
    QElapsedTimer m_clock; // monotonic, for flashes only
    int m_flashMs = 400;
    int m_frames = 0;
    bool m_paused = false;
};

} // namespace ticker

Q_DECLARE_METATYPE(const ticker::PriceHistory *)
