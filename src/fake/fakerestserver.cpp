#include "bithumbticker/fakerestserver.h"

#include "bithumbticker/pricewalk.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace ticker {

namespace {

constexpr qint64 minuteMs = Candle::durationMs;

QHttpServerResponse jsonResponse(const json &body)
{
    return QHttpServerResponse("application/json", QByteArray::fromStdString(body.dump()));
}

std::string isoMinute(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(u"yyyy-MM-ddTHH:mm:ss"_s)
        .toStdString();
}

std::string decimalText(double price)
{
    return QString::number(price, 'f', QLocale::FloatingPointShortest).toStdString();
}

} // namespace

FakeRestServer::FakeRestServer(PriceSource currentPrice, QObject *parent)
    : QObject(parent)
    , m_server(new QHttpServer(this))
    , m_currentPrice(std::move(currentPrice))
{
    m_server->route(u"/v1/candles/minutes/1"_s,
        [this](const QHttpServerRequest &request) { return answerV2(request); });
    m_server->route(u"/public/candlestick/<arg>/1m"_s,
        [this](const QString &symbol) { return answerV1(symbol); });
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

std::vector<Candle> FakeRestServer::history(const MarketId &market, qint64 nowMs)
{
    const qint64 endMinute = nowMs / minuteMs * minuteMs;
    Walk &walk = m_walks[market];
    if (walk.endMinuteMs == endMinute)
        return walk.candles;
    // Backwards from the live price: each minute's open is the previous minute's close.
    QRandomGenerator random(quint32(qHash(market.toV1(), 11)));
    qint64 close = m_currentPrice(market);
    std::vector<Candle> candles(historyMinutes);
    for (int i = historyMinutes - 1; i >= 0; --i) {
        const qint64 tick = PriceWalk::tickSize(close);
        // About 2 % a day, on the market's tick sizes.
        const qint64 step = std::max(tick, qint64(double(close) * 0.0002) / tick * tick);
        qint64 price = close, high = close, low = close;
        for (int k = 0; k < 8; ++k) {
            price = std::max(tick, price + (qint64(random.bounded(3)) - 1) * step);
            high = std::max(high, price);
            low = std::min(low, price);
        }
        const auto value = [](qint64 units) { return double(units) / double(PriceWalk::unit); };
        candles[std::size_t(i)] = {endMinute - (historyMinutes - 1 - i) * minuteMs, value(price),
            value(high), value(low), value(close)};
        close = price;
    }
    walk = {endMinute, std::move(candles)};
    return walk.candles;
}

std::optional<QHttpServerResponse> FakeRestServer::fault(ApiVersion api)
{
    ++m_requests;
    switch (m_fault) {
    case Fault::None:
        return std::nullopt;
    case Fault::ServerError:
        return QHttpServerResponse(QHttpServerResponse::StatusCode::InternalServerError);
    case Fault::Garbage:
        return QHttpServerResponse("text/html", QByteArray("<html>maintenance</html>"));
    case Fault::ErrorBody:
        return jsonResponse(api == ApiVersion::V2
                ? json {{"error", {{"name", 404}, {"message", "Code not found"}}}}
                : json {{"status", "5600"}, {"message", "Please try again"}});
    }
    return std::nullopt;
}

QHttpServerResponse FakeRestServer::answerV2(const QHttpServerRequest &request)
{
    Q_EMIT requested(request.url().path());
    if (auto response = fault(ApiVersion::V2))
        return std::move(*response);
    const QUrlQuery query = request.query();
    const auto market = MarketId::fromV2(query.queryItemValue(u"market"_s).toStdString());
    if (!market)
        return jsonResponse({{"error", {{"name", 404}, {"message", "Code not found"}}}});
    const int count = std::clamp(query.queryItemValue(u"count"_s).toInt(), 1, maxCount);
    qint64 beforeMs = std::numeric_limits<qint64>::max();
    if (query.hasQueryItem(u"to"_s)) {
        const QDateTime to = QDateTime::fromString(query.queryItemValue(u"to"_s), Qt::ISODate);
        if (!to.isValid())
            return jsonResponse({{"error", {{"name", 400}, {"message", "Invalid to"}}}});
        beforeMs = to.toMSecsSinceEpoch();
    }
    const auto candles = history(*market, QDateTime::currentMSecsSinceEpoch());
    json page = json::array();
    for (auto it = candles.rbegin(); it != candles.rend() && int(page.size()) < count; ++it) {
        if (it->startMs >= beforeMs)
            continue;
        page.push_back({{"market", market->toV2().toStdString()},
            {"candle_date_time_utc", isoMinute(it->startMs)},
            {"candle_date_time_kst", isoMinute(it->startMs + kstOffsetMs)},
            {"opening_price", it->open}, {"high_price", it->high}, {"low_price", it->low},
            {"trade_price", it->close}, {"timestamp", it->startMs + minuteMs - 1},
            {"candle_acc_trade_price", 0}, {"candle_acc_trade_volume", 0}, {"unit", 1}});
    }
    return jsonResponse(page);
}

QHttpServerResponse FakeRestServer::answerV1(const QString &symbol)
{
    Q_EMIT requested(u"/public/candlestick/%1/1m"_s.arg(symbol));
    if (auto response = fault(ApiVersion::V1))
        return std::move(*response);
    const auto market = MarketId::fromV1(symbol.toStdString());
    if (!market)
        return jsonResponse({{"status", "5500"}, {"message", "Invalid Parameter"}});
    json data = json::array();
    for (const Candle &c : history(*market, QDateTime::currentMSecsSinceEpoch())) {
        data.push_back({c.startMs, decimalText(c.open), decimalText(c.close), decimalText(c.high),
            decimalText(c.low), "0"});
    }
    return jsonResponse({{"status", "0000"}, {"data", data}});
}

} // namespace ticker
