#pragma once

#include "bithumbticker/marketcatalog.h"
#include "bithumbticker/marketsearch.h"

#include <QAbstractListModel>
#include <QHash>

#include <functional>

#include <vector>

namespace ticker {

// The catalogue as a list: one row per market, "BTC · 비트코인 · Bitcoin", caution markets
// marked. Matching keys and labels are made once per refresh, so filtering as one types
// allocates nothing per row.
class MarketListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        MarketRole = Qt::UserRole + 1, // ticker::MarketId
        CautionRole,                   // bool: Bithumb's 투자유의
        SymbolRole,                    // BTC_KRW
    };

    explicit MarketListModel(QObject *parent = nullptr);

    // A refresh: the whole list is replaced (a model reset). Tooltips stay with their markets.
    void setEntries(std::vector<MarketCatalog::Entry> entries);
    const std::vector<MarketCatalog::Entry> &entries() const { return m_entries; }
    int rowOf(const MarketId &market) const; // -1 when not listed
    const MarketSearchKey &searchKey(int row) const { return m_rows[std::size_t(row)].key; }
    QString label(int row) const { return m_rows[std::size_t(row)].label; }

    // Per-market tooltip text (the window's "last trade N s ago"), kept across refreshes.
    void setToolTip(const MarketId &market, const QString &text);
    QString toolTip(const MarketId &market) const { return m_toolTips.value(market); }
    // Or asked for it only when a view shows the tooltip, so it is always fresh and costs
    // nothing until then (no dataChanged per market per second). Set, it replaces setToolTip's.
    using ToolTipSource = std::function<QString(const MarketId &)>;
    void setToolTipSource(ToolTipSource source) { m_toolTipSource = std::move(source); }

    // The mark after a caution market's label.
    static QString cautionMark();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        MarketSearchKey key;
        QString label;   // EditRole: what the picker's line shows once it is chosen
        QString display; // DisplayRole: the label and the caution mark
    };

    std::vector<MarketCatalog::Entry> m_entries;
    std::vector<Row> m_rows;
    QHash<MarketId, int> m_rowOf;
    QHash<MarketId, QString> m_toolTips;
    ToolTipSource m_toolTipSource;
};

} // namespace ticker
