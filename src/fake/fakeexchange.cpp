#include "bithumbticker/fakeexchange.h"

#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/logging.h"

#include <QDateTime>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace ticker {

namespace {

constexpr auto v1Path = "/pub/ws";
constexpr auto v2Path = "/websocket/v1";
constexpr int floodChunkSize = 256;

double toDouble(qint64 units)
{
    return double(units) / double(PriceWalk::unit);
}

std::string text(qint64 units)
{
    return PriceWalk::toText(units).toStdString();
}

// Korean wall-clock time, shown as if it were UTC so toString() prints it as is.
QDateTime koreanWallClock(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + kstOffsetMs, Qt::UTC);
}

QByteArray statusFrame(const char *status, const char *message)
{
    return QByteArray::fromStdString(json {{"status", status}, {"resmsg", message}}.dump());
}

QByteArray errorFrame(const char *name, const char *message)
{
    return QByteArray::fromStdString(
        json {{"error", {{"name", name}, {"message", message}}}}.dump());
}

} // namespace

struct FakeExchange::Client
{
    QWebSocket *socket = nullptr;
    ApiVersion api = ApiVersion::V2;
    QList<MarketId> markets;
    QStringList tickTypes; // API 1.0
};

FakeExchange::FakeExchange(QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(u"FakeBithumb"_s, QWebSocketServer::NonSecureMode, this))
    , m_streamTimer(new QTimer(this))
{
    setUp();
}

FakeExchange::FakeExchange(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(u"FakeBithumb"_s, QWebSocketServer::SecureMode, this))
    , m_streamTimer(new QTimer(this))
{
    m_server->setSslConfiguration(tls);
    setUp();
}

void FakeExchange::setUp()
{
    m_server->setMaxPendingConnections(64);
    connect(m_server, &QWebSocketServer::newConnection, this, &FakeExchange::acceptClient);
    connect(m_streamTimer, &QTimer::timeout, this, &FakeExchange::streamOnce);
}

FakeExchange::~FakeExchange()
{
    for (auto &client : m_clients)
        client->socket->disconnect(this);
}

bool FakeExchange::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

bool FakeExchange::listenRest(quint16 port)
{
    if (!m_rest) {
        m_rest = new FakeRestServer(
            [this](const MarketId &market) { return m_walk.current(market).price; }, this);
    }
    return m_rest->listen(port);
}

QUrl FakeExchange::restUrl() const
{
    return m_rest ? m_rest->url() : QUrl();
}

quint16 FakeExchange::port() const
{
    return m_server->serverPort();
}

QUrl FakeExchange::url(ApiVersion api) const
{
    QUrl url;
    url.setScheme(m_server->secureMode() == QWebSocketServer::SecureMode ? u"wss"_s : u"ws"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    url.setPath(QString::fromLatin1(api == ApiVersion::V1 ? v1Path : v2Path));
    return url;
}

void FakeExchange::setStreamInterval(int ms)
{
    if (ms <= 0)
        m_streamTimer->stop();
    else
        m_streamTimer->start(ms);
}

void FakeExchange::acceptClient()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        const QString path = socket->requestUrl().path();
        socket->setParent(this); // closed and deleted with the exchange at the latest
        auto client = std::make_unique<Client>();
        client->socket = socket;
        if (path == QLatin1String(v1Path)) {
            client->api = ApiVersion::V1;
        } else if (path != QLatin1String(v2Path)) {
            qCWarning(lcFeed) << "fake exchange: no API at" << path;
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unknown path"_s);
            socket->deleteLater();
            continue;
        }
        Client *raw = client.get();
        connect(socket, &QWebSocket::textMessageReceived, this,
            [this, raw](const QString &message) { handleRequest(*raw, message.toUtf8()); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, raw](const QByteArray &message) { handleRequest(*raw, message); });
        connect(socket, &QWebSocket::disconnected, this, [this, raw] {
            raw->socket->deleteLater();
            std::erase_if(m_clients, [raw](const auto &c) { return c.get() == raw; });
            Q_EMIT clientDisconnected();
        });
        m_clients.push_back(std::move(client));
        if (raw->api == ApiVersion::V1)
            send(*raw, statusFrame("0000", "Connected Successfully"));
        Q_EMIT clientConnected(raw->api);
    }
}

void FakeExchange::handleRequest(Client &client, const QByteArray &message)
{
    if (client.api == ApiVersion::V1)
        handleV1Request(client, message);
    else
        handleV2Request(client, message);
}

void FakeExchange::handleV1Request(Client &client, const QByteArray &message)
{
    const json request
        = json::parse(message.constData(), message.constData() + message.size(), nullptr, false);
    const auto isStringArray = [](const json &value) {
        return value.is_array()
            && std::all_of(value.begin(), value.end(), [](const json &v) { return v.is_string(); });
    };
    if (!request.is_object() || !request.contains("type") || !request["type"].is_string()
        || !request.contains("symbols") || !isStringArray(request["symbols"])
        || (request.contains("tickTypes") && !isStringArray(request["tickTypes"]))) {
        send(client, statusFrame("5100", "Invalid Filter Syntax"));
        return;
    }
    send(client, statusFrame("0000", "Filter Registered Successfully"));
    if (request["type"].get<std::string>() != "ticker")
        return;
    // Whether a second filter adds or replaces is undocumented; this exchange adds.
    for (const auto &symbol : request["symbols"]) {
        const auto market = MarketId::fromV1(symbol.get<std::string>());
        if (market && !client.markets.contains(*market))
            client.markets.append(*market);
    }
    client.tickTypes = {u"24H"_s};
    if (request.contains("tickTypes") && !request["tickTypes"].empty()) {
        client.tickTypes.clear();
        for (const auto &type : request["tickTypes"])
            client.tickTypes.append(QString::fromStdString(type.get<std::string>()));
    }
    Q_EMIT subscribed(ApiVersion::V1, client.markets);
}

void FakeExchange::handleV2Request(Client &client, const QByteArray &message)
{
    if (message == "PING") {
        send(client, QByteArrayLiteral(R"({"status":"UP"})"));
        return;
    }
    const json request
        = json::parse(message.constData(), message.constData() + message.size(), nullptr, false);
    const auto fail = [&](const char *name, const char *why) {
        send(client, errorFrame(name, why));
        client.socket->close(QWebSocketProtocol::CloseCodeNormal);
    };
    if (!request.is_array()) {
        fail("WRONG_FORMAT", "잘못된 요청 형식입니다.");
        return;
    }
    const bool hasTicket = std::any_of(request.begin(), request.end(),
        [](const json &part) { return part.is_object() && part.contains("ticket"); });
    if (!hasTicket) {
        fail("NO_TICKET", "티켓이 존재하지 않습니다.");
        return;
    }
    QList<MarketId> markets;
    for (const auto &part : request) {
        if (!part.is_object() || part.contains("ticket") || part.contains("format"))
            continue;
        if (!part.contains("type") || !part["type"].is_string()) {
            fail("WRONG_FORMAT", "잘못된 요청 형식입니다.");
            return;
        }
        const auto type = part["type"].get<std::string>();
        const bool knownType = type == "ticker" || type == "trade" || type == "orderbook";
        if (!knownType || !part.contains("codes") || !part["codes"].is_array()
            || part["codes"].empty()) {
            fail("INVALID_PARAM", "잘못된 파라미터입니다.");
            return;
        }
        if (type != "ticker")
            continue;
        for (const auto &code : part["codes"]) {
            // Codes in another spelling are silently ignored, as on the real server.
            const auto market
                = code.is_string() ? MarketId::fromV2(code.get<std::string>()) : std::nullopt;
            if (market && !markets.contains(*market))
                markets.append(*market);
        }
    }
    client.markets = markets; // a new request replaces the old one
    Q_EMIT subscribed(ApiVersion::V2, client.markets);
    for (const auto &market : std::as_const(client.markets))
        sendTick(client, market, true);
}

QByteArray FakeExchange::encodeV1(
    const MarketId &market, const PriceWalk::Quote &quote, const QString &tickType, qint64 nowMs)
{
    const QDateTime kst = koreanWallClock(nowMs);
    const qint64 change = quote.price - quote.open;
    const double rate = std::round(toDouble(change) / toDouble(quote.open) * 10000.0) / 100.0;
    char rateText[32];
    std::snprintf(rateText, sizeof rateText, "%.2f", rate);
    const qint64 sell = quote.volume / 2;
    char valueText[64];
    std::snprintf(
        valueText, sizeof valueText, "%.2f", toDouble(quote.volume) * toDouble(quote.price));
    json content = {
        {"tickType", tickType.toStdString()},
        {"date", kst.toString(u"yyyyMMdd"_s).toStdString()},
        {"time", kst.toString(u"HHmmss"_s).toStdString()},
        {"openPrice", text(quote.open)},
        {"closePrice", quote.priceText.toStdString()},
        {"lowPrice", text(quote.low)},
        {"highPrice", text(quote.high)},
        {"value", valueText},
        {"volume", text(quote.volume)},
        {"sellVolume", text(sell)},
        {"buyVolume", text(quote.volume - sell)},
        {"prevClosePrice", text(quote.prevClose)},
        {"chgRate", rateText},
        {"chgAmt", text(change)},
        {"volumePower", "100.00"},
        {"symbol", market.toV1().toStdString()},
    };
    return QByteArray::fromStdString(json {{"type", "ticker"}, {"content", content}}.dump());
}

QByteArray FakeExchange::encodeV2(
    const MarketId &market, const PriceWalk::Quote &quote, bool snapshot, qint64 nowMs)
{
    static constexpr auto pricePlaceholder = "@TRADE_PRICE@";
    static const QByteArray quotedPlaceholder = QByteArray("\"") + pricePlaceholder + '"';
    const qint64 change = quote.price - quote.prevClose;
    const double rate = toDouble(change) / toDouble(quote.prevClose);
    const QDateTime kst = koreanWallClock(nowMs);
    const json frame = {
        {"type", "ticker"},
        {"code", market.toV2().toStdString()},
        {"opening_price", toDouble(quote.open)},
        {"high_price", toDouble(quote.high)},
        {"low_price", toDouble(quote.low)},
        {"trade_price", pricePlaceholder},
        {"prev_closing_price", toDouble(quote.prevClose)},
        {"change",
            change > 0       ? "RISE"
                : change < 0 ? "FALL"
                             : "EVEN"},
        {"change_price", std::abs(toDouble(change))},
        {"signed_change_price", toDouble(change)},
        {"change_rate", std::abs(rate)},
        {"signed_change_rate", rate},
        {"trade_volume", 0.0015},
        {"acc_trade_volume", toDouble(quote.volume) / 2},
        {"acc_trade_volume_24h", toDouble(quote.volume)},
        {"acc_trade_price_24h", toDouble(quote.volume) * toDouble(quote.price)},
        {"trade_date", kst.toString(u"yyyyMMdd"_s).toStdString()},
        {"trade_time", kst.toString(u"HHmmss"_s).toStdString()},
        {"trade_timestamp", nowMs},
        {"ask_bid", change >= 0 ? "BID" : "ASK"},
        {"market_state", "ACTIVE"},
        {"is_trading_suspended", false},
        {"delisting_date", nullptr},
        {"market_warning", "NONE"},
        {"timestamp", nowMs},
        {"stream_type", snapshot ? "SNAPSHOT" : "REALTIME"},
    };
    // The exact decimal text goes on the wire as the number token itself.
    QByteArray bytes = QByteArray::fromStdString(frame.dump());
    bytes.replace(quotedPlaceholder, quote.priceText.toLatin1());
    return bytes;
}

void FakeExchange::sendTick(Client &client, const MarketId &market, bool snapshot)
{
    const auto &quote = m_walk.current(market);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (client.api == ApiVersion::V2) {
        send(client, encodeV2(market, quote, snapshot, now));
        return;
    }
    for (const auto &tickType : std::as_const(client.tickTypes))
        send(client, encodeV1(market, quote, tickType, now));
}

void FakeExchange::send(Client &client, const QByteArray &frame)
{
    // API 2.0 sends binary frames of UTF-8 JSON, API 1.0 text frames.
    if (client.api == ApiVersion::V2)
        client.socket->sendBinaryMessage(frame);
    else
        client.socket->sendTextMessage(QString::fromUtf8(frame));
}

void FakeExchange::publish(const MarketId &market, const QString &priceText)
{
    if (!m_walk.set(market, priceText)) {
        qCWarning(lcFeed) << "fake exchange: not a price:" << priceText;
        return;
    }
    for (auto &client : m_clients) {
        if (client->markets.contains(market))
            sendTick(*client, market, false);
    }
}

void FakeExchange::streamOnce()
{
    QSet<MarketId> stepped;
    for (auto &client : m_clients) {
        for (const auto &market : std::as_const(client->markets)) {
            if (!stepped.contains(market)) {
                m_walk.step(market);
                stepped.insert(market);
            }
            sendTick(*client, market, false);
        }
    }
}

void FakeExchange::sendRaw(const QByteArray &frame, bool binary)
{
    for (auto &client : m_clients) {
        if (binary)
            client->socket->sendBinaryMessage(frame);
        else
            client->socket->sendTextMessage(QString::fromUtf8(frame));
    }
}

void FakeExchange::flood(int count)
{
    const bool idle = m_floodLeft == 0;
    m_floodLeft += count;
    if (idle)
        QTimer::singleShot(0, this, &FakeExchange::floodChunk);
}

// Flood frames are encoded once per market and API and then cycled, so the exchange spends
// its time sending, not encoding, and a benchmark measures the client.
const QList<QByteArray> &FakeExchange::floodFrames(const Client &client, const MarketId &market)
{
    const QString key
        = QString::number(int(client.api)) + market.toV1() + client.tickTypes.join(u',');
    auto it = m_floodFrames.find(key);
    if (it == m_floodFrames.end()) {
        QList<QByteArray> frames;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < floodChunkSize; ++i) {
            const auto &quote = m_walk.step(market);
            if (client.api == ApiVersion::V2)
                frames.append(encodeV2(market, quote, false, now));
            for (const auto &tickType : client.tickTypes)
                frames.append(encodeV1(market, quote, tickType, now));
        }
        it = m_floodFrames.insert(key, frames);
    }
    return it.value();
}

void FakeExchange::floodChunk()
{
    const int chunk = std::min(m_floodLeft, floodChunkSize);
    for (auto &client : m_clients) {
        for (const auto &market : std::as_const(client->markets)) {
            const auto &frames = floodFrames(*client, market);
            for (int i = 0; i < chunk; ++i)
                send(*client, frames.at(i % frames.size()));
        }
    }
    m_floodLeft -= chunk;
    if (m_floodLeft > 0)
        QTimer::singleShot(0, this, &FakeExchange::floodChunk);
    else
        Q_EMIT floodFinished();
}

void FakeExchange::closeAll(int closeCode)
{
    for (auto &client : m_clients)
        client->socket->close(QWebSocketProtocol::CloseCode(closeCode));
}

} // namespace ticker
