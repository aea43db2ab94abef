#include "protocolv2.h"

#include "fieldreader.h"
#include "restjson.h"

#include <QDateTime>
#include <QUrlQuery>

#include <QUuid>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

// Every key the parser reads, at the top level or under "error".
constexpr std::string_view v2Keys[] = {"error", "name", "message", "status", "type", "code",
    "trade_price", "signed_change_price", "signed_change_rate", "acc_trade_volume_24h",
    "acc_trade_price_24h", "trade_timestamp", "timestamp", "stream_type", "market_state",
    "is_trading_suspended", "delisting_date", "market_warning"};

constexpr qint64 maxTradeAheadOfSendMs = 60'000;

// The market status fields are all optional: a bad one is dropped alone.
MarketStatus readStatus(const FlatJson &json, FieldReader &root)
{
    MarketStatus status;
    status.reported = json.find("market_state") || json.find("is_trading_suspended")
        || json.find("delisting_date") || json.find("market_warning");
    if (const auto state = root.string("market_state", FieldReader::Optional))
        status.state = text(*state);
    status.tradingSuspended = root.boolean("is_trading_suspended", FieldReader::Optional);
    // null in the docs, "" on the wire when the market is not being delisted.
    if (const auto date = root.string("delisting_date", FieldReader::Optional);
        date && !date->empty()) {
        // A date; should a time of day ever follow it, the date still counts.
        const bool dateFirst = date->size() == 10
            || (date->size() > 10 && ((*date)[10] == 'T' || (*date)[10] == ' '));
        if (dateFirst)
            status.delistingDate = QDate::fromString(text(date->substr(0, 10)), u"yyyy-MM-dd"_s);
        if (!status.delistingDate.isValid() || status.delistingDate.year() < earliestYear
            || status.delistingDate.year() > latestYear) {
            status.delistingDate = {};
            root.fail(RejectReason::BadTime, "delisting_date", FieldReader::Optional);
        }
    }
    if (const auto warning = root.string("market_warning", FieldReader::Optional))
        status.warning = text(*warning);
    return status;
}

} // namespace

QUrl ProtocolV2::defaultUrl() const
{
    return QUrl(u"wss://ws-api.bithumb.com/websocket/v1"_s);
}

QByteArray ProtocolV2::subscribeMessage(const QList<MarketId> &markets) const
{
    nlohmann::json codes = nlohmann::json::array();
    for (const auto &market : markets)
        codes.push_back(market.toV2().toStdString());
    const auto ticket = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const nlohmann::json request = nlohmann::json::array({
        {{"ticket", ticket}},
        {{"type", "ticker"}, {"codes", codes}},
        {{"format", "DEFAULT"}},
    });
    return QByteArray::fromStdString(request.dump());
}

ParsedFrame ProtocolV2::parseFrame(QByteArrayView bytes, qint64 receivedMs) const
{
    FlatJson json;
    if (auto rejected = readObject(bytes, v2Keys, json))
        return *rejected;

    FieldReader root(json);
    if (const auto *error = json.find("error")) {
        if (error->type != FlatJson::Type::Object)
            return rejectedFrame(RejectReason::WrongType, u"wrong_type: error"_s);
        FieldReader fields(json, "error");
        const auto *name = json.find("error", "name"); // a string, or a number on REST
        const auto message = fields.string("message", FieldReader::Optional);
        if (fields.failed())
            return rejectedFrame(fields);
        ParsedFrame frame;
        frame.kind = ParsedFrame::Kind::Error;
        frame.code = name ? text(name->text) : u"UNKNOWN"_s;
        frame.detail = message ? text(*message) : QString();
        return frame;
    }
    // {"status":"UP"} answers the text keepalive "PING".
    if (json.find("status") && !json.find("type")) {
        const auto status = root.string("status", FieldReader::Required);
        if (root.failed())
            return rejectedFrame(root);
        ParsedFrame frame;
        frame.kind = ParsedFrame::Kind::Status;
        frame.code = text(*status);
        return frame;
    }

    const auto type = root.string("type", FieldReader::Required);
    if (root.failed())
        return rejectedFrame(root);
    if (*type != "ticker")
        return rejectedFrame(RejectReason::UnknownChannel);

    // Required: market, price and the trade's time (trade_timestamp, else the send time).
    const auto code = root.string("code", FieldReader::Required);
    std::string priceText;
    const auto price = root.number("trade_price", FieldReader::Required, &priceText);
    // trade_timestamp, then timestamp (notes 2.7); null is the same as absent.
    const auto *tradeTime = json.find("trade_timestamp");
    const bool hasTradeTime = tradeTime && tradeTime->type != FlatJson::Type::Null;
    const auto time
        = root.integer(hasTradeTime ? "trade_timestamp" : "timestamp", FieldReader::Required);
    if (root.failed())
        return rejectedFrame(root);
    const auto market = MarketId::fromV2(*code);
    if (!market)
        return rejectedFrame(RejectReason::BadMarket);
    if (*price <= 0)
        return rejectedFrame(RejectReason::BadPrice);
    if (!isExchangeTime(*time))
        return rejectedFrame(RejectReason::BadTime);

    ParsedFrame frame;
    frame.kind = ParsedFrame::Kind::Tick;
    Tick &tick = frame.tick;
    tick.market = *market;
    tick.priceText = QString::fromLatin1(priceText.data(), qsizetype(priceText.size()));
    tick.price = *price;
    tick.exchangeTimeMs = *time;
    tick.receivedMs = receivedMs;
    if (const auto changePrice = root.number("signed_change_price", FieldReader::Optional))
        tick.changeAmount = *changePrice;
    if (const auto changeRate = root.number("signed_change_rate", FieldReader::Optional))
        tick.changePercent = *changeRate * 100.0; // the wire sends a fraction
    if (const auto volume = root.number("acc_trade_volume_24h", FieldReader::Optional))
        tick.volume = *volume;
    if (const auto value = root.number("acc_trade_price_24h", FieldReader::Optional))
        tick.tradedValue = *value;
    if (const auto sent = root.integer("timestamp", FieldReader::Optional)) {
        if (isExchangeTime(*sent))
            tick.serverTimeMs = *sent;
        else
            root.fail(RejectReason::BadTime, "timestamp", FieldReader::Optional);
    }
    // A trade cannot happen well after the frame about it was sent. Kept, such a time would
    // make every later trade of the market look out of order.
    if (tick.serverTimeMs > 0 && tick.exchangeTimeMs > tick.serverTimeMs + maxTradeAheadOfSendMs)
        return rejectedFrame(RejectReason::BadTime, u"bad_time: trade_timestamp after timestamp"_s);
    if (const auto stream = root.string("stream_type", FieldReader::Optional))
        tick.snapshot = *stream == "SNAPSHOT";
    tick.status = readStatus(json, root);
    keepDroppedFields(frame, root);
    return frame;
}

QUrl ProtocolV2::candlesUrl(const QUrl &restBase, const MarketId &market, CandleInterval interval,
    qint64 beforeMs, int count) const
{
    // Hours are minute candles of unit 60.
    QUrl url = restUrl(restBase,
        interval == CandleInterval::Hour ? u"/v1/candles/minutes/60"_s
                                         : u"/v1/candles/minutes/1"_s);
    QUrlQuery query;
    query.addQueryItem(u"market"_s, market.toV2());
    query.addQueryItem(u"count"_s, QString::number(count));
    // Exclusive: the candles that start before it. Bithumb reads `to` as Korean wall-clock
    // time and answers any zone (`Z`, `+09:00`) with HTTP 400, so it is KST written bare.
    if (beforeMs > 0)
        query.addQueryItem(u"to"_s, koreanWallClock(beforeMs).toString(u"yyyy-MM-ddTHH:mm:ss"_s));
    url.setQuery(query);
    return url;
}

// [{"market":"KRW-BTC","candle_date_time_utc":"2026-11-24T10:41:00","opening_price":…,
//   "high_price":…,"low_price":…,"trade_price":…,…}, …], newest first.
CandlePage ProtocolV2::parseCandles(QByteArrayView body) const
{
    CandlePage page;
    const auto json = parseRestArray(body, "candles", &page.error);
    if (!json)
        return page;
    readCandleRows(
        *json,
        [](const nlohmann::json &row) -> std::optional<Candle> {
            if (!row.is_object())
                return std::nullopt;
            const auto start = row.find("candle_date_time_utc");
            if (start == row.end() || !start->is_string())
                return std::nullopt;
            QDateTime time = QDateTime::fromString(
                QString::fromStdString(start->get<std::string>()), Qt::ISODate);
            time.setTimeSpec(Qt::UTC); // the field is UTC, written without a zone
            const auto price = [&](const char *key) {
                const auto it = row.find(key);
                return it == row.end() ? std::nullopt : restNumber(*it);
            };
            const auto open = price("opening_price"), high = price("high_price"),
                       low = price("low_price"), close = price("trade_price");
            if (!time.isValid() || !open || !high || !low || !close)
                return std::nullopt;
            return Candle {time.toMSecsSinceEpoch(), *open, *high, *low, *close};
        },
        page);
    return page;
}

} // namespace ticker
