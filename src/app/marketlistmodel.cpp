#include "marketlistmodel.h"

using namespace Qt::StringLiterals;

namespace ticker {

MarketListModel::MarketListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

QString MarketListModel::cautionMark()
{
    return tr("⚠ Caution");
}

void MarketListModel::setEntries(std::vector<MarketCatalog::Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_rows.clear();
    m_rows.reserve(m_entries.size());
    m_rowOf.clear();
    m_rowOf.reserve(qsizetype(m_entries.size()));
    const QString mark = cautionMark();
    for (const auto &entry : m_entries) {
        const QString label = marketLabel(entry);
        m_rowOf.insert(entry.market, int(m_rows.size()));
        m_rows.push_back({MarketSearchKey::of(entry), label,
            entry.isCaution() ? label + u"   "_s + mark : label});
    }
    endResetModel();
}

int MarketListModel::rowOf(const MarketId &market) const
{
    return m_rowOf.value(market, -1);
}

void MarketListModel::setToolTip(const MarketId &market, const QString &text)
{
    auto it = m_toolTips.find(market);
    if (it != m_toolTips.end() && *it == text)
        return;
    m_toolTips.insert(market, text);
    if (const int row = rowOf(market); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {Qt::ToolTipRole});
}

int MarketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MarketListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &entry = m_entries[std::size_t(index.row())];
    const auto &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return row.display;
    case Qt::EditRole:
        return row.label;
    case Qt::ToolTipRole: {
        QString tip
            = m_toolTipSource ? m_toolTipSource(entry.market) : m_toolTips.value(entry.market);
        if (entry.isCaution()) {
            const QString caution = tr("Bithumb flags this market for caution (투자유의)");
            tip = tip.isEmpty() ? caution : caution + u'\n' + tip;
        }
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::AccessibleTextRole:
        return row.display;
    case MarketRole:
        return QVariant::fromValue(entry.market);
    case CautionRole:
        return entry.isCaution();
    case SymbolRole:
        return entry.market.toV1();
    default:
        return {};
    }
}

QHash<int, QByteArray> MarketListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(MarketRole, "market");
    names.insert(CautionRole, "caution");
    names.insert(SymbolRole, "symbol");
    return names;
}

} // namespace ticker
