#include "marketfiltermodel.h"

#include "marketlistmodel.h"

namespace ticker {

MarketFilterModel::MarketFilterModel(MarketListModel *markets, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_markets(markets)
{
    setSourceModel(markets);
    sort(0);
}

void MarketFilterModel::setQuery(QStringView text)
{
    MarketQuery query(text);
    if (query.text() == m_query.text())
        return;
    m_query = std::move(query);
    invalidate(); // the order depends on the query too, not only which rows pass
}

bool MarketFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (m_matches.size() != std::size_t(m_markets->rowCount()))
        m_matches.assign(std::size_t(m_markets->rowCount()), MarketMatch::None);
    const MarketMatch match = m_query.match(m_markets->searchKey(sourceRow));
    m_matches[std::size_t(sourceRow)] = match;
    return match != MarketMatch::None;
}

bool MarketFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto rank = [this](const QModelIndex &index) {
        const auto row = std::size_t(index.row());
        return row < m_matches.size() ? m_matches[row] : MarketMatch::None;
    };
    if (rank(left) != rank(right))
        return rank(left) < rank(right);
    return left.row() < right.row();
}

} // namespace ticker
