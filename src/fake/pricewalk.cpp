#include "bithumbticker/pricewalk.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ticker {

PriceWalk::PriceWalk(quint32 seed)
    : m_random(seed)
{ }

qint64 PriceWalk::tickSize(qint64 price)
{
    // Bithumb's KRW order-book units, from the 2,000,000 KRW band down to sub-won coins.
    struct Band
    {
        qint64 from, tick;
    };
    static constexpr Band bands[] = {
        {1'000'000 * unit, 1000 * unit},
        {500'000 * unit, 500 * unit},
        {100'000 * unit, 100 * unit},
        {50'000 * unit, 50 * unit},
        {10'000 * unit, 10 * unit},
        {5'000 * unit, 5 * unit},
        {1'000 * unit, 1 * unit},
        {100 * unit, 1 * unit},
        {10 * unit, unit / 100},
        {1 * unit, unit / 1000},
    };
    for (const auto &band : bands) {
        if (price >= band.from)
            return band.tick;
    }
    return unit / 10000;
}

qint64 PriceWalk::startPrice(const MarketId &market)
{
    static const QHash<QString, qint64> known {
        {u"BTC"_s, 130'112'000 * unit}, {u"ETH"_s, 4'312'000 * unit}, {u"XRP"_s, 3'050 * unit},
        {u"SOL"_s, 210'500 * unit}, {u"DOGE"_s, 512 * unit}, {u"ADA"_s, 1'105 * unit},
        {u"USDT"_s, 1'468 * unit}, {u"SHIB"_s, unit / 10000 * 123}, // 0.0123 KRW
    };
    const auto krw = [&](const QString &base) {
        if (const auto it = known.find(base); it != known.end())
            return it.value();
        return (1000 + qint64(qHash(base, 7) % 9000)) * unit;
    };
    // A BTC market (ETH_BTC) is priced in bitcoin: the KRW prices' ratio.
    if (market.quote() == u"BTC")
        return std::max<qint64>(
            1, qint64(double(krw(market.base())) / double(krw(u"BTC"_s)) * unit));
    return krw(market.base());
}

PriceWalk::Quote &PriceWalk::quote(const MarketId &market)
{
    auto it = m_quotes.find(market);
    if (it == m_quotes.end()) {
        Quote fresh;
        fresh.price = startPrice(market);
        const Day day = m_daySource ? m_daySource(market, fresh.price)
                                    : Day {fresh.price, fresh.price, fresh.price, fresh.price};
        fresh.prevClose = day.prevClose;
        fresh.open = day.open;
        fresh.high = std::max(day.high, fresh.price);
        fresh.low = std::min(day.low, fresh.price);
        fresh.priceText = toText(fresh.price);
        fresh.volume = 1523 * unit;
        it = m_quotes.insert(market, fresh);
    }
    return it.value();
}

const PriceWalk::Quote &PriceWalk::current(const MarketId &market)
{
    return quote(market);
}

const PriceWalk::Quote &PriceWalk::step(const MarketId &market, qint64 tradeTimeMs)
{
    Quote &q = quote(market);
    q.tradeTimeMs = tradeTimeMs;
    const qint64 tick = tickSize(q.price);
    const qint64 moves = qint64(m_random.bounded(7)) - 3; // -3 … +3 ticks
    q.price = std::max(tick, q.price / tick * tick + moves * tick);
    q.priceText = toText(q.price);
    q.high = std::max(q.high, q.price);
    q.low = std::min(q.low, q.price);
    q.tradeVolume = qint64(1 + m_random.bounded(1000)) * (unit / 10000); // 0.0001 to 0.1
    q.volume += q.tradeVolume;
    return q;
}

bool PriceWalk::set(const MarketId &market, const QString &priceText, qint64 tradeTimeMs)
{
    const auto units = fromText(priceText);
    if (!units || *units <= 0)
        return false;
    Quote &q = quote(market);
    q.price = *units;
    q.priceText = priceText;
    q.high = std::max(q.high, q.price);
    q.low = std::min(q.low, q.price);
    q.tradeVolume = unit / 10000 * 15; // 0.0015
    q.volume += q.tradeVolume;
    q.tradeTimeMs = tradeTimeMs;
    return true;
}

void PriceWalk::setTradeTime(const MarketId &market, qint64 tradeTimeMs)
{
    quote(market).tradeTimeMs = tradeTimeMs;
}

QString PriceWalk::toText(qint64 units)
{
    const bool negative = units < 0;
    const quint64 magnitude = negative ? quint64(-units) : quint64(units);
    QString text = QString::number(magnitude / unit);
    if (const quint64 fraction = magnitude % unit) {
        QString digits = QString::number(fraction).rightJustified(8, u'0');
        while (digits.endsWith(u'0'))
            digits.chop(1);
        text += u'.' + digits;
    }
    return negative ? u'-' + text : text;
}

std::optional<qint64> PriceWalk::fromText(const QString &text)
{
    static const QRegularExpression pattern(u"^(-?)([0-9]{1,10})(?:\\.([0-9]{1,8}))?$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 whole = match.captured(2).toLongLong();
    const qint64 fraction = match.captured(3).leftJustified(8, u'0').toLongLong();
    const qint64 units = whole * unit + fraction;
    return match.captured(1).isEmpty() ? units : -units;
}

} // namespace ticker
