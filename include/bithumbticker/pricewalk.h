#pragma once

#include "bithumbticker/marketid.h"

#include <QHash>
#include <QRandomGenerator>
#include <QString>

#include <functional>

namespace ticker {

// A plausible random walk of prices per market on Bithumb's KRW tick sizes, kept as an exact
// count of 1e-8 units so every price has one exact decimal text.
class PriceWalk
{
public:
    struct Quote
    {
        QString priceText;
        qint64 price = 0;     // in 1e-8 units
        qint64 prevClose = 0; // in 1e-8 units: the close before 00:00 KST
        qint64 open = 0, high = 0, low = 0;
        qint64 volume = 0;      // in 1e-8 units of the base currency
        qint64 tradeVolume = 0; // the last trade's, in 1e-8 units
        qint64 tradeTimeMs = 0; // the last trade's time; 0 until the market first trades
    };

    // A market's Korean day (since 00:00 KST) up to its first quote, in 1e-8 units.
    struct Day
    {
        qint64 prevClose = 0, open = 0, high = 0, low = 0;
    };
    // Where that day comes from, given the market's first price: by default it opened there.
    using DaySource = std::function<Day(const MarketId &, qint64 price)>;

    static constexpr qint64 unit = 100'000'000;

    explicit PriceWalk(quint32 seed = 1);
    void setDaySource(DaySource source) { m_daySource = std::move(source); }

    const Quote &current(const MarketId &market);
    // One trade of a few ticks up or down at this time.
    const Quote &step(const MarketId &market, qint64 tradeTimeMs);
    // A trade at exactly this price (a scripted tick); false if the text is not a price.
    bool set(const MarketId &market, const QString &priceText, qint64 tradeTimeMs);
    // Moves the last trade back or forward in time, e.g. to make a market quiet.
    void setTradeTime(const MarketId &market, qint64 tradeTimeMs);

    static QString toText(qint64 units);
    static std::optional<qint64> fromText(const QString &text);
    static qint64 tickSize(qint64 price);

private:
    Quote &quote(const MarketId &market);
    static qint64 startPrice(const MarketId &market);

    QRandomGenerator m_random;
    QHash<MarketId, Quote> m_quotes;
    DaySource m_daySource;
};

} // namespace ticker
