#include "protocolv2.h"

#include "fieldreader.h"
#include "restjson.h"

#include <QDateTime>
#include <QUrlQuery>

#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

// The ticker's keys the parser reads, as DEFAULT spells them and as SIMPLE abbreviates them
// (samples/real/v2_ticker_simple_format_docs_*).
struct TickerKeys
{
    std::string_view type, code, tradePrice, changePrice, changeRate, volume24h, value24h,
        tradeTime, sendTime, streamType, marketState, suspended, delistingDate, marketWarning;
};

constexpr TickerKeys defaultKeys {"type", "code", "trade_price", "signed_change_price",
    "signed_change_rate", "acc_trade_volume_24h", "acc_trade_price_24h", "trade_timestamp",
    "timestamp", "stream_type", "market_state", "is_trading_suspended", "delisting_date",
    "market_warning"};
constexpr TickerKeys simpleKeys {"ty", "cd", "tp", "scp", "scr", "atv24h", "atp24h", "ttms", "tms",
    "st", "ms", "its", "dd", "mw"};

constexpr std::array<std::string_view, 14> allOf(const TickerKeys &k)
{
    return {k.type, k.code, k.tradePrice, k.changePrice, k.changeRate, k.volume24h, k.value24h,
        k.tradeTime, k.sendTime, k.streamType, k.marketState, k.suspended, k.delistingDate,
        k.marketWarning};
}

// Every key the parser reads, at the top level or under "error", in either format.
constexpr auto v2Keys = [] {
    std::array<std::string_view, 4 + 2 * 14> keys {"error", "name", "message", "status"};
    std::ranges::copy(allOf(defaultKeys), keys.begin() + 4);
    std::ranges::copy(allOf(simpleKeys), keys.begin() + 4 + 14);
    return keys;
}();

constexpr qint64 maxTradeAheadOfSendMs = 60'000;

// The market status fields are all optional: a bad one is dropped alone.
MarketStatus readStatus(const FlatJson &json, FieldReader &root, const TickerKeys &keys)
{
    MarketStatus status;
    status.reported = json.find(keys.marketState) || json.find(keys.suspended)
        || json.find(keys.delistingDate) || json.find(keys.marketWarning);
    if (const auto state = root.string(keys.marketState, FieldReader::Optional))
        status.state = text(*state);
    status.tradingSuspended = root.boolean(keys.suspended, FieldReader::Optional);
    // null in the docs, "" on the wire when the market is not being delisted.
    if (const auto date = root.string(keys.delistingDate, FieldReader::Optional);
        date && !date->empty()) {
        // A date; should a time of day ever follow it, the date still counts.
        const bool dateFirst = date->size() == 10
            || (date->size() > 10 && ((*date)[10] == 'T' || (*date)[10] == ' '));
        if (dateFirst)
            status.delistingDate = QDate::fromString(text(date->substr(0, 10)), u"yyyy-MM-dd"_s);
        if (!status.delistingDate.isValid() || status.delistingDate.year() < earliestYear
            || status.delistingDate.year() > latestYear) {
            status.delistingDate = {};
            root.fail(RejectReason::BadTime, keys.delistingDate, FieldReader::Optional);
        }
    }
    if (const auto warning = root.string(keys.marketWarning, FieldReader::Optional))
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
        // Abbreviated keys: 40% fewer bytes a frame for the feed thread to read.
        {{"format", "SIMPLE"}},
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
    // A ticker in SIMPLE's keys, or DEFAULT's (as asked before, and in older recordings).
    const TickerKeys &keys = json.find(simpleKeys.type) ? simpleKeys : defaultKeys;
    if (json.find("status") && !json.find(keys.type)) {
        const auto status = root.string("status", FieldReader::Required);
        if (root.failed())
            return rejectedFrame(root);
        ParsedFrame frame;
        frame.kind = ParsedFrame::Kind::Status;
        frame.code = text(*status);
        return frame;
    }

    const auto type = root.string(keys.type, FieldReader::Required);
    if (root.failed())
        return rejectedFrame(root);
    if (*type != "ticker")
        return rejectedFrame(RejectReason::UnknownChannel);

    // Required: market, price and the trade's time (trade_timestamp, else the send time).
    const auto code = root.string(keys.code, FieldReader::Required);
    std::string priceText;
    const auto price = root.number(keys.tradePrice, FieldReader::Required, &priceText);
    // trade_timestamp, then timestamp (notes 2.7); null is the same as absent.
    const auto *tradeTime = json.find(keys.tradeTime);
    const bool hasTradeTime = tradeTime && tradeTime->type != FlatJson::Type::Null;
    const auto time
        = root.integer(hasTradeTime ? keys.tradeTime : keys.sendTime, FieldReader::Required);
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
    if (const auto changePrice = root.number(keys.changePrice, FieldReader::Optional))
        tick.changeAmount = *changePrice;
    if (const auto changeRate = root.number(keys.changeRate, FieldReader::Optional))
        tick.changePercent = *changeRate * 100.0; // the wire sends a fraction
    if (const auto volume = root.number(keys.volume24h, FieldReader::Optional))
        tick.volume = *volume;
    if (const auto value = root.number(keys.value24h, FieldReader::Optional))
        tick.tradedValue = *value;
    if (const auto sent = root.integer(keys.sendTime, FieldReader::Optional)) {
        if (isExchangeTime(*sent))
            tick.serverTimeMs = *sent;
        else
            root.fail(RejectReason::BadTime, keys.sendTime, FieldReader::Optional);
    }
    // A trade cannot happen well after the frame about it was sent. Kept, such a time would
    // make every later trade of the market look out of order.
    if (tick.serverTimeMs > 0 && tick.exchangeTimeMs > tick.serverTimeMs + maxTradeAheadOfSendMs)
        return rejectedFrame(RejectReason::BadTime, u"bad_time: trade_timestamp after timestamp"_s);
    if (const auto stream = root.string(keys.streamType, FieldReader::Optional))
        tick.snapshot = *stream == "SNAPSHOT";
    tick.status = readStatus(json, root, keys);
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
