#include "bithumbticker/fakerestserver.h"

#include "bithumbticker/fakemarkets.h"
#include "bithumbticker/pricewalk.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace ticker {

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

constexpr qint64 minuteMs = Candle::durationMs;
constexpr qint64 dayMs = 24 * 60 * minuteMs;

// Quiet time (see isTraded).
constexpr qint64 lullEvery = 240;
constexpr qint64 shortestLull = 10, longestLull = 59;
constexpr int lullSlot = 14;

QHttpServerResponse jsonResponse(const json &body, StatusCode status = StatusCode::Ok)
{
    return QHttpServerResponse("application/json", QByteArray::fromStdString(body.dump()), status);
}

QHttpServerResponse v2Error(int name, const char *message, StatusCode status)
{
    return jsonResponse({{"error", {{"name", name}, {"message", message}}}}, status);
}

QHttpServerResponse invalidParameter()
{
    return v2Error(400, "Invalid parameter", StatusCode::BadRequest);
}

std::string isoMinute(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(u"yyyy-MM-ddTHH:mm:ss"_s)
        .toStdString();
}

std::string decimalText(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest).toStdString();
}

// As Bithumb writes numbers: a whole one as a JSON integer (493100), a fraction as a decimal.
json jsonNumber(double value)
{
    constexpr double exactIntegers = 9'007'199'254'740'992.0; // 2^53
    if (std::trunc(value) == value && std::abs(value) < exactIntegers)
        return qint64(value);
    return value;
}

// splitmix64: every draw is a function of the market, the minute and a slot, so which minutes
// traded, and how each moved, stay the same while time goes on; the prices themselves are
// walked back from the live price when first asked for; later minutes are added as time goes on
// and joined to the last close, so a closed minute never changes. Slots of a minute:
// 0 quiet or not, 3 and 4 its trading, 5 to 12 its price moves; 14 and 15 are the lull of a
// four-hour block (numbered like minutes, drawn apart).
quint64 draw(quint64 seed, qint64 minute, int slot)
{
    return splitMix64(seed ^ splitMix64(quint64(minute) * 16 + quint64(slot)));
}

// Not qHash: Qt seeds it per process, and the demo and the tests must agree on the minutes.
quint64 marketSeed(const MarketId &market)
{
    quint64 seed = 0;
    for (const QChar c : market.toV1())
        seed = splitMix64(seed ^ c.unicode());
    return seed;
}

// Whether anything traded in this minute (minutes since the epoch): a market-dependent share
// of single minutes is quiet (4 % to 30 %), and so is a lull of 10 to 59 minutes placed
// somewhere in every four hours.
bool isTraded(quint64 seed, qint64 minute)
{
    const auto inLull = [&](qint64 block) {
        const qint64 start = block * lullEvery + qint64(draw(seed, block, lullSlot) % lullEvery);
        const qint64 length = shortestLull
            + qint64(draw(seed, block, lullSlot + 1) % (longestLull - shortestLull + 1));
        return minute >= start && minute < start + length;
    };
    const qint64 block = minute / lullEvery; // a lull may run on into the next block
    if (inLull(block) || inLull(block - 1))
        return false;
    const quint64 quietPercent = 4 + seed % 27;
    return draw(seed, minute, 0) % 100 >= quietPercent;
}

// What traded in a candle's interval, made up but the same on every request and on both APIs.
struct Trading
{
    double volume = 0; // base currency
    double value = 0;  // KRW
    qint64 lastTradeMs = 0;
};

// A candle with what traded in it.
struct Bar
{
    Candle candle;
    Trading trading;
};

Trading tradingOf(const MarketId &market, const Candle &candle)
{
    const quint64 seed = marketSeed(market);
    const qint64 minute = candle.startMs / minuteMs;
    const double krw = 50'000.0 + double(draw(seed, minute, 3) % 50'000'000);
    // Eight decimals of the base currency, as Bithumb keeps them.
    const double volume = std::max(1.0, std::round(krw / candle.close * 1e8)) / 1e8;
    return {volume, volume * (candle.open + candle.close) / 2,
        candle.startMs + qint64(draw(seed, minute, 4) % quint64(minuteMs))};
}

// The minutes (oldest first) summed into candles of unitMinutes, each starting on a multiple
// of the unit in Korean wall-clock time (the same as UTC for units up to an hour; for longer
// ones the notes do not say). Open of the first traded minute, close of the last, the extremes
// and sums of all; no traded minute, no candle. A unit only partly remembered is left out.
std::vector<Bar> barsOf(
    const MarketId &market, const std::vector<Candle> &minutes, qint64 unitMinutes, qint64 nowMs)
{
    const qint64 firstMinuteMs = (nowMs / minuteMs - FakeRestServer::historyMinutes + 1) * minuteMs;
    const qint64 unitMs = unitMinutes * minuteMs;
    const auto unitStart
        = [unitMs](qint64 ms) { return (ms + kstOffsetMs) / unitMs * unitMs - kstOffsetMs; };
    std::vector<Bar> bars;
    for (const Candle &minute : minutes) {
        const Trading trading = tradingOf(market, minute);
        const qint64 start = unitStart(minute.startMs);
        if (start < firstMinuteMs)
            continue;
        if (bars.empty() || bars.back().candle.startMs != start) {
            bars.push_back({{start, minute.open, minute.high, minute.low, minute.close}, trading});
            continue;
        }
        Bar &bar = bars.back();
        bar.candle.high = std::max(bar.candle.high, minute.high);
        bar.candle.low = std::min(bar.candle.low, minute.low);
        bar.candle.close = minute.close;
        bar.trading.volume = std::round((bar.trading.volume + trading.volume) * 1e8) / 1e8;
        bar.trading.value += trading.value;
        bar.trading.lastTradeMs = trading.lastTradeMs;
    }
    return bars;
}

json v2Row(const MarketId &market, const Bar &bar, int unit)
{
    const Candle &c = bar.candle;
    return {{"market", market.toV2().toStdString()}, {"candle_date_time_utc", isoMinute(c.startMs)},
        {"candle_date_time_kst", isoMinute(c.startMs + kstOffsetMs)},
        {"opening_price", jsonNumber(c.open)}, {"high_price", jsonNumber(c.high)},
        {"low_price", jsonNumber(c.low)}, {"trade_price", jsonNumber(c.close)},
        {"timestamp", bar.trading.lastTradeMs},
        {"candle_acc_trade_price", jsonNumber(bar.trading.value)},
        {"candle_acc_trade_volume", jsonNumber(bar.trading.volume)}, {"unit", unit}};
}

json v1Row(const Bar &bar)
{
    const Candle &c = bar.candle;
    return {c.startMs, decimalText(c.open), decimalText(c.close), decimalText(c.high),
        decimalText(c.low), decimalText(bar.trading.volume)};
}

// API 2.0's minute units and API 1.0's intervals (notes 7.1, 7.2), in minutes.
std::optional<int> v2UnitMinutes(const QString &unit)
{
    static const QStringList units {
        u"1"_s, u"3"_s, u"5"_s, u"10"_s, u"15"_s, u"30"_s, u"60"_s, u"240"_s};
    return units.contains(unit) ? std::optional(unit.toInt()) : std::nullopt;
}

std::optional<int> v1IntervalMinutes(const QString &interval)
{
    static const QHash<QString, int> intervals {{u"1m"_s, 1}, {u"3m"_s, 3}, {u"5m"_s, 5},
        {u"10m"_s, 10}, {u"30m"_s, 30}, {u"1h"_s, 60}, {u"6h"_s, 360}, {u"12h"_s, 720},
        {u"24h"_s, 1440}};
    const auto it = intervals.constFind(interval);
    return it == intervals.constEnd() ? std::nullopt : std::optional(*it);
}

// API 2.0's count: none means 1, above the page size means a full page; anything that is not
// a whole number from 1 is refused.
std::optional<int> pageCount(const QUrlQuery &query)
{
    if (!query.hasQueryItem(u"count"_s))
        return 1;
    static const QRegularExpression digits(u"^[0-9]{1,9}$"_s);
    const QString text = query.queryItemValue(u"count"_s, QUrl::FullyDecoded);
    if (!digits.match(text).hasMatch() || text.toInt() < 1)
        return std::nullopt;
    return std::min(text.toInt(), FakeRestServer::maxCount);
}

} // namespace

FakeRestServer::FakeRestServer(PriceSource currentPrice, QObject *parent)
    : QObject(parent)
    , m_server(new QHttpServer(this))
    , m_currentPrice(std::move(currentPrice))
{
    m_server->route(u"/v1/candles/minutes/<arg>"_s,
        [this](const QString &unit, const QHttpServerRequest &request) {
            return answerV2(unit, request);
        });
    m_server->route(u"/v1/market/all"_s,
        [this](const QHttpServerRequest &request) { return answerMarkets(request); });
    m_server->route(u"/public/candlestick/<arg>/<arg>"_s,
        [this](
            const QString &symbol, const QString &interval) { return answerV1(symbol, interval); });
}

FakeRestServer::~FakeRestServer() = default;

bool FakeRestServer::listen(quint16 port)
{
    m_port = m_server->listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl FakeRestServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

std::optional<qint64> FakeRestServer::parseKoreanTime(const QString &text)
{
    static const QRegularExpression pattern(
        u"^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2}):([0-9]{2})$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const auto field = [&](int i) { return match.captured(i).toInt(); };
    const QDate date(field(1), field(2), field(3));
    const QTime time(field(4), field(5), field(6));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch() - kstOffsetMs;
}

qint64 FakeRestServer::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

std::vector<Candle> FakeRestServer::candles(const MarketId &market, int unitMinutes, qint64 nowMs)
{
    std::vector<Candle> out;
    for (const Bar &bar : barsOf(market, history(market, nowMs), unitMinutes, nowMs))
        out.push_back(bar.candle);
    return out;
}

namespace {
// The traded minutes of [firstMinute, lastMinute], oldest first, walked backwards from the
// close of the last: each traded minute's close is the open of the next one.
std::vector<Candle> walkBack(quint64 seed, qint64 firstMinute, qint64 lastMinute, qint64 close)
{
    std::vector<Candle> candles;
    for (qint64 minute = lastMinute; minute >= firstMinute; --minute) {
        if (!isTraded(seed, minute))
            continue;
        const qint64 tick = PriceWalk::tickSize(close);
        // About 2 % a day, on the market's tick sizes.
        const qint64 step = std::max(tick, qint64(double(close) * 0.0002) / tick * tick);
        qint64 price = close, high = close, low = close;
        for (int k = 0; k < 8; ++k) {
            const auto move = qint64(draw(seed, minute, 5 + k) % 3) - 1;
            price = std::max(tick, price + move * step);
            high = std::max(high, price);
            low = std::min(low, price);
        }
        const auto value = [](qint64 units) { return double(units) / double(PriceWalk::unit); };
        candles.push_back({minute * minuteMs, value(price), value(high), value(low), value(close)});
        close = price;
    }
    std::reverse(candles.begin(), candles.end());
    return candles;
}
} // namespace

namespace {
// The minute still open follows the live price, as Bithumb's does: its close is the last trade
// and its extremes take it in; a trade in a minute that had none opens the minute's candle.
void followLive(std::vector<Candle> &candles, qint64 minute, double live)
{
    if (candles.empty() || candles.back().close == live)
        return;
    if (candles.back().startMs != minute * minuteMs) {
        const double open = candles.back().close;
        candles.push_back({minute * minuteMs, open, open, open, open});
    }
    Candle &current = candles.back();
    current.close = live;
    current.high = std::max(current.high, live);
    current.low = std::min(current.low, live);
}
} // namespace

std::vector<Candle> FakeRestServer::history(const MarketId &market, qint64 nowMs)
{
    return history(market, nowMs, m_currentPrice(market));
}

PriceWalk::Day FakeRestServer::koreanDay(const MarketId &market, qint64 livePrice, qint64 nowMs)
{
    const auto candles = history(market, nowMs, livePrice);
    const qint64 midnight = (nowMs + kstOffsetMs) / dayMs * dayMs - kstOffsetMs;
    const auto units = [](double price) { return std::llround(price * double(PriceWalk::unit)); };
    const auto today = std::find_if(
        candles.begin(), candles.end(), [&](const Candle &c) { return c.startMs >= midnight; });
    PriceWalk::Day day;
    day.prevClose = today == candles.begin() ? livePrice : units(std::prev(today)->close);
    day.open = day.high = day.low = today == candles.end() ? day.prevClose : units(today->open);
    for (auto it = today; it != candles.end(); ++it) {
        day.high = std::max(day.high, units(it->high));
        day.low = std::min(day.low, units(it->low));
    }
    return day;
}

std::vector<Candle> FakeRestServer::history(const MarketId &market, qint64 nowMs, qint64 live)
{
    const qint64 endMinute = nowMs / minuteMs;
    const qint64 firstMinute = endMinute - historyMinutes + 1;
    Walk &walk = m_walks[market];
    const quint64 seed = marketSeed(market);
    if (walk.candles.empty() || walk.endMinute > endMinute || walk.endMinute < firstMinute) {
        walk = {endMinute, walkBack(seed, firstMinute, endMinute, live)};
    } else if (walk.endMinute < endMinute) {
        // A closed minute never changes, as on the exchange: only the minutes since are walked
        // (back from the live price), their first open joined to the last close held.
        std::vector<Candle> added = walkBack(seed, walk.endMinute + 1, endMinute, live);
        if (!added.empty()) {
            Candle &joint = added.front();
            joint.open = walk.candles.back().close;
            joint.high = std::max(joint.high, joint.open);
            joint.low = std::min(joint.low, joint.open);
        }
        std::erase_if(
            walk.candles, [&](const Candle &c) { return c.startMs < firstMinute * minuteMs; });
        walk.candles.insert(walk.candles.end(), added.begin(), added.end());
        walk.endMinute = endMinute;
    }
    followLive(walk.candles, endMinute, double(live) / double(PriceWalk::unit));
    return walk.candles;
}

std::optional<QHttpServerResponse> FakeRestServer::fault(ApiVersion api)
{
    ++m_requests;
    switch (m_fault) {
    case Fault::None:
        return std::nullopt;
    case Fault::ServerError:
        return QHttpServerResponse(StatusCode::InternalServerError);
    case Fault::Garbage:
        return QHttpServerResponse("text/html", QByteArray("<html>maintenance</html>"));
    case Fault::ErrorBody:
        return jsonResponse(api == ApiVersion::V2
                ? json {{"error", {{"name", 404}, {"message", "Code not found"}}}}
                : json {{"status", "5600"}, {"message", "Please try again"}});
    case Fault::BadRequest:
        return invalidParameter();
    }
    return std::nullopt;
}

QHttpServerResponse FakeRestServer::answerV2(const QString &unit, const QHttpServerRequest &request)
{
    Q_EMIT requested(request.url().path());
    if (auto response = fault(ApiVersion::V2))
        return std::move(*response);
    const QUrlQuery query = request.query();
    // REST /v1 takes codes in any case (notes 5.1), unlike the WebSocket.
    const QString code = query.queryItemValue(u"market"_s, QUrl::FullyDecoded).toUpper();
    const auto count = pageCount(query);
    // The notes do not say how Bithumb answers an undocumented unit: refused, never guessed.
    const auto unitMinutes = v2UnitMinutes(unit);
    std::optional<qint64> beforeMs = std::numeric_limits<qint64>::max();
    if (query.hasQueryItem(u"to"_s))
        beforeMs = parseKoreanTime(query.queryItemValue(u"to"_s, QUrl::FullyDecoded));
    if (code.isEmpty() || !count || !beforeMs || !unitMinutes)
        return invalidParameter();
    const auto market = MarketId::fromV2(code.toStdString());
    if (!market || !isFakeListed(*market))
        return v2Error(404, "Code not found", StatusCode::Ok); // HTTP 200 (notes 3.3)

    const qint64 nowMs = now();
    const auto bars = barsOf(*market, history(*market, nowMs), *unitMinutes, nowMs);
    json page = json::array();
    for (auto it = bars.rbegin(); it != bars.rend() && int(page.size()) < *count; ++it) {
        if (it->candle.startMs < *beforeMs) // `to` is exclusive
            page.push_back(v2Row(*market, *it, *unitMinutes));
    }
    return jsonResponse(page);
}

QHttpServerResponse FakeRestServer::answerMarkets(const QHttpServerRequest &request)
{
    Q_EMIT requested(request.url().path());
    if (auto response = fault(ApiVersion::V2))
        return std::move(*response);
    // The notes know only true and false; anything else is refused rather than guessed.
    const QUrlQuery query = request.query();
    const QString details = query.queryItemValue(u"isDetails"_s, QUrl::FullyDecoded);
    if (query.hasQueryItem(u"isDetails"_s) && details != u"true" && details != u"false")
        return invalidParameter();
    json rows = json::array();
    for (const FakeListing &listing : fakeCatalog()) {
        json row {{"market", listing.market.toV2().toStdString()},
            {"korean_name", listing.koreanName.toStdString()},
            {"english_name", listing.englishName.toStdString()}};
        if (details == u"true")
            row["market_warning"] = listing.caution ? "CAUTION" : "NONE";
        rows.push_back(std::move(row));
    }
    return jsonResponse(rows);
}

QHttpServerResponse FakeRestServer::answerV1(const QString &symbol, const QString &interval)
{
    Q_EMIT requested(u"/public/candlestick/%1/%2"_s.arg(symbol, interval));
    if (auto response = fault(ApiVersion::V1))
        return std::move(*response);
    const auto market = MarketId::fromV1(symbol.toStdString());
    // An interval the notes do not list is refused as an unknown symbol is.
    const auto minutes = v1IntervalMinutes(interval);
    if (!market || !isFakeListed(*market) || !minutes)
        return jsonResponse({{"status", "5500"}, {"message", "Invalid Parameter"}});
    const qint64 nowMs = now();
    const auto bars = barsOf(*market, history(*market, nowMs), *minutes, nowMs);
    json data = json::array();
    for (auto it = bars.end() - std::min<std::ptrdiff_t>(v1Rows, std::ssize(bars));
         it != bars.end(); ++it)
        data.push_back(v1Row(*it));
    return jsonResponse({{"status", "0000"}, {"data", data}});
}

} // namespace ticker
