#include "headlessprinter.h"

#include "bithumbticker/jsonstring.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ticker {

namespace {

// The line is written by hand: this runs once per tick, and nlohmann's dump plus two QDateTime
// strings cost several times more than the feed's own work per tick.

void appendString(std::string &out, std::string_view text)
{
    appendJsonString(out, QByteArrayView(text.data(), qsizetype(text.size())));
}

// Shortest round-trip text by default. A percent computed from the wire (a fraction times
// 100, or a ratio) goes to DBL_DIG significant digits instead, which drops the multiply's last
// bit of noise: the wire's 0.00000769 prints as 0.000769, not 0.0007689999999999999.
void appendNumber(std::string &out, double value, int significantDigits = 0)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    const auto end = significantDigits > 0
        ? std::to_chars(
            buffer, buffer + sizeof buffer, value, std::chars_format::general, significantDigits)
              .ptr
        : std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end);
}

void appendDigits(std::string &out, long value, int width)
{
    char buffer[16];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(std::size_t(std::max<long>(0, width - (end - buffer))), '0');
    out.append(buffer, end);
}

// ISO 8601 in UTC with milliseconds: 2026-11-24T13:49:58.412Z
void appendIsoTime(std::string &out, qint64 msSinceEpoch)
{
    using namespace std::chrono;
    const sys_time<milliseconds> time {milliseconds(msSinceEpoch)};
    const auto day = floor<days>(time);
    const year_month_day date {day};
    const hh_mm_ss clock {time - day};
    out += '"';
    appendDigits(out, int(date.year()), 4);
    out += '-';
    appendDigits(out, long(unsigned(date.month())), 2);
    out += '-';
    appendDigits(out, long(unsigned(date.day())), 2);
    out += 'T';
    appendDigits(out, long(clock.hours().count()), 2);
    out += ':';
    appendDigits(out, long(clock.minutes().count()), 2);
    out += ':';
    appendDigits(out, long(clock.seconds().count()), 2);
    out += '.';
    appendDigits(out, long(clock.subseconds().count()), 3);
    out += "Z\"";
}

// API 2.0's market status and stream type, when the exchange sent them.
void appendStatus(std::string &out, const Tick &tick)
{
    if (const MarketStatus &status = tick.status; status.reported) {
        if (!status.state.isEmpty()) {
            out += ",\"marketState\":";
            appendString(out, status.state.toStdString());
        }
        if (status.tradingSuspended)
            out += *status.tradingSuspended ? ",\"tradingSuspended\":true"
                                            : ",\"tradingSuspended\":false";
        out += ",\"delistingDate\":";
        if (status.isDelisting())
            appendString(out, status.delistingDate.toString(Qt::ISODate).toStdString());
        else
            out += "null";
        if (!status.warning.isEmpty()) {
            out += ",\"marketWarning\":";
            appendString(out, status.warning.toStdString());
        }
    }
    if (tick.snapshot)
        out += *tick.snapshot ? ",\"snapshot\":true" : ",\"snapshot\":false";
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
    std::string line;
    line.reserve(256);
    line += "{\"symbol\":";
    appendString(line, symbol.toStdString());
    line += ",\"closePrice\":";
    appendString(line, tick.priceText.toStdString());
    line += ",\"changeRate\":";
    appendNumber(line, tick.changePercent, std::numeric_limits<double>::digits10);
    line += ",\"changeAmount\":";
    appendNumber(line, tick.changeAmount);
    line += ",\"volume\":";
    appendNumber(line, tick.volume);
    line += ",\"time\":";
    appendIsoTime(line, time);
    line += ",\"receivedAt\":";
    appendIsoTime(line, tick.receivedMs);
    appendStatus(line, tick);
    line += "}\n";
    return QByteArray::fromStdString(line);
}

QByteArray HeadlessPrinter::alertJsonLine(const AlertSpec &alert, const Tick &tick)
{
    std::string line;
    line.reserve(160);
    line += "{\"alert\":";
    appendString(line, alert.text.toStdString());
    line += ",\"symbol\":";
    appendString(line, alert.marketText.toStdString());
    line += ",\"closePrice\":";
    appendString(line, tick.priceText.toStdString());
    line += ",\"time\":";
    appendIsoTime(line, tick.exchangeTimeMs > 0 ? tick.exchangeTimeMs : tick.receivedMs);
    line += "}\n";
    return QByteArray::fromStdString(line);
}

void HeadlessPrinter::printAlert(const AlertSpec &alert, const Tick &tick)
{
    const QByteArray line = alertJsonLine(alert, tick);
    std::fwrite(line.constData(), 1, std::size_t(line.size()), m_out);
    std::fflush(m_out);
}

void HeadlessPrinter::print(const TickBatch &ticks)
{
    for (const Tick &tick : ticks) {
        if (m_limit > 0 && m_printed >= m_limit)
            return;
        if (!m_printedMarkets.isEmpty() && !m_printedMarkets.contains(tick.market))
            continue;
        const QString symbol = m_spelling.value(tick.market, tick.market.toString());
        const QByteArray line = toJsonLine(tick, symbol);
        std::fwrite(line.constData(), 1, std::size_t(line.size()), m_out);
        std::fflush(m_out);
        if (++m_printed == m_limit)
            Q_EMIT limitReached();
    }
}

} // namespace ticker
