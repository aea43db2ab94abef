#pragma once

#include "bithumbticker/marketid.h"

#include <QList>
#include <QMap>
#include <QObject>

namespace ticker {

// The one object that decides what the feed subscribes: the union of what every part of the
// app needs live (the shown market, the watchlist, later alert targets), in a stable order.
// It tells the feed only when that union changes.
class Subscriptions : public QObject
{
    Q_OBJECT
public:
    enum class Need { Shown, Watchlist, Alerts };
    Q_ENUM(Need)

    explicit Subscriptions(QObject *parent = nullptr);

    void setWanted(Need need, const QList<ticker::MarketId> &markets);
    QList<MarketId> wanted(Need need) const { return m_needs.value(need); }
    QList<MarketId> markets() const { return m_markets; } // the union

Q_SIGNALS:
    void marketsChanged(const QList<ticker::MarketId> &markets);

private:
    QMap<Need, QList<MarketId>> m_needs;
    QList<MarketId> m_markets;
};

} // namespace ticker
