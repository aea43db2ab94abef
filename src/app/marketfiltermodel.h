#pragma once

#include "bithumbticker/marketsearch.h"

#include <QSortFilterProxyModel>

#include <vector>

namespace ticker {

class MarketListModel;

// The markets a query finds (matchesMarketQuery's rules), best first: exact symbol, then symbol
// prefix, then name prefix, then anywhere; in the catalogue's order within each.
class MarketFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MarketFilterModel(MarketListModel *markets, QObject *parent = nullptr);

    void setQuery(QStringView text);
    const MarketQuery &query() const { return m_query; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    MarketListModel *m_markets;
    MarketQuery m_query;
    // How each source row matched the query, filled in while filtering, read while sorting.
    mutable std::vector<MarketMatch> m_matches;
};

} // namespace ticker
