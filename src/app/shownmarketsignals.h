#pragma once

#include "bithumbticker/marketstore.h"

#include <QObject>

namespace ticker {

// Calls changed, in receiver's thread and life, whenever what a view of the store's shown
// market shows may have changed: its ticks, its staleness, the link, which market is shown,
// the catalogue's names. The compact window and the tray follow the shown market alike.
template<typename Receiver, typename Slot>
void connectShownMarket(const MarketStore *store, Receiver *receiver, Slot changed)
{
    const auto ifShown = [store, receiver, changed](const QList<MarketId> &markets) {
        if (markets.contains(store->shownMarket()))
            (receiver->*changed)();
    };
    QObject::connect(store, &MarketStore::marketsChanged, receiver, ifShown);
    QObject::connect(store, &MarketStore::staleChanged, receiver, ifShown);
    QObject::connect(store, &MarketStore::linkChanged, receiver, changed);
    QObject::connect(store, &MarketStore::shownMarketChanged, receiver, changed);
    QObject::connect(store, &MarketStore::catalogChanged, receiver, changed);
}

} // namespace ticker
