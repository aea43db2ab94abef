#pragma once

#include <QHashFunctions>
#include <QString>

#include <optional>
#include <string_view>

namespace ticker {

// One spelling of a market inside the program. API 1.0 writes it BASE_QUOTE (BTC_KRW),
// API 2.0 QUOTE-BASE (KRW-BTC); both are converted here, at the edge.
class MarketId
{
public:
    MarketId() = default;

    // What a person typed: either spelling, any case, surrounding blanks ignored.
    static std::optional<MarketId> fromUser(QStringView text);
    // What the wire carries: the exact spelling of that API, upper case only.
    static std::optional<MarketId> fromV1(std::string_view symbol);
    static std::optional<MarketId> fromV2(std::string_view code);

    QString base() const { return m_base; }
    QString quote() const { return m_quote; }
    bool isValid() const { return !m_base.isEmpty(); }

    QString toV1() const; // BTC_KRW
    QString toV2() const; // KRW-BTC
    QString toString() const { return toV1(); }

    friend bool operator==(const MarketId &, const MarketId &) = default;

private:
    MarketId(QString base, QString quote);

    QString m_base;
    QString m_quote;
};

inline size_t qHash(const MarketId &id, size_t seed = 0)
{
    return qHashMulti(seed, id.base(), id.quote());
}

// For standard containers.
struct MarketIdHasher
{
    std::size_t operator()(const MarketId &id) const { return qHash(id); }
};

} // namespace ticker
