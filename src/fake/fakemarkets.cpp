#include "bithumbticker/fakemarkets.h"

namespace ticker {

const QList<MarketId> &fakeListedMarkets()
{
    static const QList<MarketId> markets = [] {
        QList<MarketId> list;
        for (const char *base : {"BTC", "ETH", "XRP", "SOL", "DOGE", "ADA", "USDT", "SHIB", "TRX",
                 "LINK", "AVAX", "DOT", "BCH", "ETC", "XLM", "SUI", "HBAR", "SEI", "APT", "NEAR",
                 "ATOM", "UNI", "AAVE", "ARB", "OP", "PEPE", "ENA", "ONDO", "WLD", "STX"})
            list.append(*MarketId::fromV2(std::string("KRW-") + base));
        return list;
    }();
    return markets;
}

bool isFakeListed(const MarketId &market)
{
    return fakeListedMarkets().contains(market);
}

} // namespace ticker
