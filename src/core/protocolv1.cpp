#include "protocolv1.h"

#include "fieldreader.h"
#include "restjson.h"

#include <QDate>

#include <nlohmann/json.hpp>

#include <charconv>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr qint64 unixEpochJulianDay = 2440588;

std::optional<int> digits(std::string_view text, std::size_t from, std::size_t count)
{
    int value = 0;
    const auto *first = text.data() + from;
    const auto *last = first + count;
    for (const auto *p = first; p != last; ++p) {
        if (*p < '0' || *p > '9')
            return std::nullopt;
    }
    std::from_chars(first, last, value);
    return value;
}

// Every key the parser reads, at the top level or under "content".
constexpr std::string_view v1Keys[] = {"status", "resmsg", "type", "content", "symbol", "tickType",
    "closePrice", "prevClosePrice", "volume", "value", "date", "time"};

} // namespace

bool isValidTickType(const QString &tickType)
{
    static const QStringList valid {u"30M"_s, u"1H"_s, u"12H"_s, u"24H"_s, u"MID"_s};
    return valid.contains(tickType);
}

ProtocolV1::ProtocolV1(QString tickType)
    : m_tickType(std::move(tickType))
    , m_tickTypeUtf8(m_tickType.toStdString())
{ }

QUrl ProtocolV1::defaultUrl() const
{
    return QUrl(u"wss://pubwss.bithumb.com/pub/ws"_s);
}

QByteArray ProtocolV1::subscribeMessage(const QList<MarketId> &markets) const
{
    nlohmann::json symbols = nlohmann::json::array();
    for (const auto &market : markets)
        symbols.push_back(market.toV1().toStdString());
    const nlohmann::json request
        = {{"type", "ticker"}, {"symbols", symbols}, {"tickTypes", {m_tickTypeUtf8}}};
    return QByteArray::fromStdString(request.dump());
}

std::optional<qint64> ProtocolV1::kstToUtcMs(std::string_view date, std::string_view time)
{
    if (date.size() != 8 || time.size() != 6)
        return std::nullopt;
    const auto year = digits(date, 0, 4), month = digits(date, 4, 2), day = digits(date, 6, 2);
    const auto hour = digits(time, 0, 2), minute = digits(time, 2, 2), second = digits(time, 4, 2);
    if (!year || !month || !day || !hour || !minute || !second)
        return std::nullopt;
    const QDate calendarDay(*year, *month, *day);
    if (!calendarDay.isValid() || *year < earliestYear || *year > latestYear || *hour > 23
        || *minute > 59 || *second > 59)
        return std::nullopt;
    const qint64 days = calendarDay.toJulianDay() - unixEpochJulianDay;
    const qint64 seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second;
    return seconds * 1000 - kstOffsetMs;
}

ParsedFrame ProtocolV1::parseFrame(QByteArrayView bytes, qint64 receivedMs) const
{
    FlatJson json;
    if (auto rejected = readObject(bytes, v1Keys, json))
        return *rejected;

    FieldReader root(json);
    // Status frames carry "status" and no "type"; data frames the other way round.
    if (json.find("status")) {
        const auto status = root.string("status", FieldReader::Required);
        const auto message = root.string("resmsg", FieldReader::Optional);
        if (root.failed())
            return rejectedFrame(root);
        ParsedFrame frame;
        frame.kind = *status == "0000" ? ParsedFrame::Kind::Status : ParsedFrame::Kind::Error;
        frame.code = QString::fromUtf8(status->data(), qsizetype(status->size()));
        if (message)
            frame.detail = QString::fromUtf8(message->data(), qsizetype(message->size()));
        return frame;
    }

    const auto type = root.string("type", FieldReader::Required);
    if (root.failed())
        return rejectedFrame(root);
    if (*type != "ticker")
        return rejectedFrame(RejectReason::UnknownChannel);
    const auto *content = json.find("content");
    if (!content)
        return rejectedFrame(RejectReason::MissingField, u"missing_field: content"_s);
    if (content->type != FlatJson::Type::Object)
        return rejectedFrame(RejectReason::WrongType, u"wrong_type: content"_s);

    FieldReader fields(json, "content");
    const auto symbol = fields.string("symbol", FieldReader::Required);
    const auto tickType = fields.string("tickType", FieldReader::Required);
    std::string_view priceText;
    const auto price = fields.decimalString("closePrice", FieldReader::Required, &priceText);
    const auto prevClose = fields.decimalString("prevClosePrice", FieldReader::Optional);
    const auto volume = fields.decimalString("volume", FieldReader::Optional);
    const auto value = fields.decimalString("value", FieldReader::Optional);
    const auto date = fields.string("date", FieldReader::Required);
    const auto time = fields.string("time", FieldReader::Required);
    if (fields.failed())
        return rejectedFrame(fields);

    const auto market = MarketId::fromV1(*symbol);
    if (!market)
        return rejectedFrame(RejectReason::BadMarket);
    if (*price <= 0)
        return rejectedFrame(RejectReason::BadPrice);
    const auto exchangeTime = kstToUtcMs(*date, *time);
    if (!exchangeTime)
        return rejectedFrame(RejectReason::BadTime);
    if (*tickType != m_tickTypeUtf8) {
        ParsedFrame ignored;
        ignored.kind = ParsedFrame::Kind::Ignored;
        ignored.detail = u"another tick type"_s;
        return ignored;
    }

    ParsedFrame frame;
    frame.kind = ParsedFrame::Kind::Tick;
    Tick &tick = frame.tick;
    tick.market = *market;
    tick.priceText = QString::fromLatin1(priceText.data(), qsizetype(priceText.size()));
    tick.price = *price;
    if (prevClose && *prevClose > 0) {
        tick.changeAmount = *price - *prevClose;
        tick.changePercent = tick.changeAmount / *prevClose * 100.0;
    }
    if (volume)
        tick.volume = *volume;
    if (value)
        tick.tradedValue = *value;
    // The frame's only time: the trade's, and also when it was sent.
    tick.exchangeTimeMs = *exchangeTime;
    tick.serverTimeMs = *exchangeTime;
    tick.receivedMs = receivedMs;
    keepDroppedFields(frame, fields);
    return frame;
}

// One answer holds all: no count, no end.
QUrl ProtocolV1::candlesUrl(
    const QUrl &restBase, const MarketId &market, CandleInterval interval, qint64, int) const
{
    return restUrl(restBase,
        u"/public/candlestick/%1/%2"_s.arg(
            market.toV1(), interval == CandleInterval::Hour ? u"1h"_s : u"1m"_s));
}

// {"status":"0000","data":[[startMs, "open", "close", "high", "low", "volume"], …]}, oldest
// first. Note the order: close comes before high and low.
CandlePage ProtocolV1::parseCandles(QByteArrayView body) const
{
    CandlePage page;
    const auto json = parseRestBody(body, &page.error);
    if (!json)
        return page;
    page.error = restError(*json);
    if (!page.error.isEmpty())
        return page;
    const auto data = json->is_object() ? json->find("data") : json->end();
    if (data == json->end() || !data->is_array()) {
        page.error = u"no candle data"_s;
        return page;
    }
    readCandleRows(
        *data,
        [](const nlohmann::json &row) -> std::optional<Candle> {
            if (!row.is_array() || row.size() < 5 || !row[0].is_number_integer())
                return std::nullopt;
            const auto open = restNumber(row[1]), close = restNumber(row[2]),
                       high = restNumber(row[3]), low = restNumber(row[4]);
            if (!open || !close || !high || !low)
                return std::nullopt;
            return Candle {row[0].get<qint64>(), *open, *high, *low, *close};
        },
        page);
    return page;
}

} // namespace ticker
