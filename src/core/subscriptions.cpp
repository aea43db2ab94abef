#include "bithumbticker/subscriptions.h"

namespace ticker {

Subscriptions::Subscriptions(QObject *parent)
    : QObject(parent)
{ }

void Subscriptions::setWanted(Need need, const QList<MarketId> &markets)
{
    m_needs.insert(need, markets);
    // The shown market first, then the watchlist's order: the feed's request reads the same
    // from one run to the next.
    QList<MarketId> all;
    for (const QList<MarketId> &list : std::as_const(m_needs)) {
        for (const MarketId &market : list) {
            if (market.isValid() && !all.contains(market))
                all.append(market);
        }
    }
    if (all == m_markets)
        return;
    m_markets = all;
    Q_EMIT marketsChanged(m_markets);
}

} // namespace ticker
