#include "headlessprinter.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <cmath>

namespace ticker {

namespace {

std::string isoTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(Qt::ISODateWithMs)
        .toStdString();
}

nlohmann::json numberOrNull(double value)
{
    return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

} // namespace

HeadlessPrinter::HeadlessPrinter(
    QHash<MarketId, QString> spelling, std::FILE *out, qint64 limit, QObject *parent)
    : QObject(parent)
    , m_spelling(std::move(spelling))
    , m_out(out)
    , m_limit(limit)
{ }

QByteArray HeadlessPrinter::toJsonLine(const Tick &tick, const QString &symbol)
{
    const qint64 time = tick.exchangeTimeMs > 0 ? tick.exchangeTimeMs : tick.receivedMs;
    const nlohmann::json line = {
        {"symbol", symbol.toStdString()},
        {"closePrice", tick.priceText.toStdString()},
        {"changeRate", numberOrNull(tick.changePercent)},
        {"changeAmount", numberOrNull(tick.changeAmount)},
        {"volume", numberOrNull(tick.volume)},
        {"time", isoTime(time)},
        {"receivedAt", isoTime(tick.receivedMs)},
    };
    return QByteArray::fromStdString(line.dump()) + '\n';
}

void HeadlessPrinter::print(const TickBatch &ticks)
{
    for (const Tick &tick : ticks) {
        if (m_limit > 0 && m_printed >= m_limit)
            return;
        const QString symbol = m_spelling.value(tick.market, tick.market.toString());
        const QByteArray line = toJsonLine(tick, symbol);
        std::fwrite(line.constData(), 1, std::size_t(line.size()), m_out);
        std::fflush(m_out);
        if (++m_printed == m_limit)
            Q_EMIT limitReached();
    }
}

} // namespace ticker
