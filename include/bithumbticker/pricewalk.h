#pragma once

#include "bithumbticker/marketid.h"

#include <QHash>
#include <QRandomGenerator>
#include <QString>

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
        qint64 prevClose = 0; // in 1e-8 units: the starting price
        qint64 open = 0, high = 0, low = 0;
        qint64 volume = 0; // in 1e-8 units of the base currency
    };

    static constexpr qint64 unit = 100'000'000;

    explicit PriceWalk(quint32 seed = 1);

    const Quote &current(const MarketId &market);
    const Quote &step(const MarketId &market);
    // Sets the next price exactly (a scripted tick); false if the text is not a price.
    bool set(const MarketId &market, const QString &priceText);

    static QString toText(qint64 units);
    static std::optional<qint64> fromText(const QString &text);
    static qint64 tickSize(qint64 price);

private:
    Quote &quote(const MarketId &market);
    static qint64 startPrice(const MarketId &market);

    QRandomGenerator m_random;
    QHash<MarketId, Quote> m_quotes;
};

} // namespace ticker
