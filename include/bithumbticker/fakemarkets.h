#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/tick.h"

#include <QList>

namespace ticker {

// One market of the loopback exchange's catalogue, as GET /v1/market/all lists it.
struct FakeListing
{
    MarketId market;
    QString koreanName;
    QString englishName;
    bool caution = false; // Bithumb's 투자유의 (market_warning CAUTION)
};

// What the loopback exchange lists, WebSocket and REST alike, shaped like Bithumb's list in
// September 2026 (protocol notes 3.2): 480 KRW markets, then 13 BTC markets. The first thirty
// are Bithumb's largest KRW markets with their real names (the app's bundled list); the other
// KRW markets are made up, with plausible codes and names. A few carry the caution flag, PEPE
// among them. Anything else is unknown to it, as to the real exchange.
// splitmix64: the demo's made-up data is the same in every run and every process.
constexpr quint64 splitMix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

const QList<FakeListing> &fakeCatalog();
const QList<MarketId> &fakeListedMarkets(); // the catalogue's markets, in its order
bool isFakeListed(const MarketId &market);
// MarketStatus::active(), with the catalogue's caution flag: what the fake's frames say of a
// listed market until a test sets otherwise.
MarketStatus fakeListedStatus(const MarketId &market);

} // namespace ticker
