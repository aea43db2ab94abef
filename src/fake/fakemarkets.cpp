#include "bithumbticker/fakemarkets.h"

#include <QSet>

namespace ticker {

const QList<MarketId> &fakeListedMarkets()
{
    static const QList<MarketId> markets = [] {
        QList<MarketId> list;
        for (const char *base : {"BTC", "ETH", "XRP", "SOL", "DOGE", "ADA", "USDT", "SHIB", "TRX",
                 "LINK", "AVAX", "DOT", "BCH", "ETC", "XLM", "SUI", "HBAR", "SEI", "APT", "NEAR",
                 "ATOM", "UNI", "AAVE", "ARB", "OP", "PEPE", "ENA", "ONDO", "WLD", "STX"})
            list.append(*MarketId::fromV1(std::string(base) + "_KRW"));
        return list;
    }();
    return markets;
}

bool isFakeListed(const MarketId &market)
{
    static const QSet<MarketId> listed(fakeListedMarkets().cbegin(), fakeListedMarkets().cend());
    return listed.contains(market);
}

} // namespace ticker
