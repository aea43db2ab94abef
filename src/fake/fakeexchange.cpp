#include "bithumbticker/fakeexchange.h"

#include "bithumbticker/fakemarkets.h"
#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/logging.h"
#include "replayplayer.h"

#include <QDateTime>
#include <QSet>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <nlohmann/json.hpp>

#include <variant>

using namespace Qt::StringLiterals;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

namespace ticker {

namespace {

constexpr auto v1Path = "/pub/ws";
constexpr auto v2Path = "/websocket/v1";
constexpr int floodChunkSize = 256;
constexpr qsizetype maxRequestHeader = 16 * 1024;

double toDouble(qint64 units)
{
    return double(units) / double(PriceWalk::unit);
}

std::string text(qint64 units)
{
    return PriceWalk::toText(units).toStdString();
}

QByteArray statusFrame(const char *status, const char *message)
{
    return QByteArray::fromStdString(ordered_json {{"status", status}, {"resmsg", message}}.dump());
}

// As on the wire: {"error":{"name":…,"message":…}}, in that order, Korean text unescaped.
QByteArray errorFrame(const char *name, const std::string &message)
{
    return QByteArray::fromStdString(
        ordered_json {{"error", {{"name", name}, {"message", message}}}}.dump());
}

// JSON number tokens as Bithumb writes them: whole numbers without a fraction (493100, never
// 493100.0), fractions in plain decimals (0.00001234, never 1.234e-05).
QByteArray unitsToken(qint64 units)
{
    return PriceWalk::toText(units).toLatin1();
}

QByteArray decimalToken(double value, int decimals)
{
    QByteArray token = QByteArray::number(value, 'f', decimals);
    if (token.contains('.')) {
        while (token.endsWith('0'))
            token.chop(1);
        if (token.endsWith('.'))
            token.chop(1);
    }
    return token == "-0" ? QByteArray("0") : token;
}

QByteArray stringToken(const QString &value)
{
    return QByteArray::fromStdString(json(value.toStdString()).dump());
}

// A price the exchange could quote: a fraction of this one, on its tick grid.
qint64 onGrid(qint64 price, int percent)
{
    const qint64 scaled = price / 100 * percent;
    const qint64 tick = PriceWalk::tickSize(scaled);
    return std::max(tick, scaled / tick * tick);
}

struct RequestError
{
    const char *name;
    std::string message;
};

struct V2Request
{
    QList<MarketId> markets; // listed ticker codes, in the order asked
    FakeExchange::Format format = FakeExchange::Format::Default;
};

// An API 2.0 request as the exchange judges it, with the names and texts it answers
// (samples/real/v2_error_frames_docs.jsonl, notes 2.6 and 2.7). Codes that are not listed,
// in any spelling, are left out without a word (notes 2.2).
std::variant<V2Request, RequestError> readV2Request(const QByteArray &message)
{
    // Also a missing type: the docs list NO_TYPE, the 2026 probe got WRONG_FORMAT.
    const RequestError wrongFormat {"WRONG_FORMAT", "Format 이 맞지 않습니다."};
    const json request
        = json::parse(message.constData(), message.constData() + message.size(), nullptr, false);
    if (!request.is_array() || !std::all_of(request.begin(), request.end(), [](const json &p) {
            return p.is_object();
        }))
        return wrongFormat;
    const auto isTicket = [](const json &part) { return part.contains("ticket"); };
    const bool validTicket = std::any_of(request.begin(), request.end(), [&](const json &part) {
        return isTicket(part) && part["ticket"].is_string()
            && !part["ticket"].get<std::string>().empty();
    });
    if (!validTicket)
        return RequestError {"NO_TICKET", "티켓이 존재하지 않거나, 유효하지 않습니다."};
    V2Request result;
    bool typed = false;
    for (const auto &part : request) {
        if (isTicket(part))
            continue;
        if (part.contains("format")) {
            const json &format = part["format"];
            const std::string name = format.is_string() ? format.get<std::string>() : format.dump();
            if (name == "SIMPLE")
                result.format = FakeExchange::Format::Simple;
            else if (name != "DEFAULT")
                return RequestError {"INVALID_PARAM", name + "은 지원하지 않는 포맷입니다."};
            continue;
        }
        if (!part.contains("type") || !part["type"].is_string())
            return wrongFormat;
        typed = true;
        const auto type = part["type"].get<std::string>();
        if (type != "ticker" && type != "trade" && type != "orderbook")
            return RequestError {"INVALID_PARAM", type + " 은 지원하지 않는 타입입니다."};
        if (!part.contains("codes"))
            return RequestError {"NO_CODES", "codes 필드가 존재하지 않습니다."};
        const json &codes = part["codes"];
        if (!codes.is_array())
            return wrongFormat;
        if (codes.empty())
            return RequestError {"INVALID_PARAM", "codes 필드가 비어 있습니다."};
        if (type != "ticker")
            continue; // accepted; this exchange streams tickers only
        for (const auto &code : codes) {
            const auto market
                = code.is_string() ? MarketId::fromV2(code.get<std::string>()) : std::nullopt;
            if (market && isFakeListed(*market) && !result.markets.contains(*market))
                result.markets.append(*market);
        }
    }
    if (!typed)
        return wrongFormat;
    return result;
}

} // namespace

struct FakeExchange::Client
{
    QWebSocket *socket = nullptr;
    ApiVersion api = ApiVersion::V2;
    QList<MarketId> markets;
    QStringList tickTypes; // API 1.0
    Format format = Format::Default;
    QTimer *statusUp = nullptr;     // after a text PING
    ReplayPlayer *player = nullptr; // replay: what this link serves instead
};

FakeExchange::FakeExchange(QObject *parent)
    : QObject(parent)
    , m_tcp(new QTcpServer(this))
{
    setUp();
}

FakeExchange::FakeExchange(const QSslConfiguration &tls, QObject *parent)
    : QObject(parent)
    , m_secure(true)
{
    auto *server = new QSslServer(this);
    server->setSslConfiguration(tls);
    m_tcp = server;
    setUp();
}

void FakeExchange::setUp()
{
    // Connections are taken from our own TCP server (after TLS on wss://) so that a request
    // can be refused with 429 before any WebSocket handshake, and so that a client's pings,
    // which QWebSocket answers without a signal, are seen as traffic on the TCP socket.
    m_server = new QWebSocketServer(u"FakeBithumb"_s, QWebSocketServer::NonSecureMode, this);
    m_server->setMaxPendingConnections(64);
    m_streamTimer = new QTimer(this);
    m_monotonic.start();
    connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this, &FakeExchange::acceptConnections);
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
    return m_tcp->listen(QHostAddress::LocalHost, port);
}

bool FakeExchange::listenRest(quint16 port)
{
    if (!m_rest) {
        m_rest = new FakeRestServer(
            [this](const MarketId &market) { return m_walk.current(market).price; }, this);
        // The ticker's day (previous close, open, extremes) is the candles' day.
        m_walk.setDaySource([this](const MarketId &market, qint64 price) {
            return m_rest->koreanDay(market, price, m_rest->now());
        });
    }
    return m_rest->listen(port);
}

QUrl FakeExchange::restUrl() const
{
    return m_rest ? m_rest->url() : QUrl();
}

quint16 FakeExchange::port() const
{
    return m_tcp->serverPort();
}

QUrl FakeExchange::url(ApiVersion api) const
{
    QUrl url;
    url.setScheme(m_secure ? u"wss"_s : u"ws"_s);
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

void FakeExchange::acceptConnections()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        watchIdle(socket);
        // A request counts when it could be answered: at once on ws://, after TLS on wss://.
        if (m_limiter.admit(socket->peerAddress().toString(), m_monotonic.elapsed()))
            m_server->handleConnection(socket);
        else
            refuse(socket);
    }
}

void FakeExchange::watchIdle(QTcpSocket *socket)
{
    // Anything the client sends counts, WebSocket pings included; what the server sends does
    // not. Aborted, not closed: the client gets no close frame (1006 in WebSocket terms).
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setTimerType(Qt::PreciseTimer); // never early, also at a test's 300 ms
    idle->start(m_idleTimeoutMs);
    connect(socket, &QTcpSocket::readyRead, idle, qOverload<>(&QTimer::start));
    connect(idle, &QTimer::timeout, socket, [socket] {
        qCInfo(lcFeed) << "fake exchange: idle link dropped";
        socket->abort();
    });
}

void FakeExchange::refuse(QTcpSocket *socket)
{
    ++m_refusedConnects;
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // The answer goes out once the client's request is in, so it is read, not reset away.
    const auto answer = [socket] {
        const QByteArray request = socket->peek(socket->bytesAvailable());
        if (request.size() > maxRequestHeader) {
            socket->abort();
        } else if (request.contains("\r\n\r\n")) {
            socket->readAll();
            socket->write("HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            socket->disconnectFromHost();
        }
    };
    connect(socket, &QTcpSocket::readyRead, socket, answer);
    answer();
    Q_EMIT connectRefused();
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
        connect(socket, &QWebSocket::pong, this, &FakeExchange::ponged);
        connect(socket, &QWebSocket::disconnected, this, [this, raw] {
            raw->socket->deleteLater();
            std::erase_if(m_clients, [raw](const auto &c) { return c.get() == raw; });
            Q_EMIT clientDisconnected();
        });
        m_clients.push_back(std::move(client));
        if (m_replaying) {
            startReplay(*raw);
        } else if (raw->api == ApiVersion::V1) {
            send(*raw, statusFrame("0000", "Connected Successfully"));
        }
        Q_EMIT clientConnected(raw->api);
    }
}

void FakeExchange::replay(const Recording &recording, double speed)
{
    m_replaying = true;
    m_replaySpeed = speed;
    m_streamTimer->stop();
    // One link per recorded connect, in order; a dial that never connected has none.
    QHash<quint64, qsizetype> linkAt;
    for (const RecordedEntry &entry : recording.entries) {
        auto it = linkAt.find(entry.link);
        if (it == linkAt.end()) {
            if (entry.kind != RecordedEntry::Kind::Connect)
                continue;
            it = linkAt.insert(entry.link, m_replayLinks.size());
            m_replayLinks.append(RecordedEntries());
        }
        m_replayLinks[*it].append(entry);
    }
    m_nextReplayLink = 0;
}

void FakeExchange::startReplay(Client &client)
{
    if (m_nextReplayLink >= m_replayLinks.size())
        return; // past the end: open and silent
    const bool last = m_nextReplayLink + 1 == m_replayLinks.size();
    client.player = new ReplayPlayer(
        client.socket, m_replayLinks.at(m_nextReplayLink++), m_replaySpeed, client.socket);
    if (last)
        connect(client.player, &ReplayPlayer::finished, this, &FakeExchange::replayFinished);
}

void FakeExchange::handleRequest(Client &client, const QByteArray &message)
{
    if (m_replaying) {
        if (client.player)
            client.player->requestReceived();
        return;
    }
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
    // Whether a second filter adds or replaces is undocumented; this exchange adds. A symbol
    // it does not list is registered and never sent, as API 2.0 does with unknown codes.
    for (const auto &symbol : request["symbols"]) {
        const auto market = MarketId::fromV1(symbol.get<std::string>());
        if (market && isFakeListed(*market) && !client.markets.contains(*market))
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
        startStatusUp(client);
        return;
    }
    auto request = readV2Request(message);
    if (const auto *error = std::get_if<RequestError>(&request)) {
        send(client, errorFrame(error->name, error->message));
        client.socket->close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    auto &accepted = std::get<V2Request>(request);
    client.markets = std::move(accepted.markets); // a new request replaces the old one
    client.format = accepted.format;
    Q_EMIT subscribed(ApiVersion::V2, client.markets);
    sendSnapshots(client);
}

void FakeExchange::startStatusUp(Client &client)
{
    if (client.statusUp)
        return; // one PING starts it; more change nothing
    client.statusUp = new QTimer(client.socket);
    client.statusUp->setTimerType(Qt::PreciseTimer);
    connect(client.statusUp, &QTimer::timeout, client.socket, [socket = client.socket] {
        socket->sendBinaryMessage(QByteArrayLiteral(R"({"status":"UP"})"));
    });
    client.statusUp->start(m_statusUpIntervalMs);
}

const PriceWalk::Quote &FakeExchange::lastTrade(const MarketId &market)
{
    if (m_walk.current(market).tradeTimeMs == 0) // never traded here: it traded just now
        m_walk.setTradeTime(market, QDateTime::currentMSecsSinceEpoch());
    return m_walk.current(market);
}

void FakeExchange::sendSnapshots(Client &client)
{
    for (const auto &market : std::as_const(client.markets)) {
        const PriceWalk::Quote snapshot = lastTrade(market);
        if (m_snapshotOrder == SnapshotOrder::RealtimeFirst) {
            // A trade after the snapshot's overtakes it; its time is strictly later.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_walk.step(market, std::max(now, snapshot.tradeTimeMs + 1));
            sendTrade(market);
        }
        sendTick(client, market, snapshot, true);
    }
}

QByteArray FakeExchange::encodeV1(
    const MarketId &market, const PriceWalk::Quote &quote, const QString &tickType)
{
    const QDateTime kst = koreanWallClock(quote.tradeTimeMs);
    const qint64 change = quote.price - quote.open;
    const double rate = std::round(toDouble(change) / toDouble(quote.open) * 10000.0) / 100.0;
    char rateText[32];
    std::snprintf(rateText, sizeof rateText, "%.2f", rate);
    const qint64 sell = quote.volume / 2;
    char valueText[64];
    std::snprintf(
        valueText, sizeof valueText, "%.2f", toDouble(quote.volume) * toDouble(quote.price));
    const ordered_json content = {
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
    return QByteArray::fromStdString(
        ordered_json {{"type", "ticker"}, {"content", content}}.dump());
}

QByteArray FakeExchange::encodeV2(const MarketId &market, const PriceWalk::Quote &quote,
    const MarketStatus &status, bool snapshot, qint64 nowMs, Format format)
{
    const qint64 change = quote.price - quote.prevClose;
    const double rate = toDouble(change) / toDouble(quote.prevClose);
    const qint64 todayVolume = quote.volume / 2; // since 00:00 KST; the 24 h volume is all
    const qint64 askVolume = todayVolume / 2;
    const QDateTime kst = koreanWallClock(quote.tradeTimeMs);
    const auto date = [&](int daysBack) {
        return stringToken(kst.addDays(-daysBack).toString(u"yyyy-MM-dd"_s));
    };
    struct Field
    {
        const char *name, *simple; // DEFAULT and SIMPLE key
        QByteArray token;
    };
    // Every field of the docs' ticker frame, in its order (samples/real/v2_ticker_*).
    const Field fields[] = {
        {"type", "ty", "\"ticker\""},
        {"code", "cd", stringToken(market.toV2())},
        {"opening_price", "op", unitsToken(quote.open)},
        {"high_price", "hp", unitsToken(quote.high)},
        {"low_price", "lp", unitsToken(quote.low)},
        {"trade_price", "tp", quote.priceText.toLatin1()}, // the exact text, as scripted
        {"prev_closing_price", "pcp", unitsToken(quote.prevClose)},
        {"change", "c",
            change > 0       ? "\"RISE\""
                : change < 0 ? "\"FALL\""
                             : "\"EVEN\""},
        {"change_price", "cp", unitsToken(std::abs(change))},
        {"signed_change_price", "scp", unitsToken(change)},
        {"change_rate", "cr", decimalToken(std::abs(rate), 8)},
        {"signed_change_rate", "scr", decimalToken(rate, 8)},
        {"trade_volume", "tv", unitsToken(quote.tradeVolume)},
        {"acc_trade_volume", "atv", unitsToken(todayVolume)},
        {"acc_trade_volume_24h", "atv24h", unitsToken(quote.volume)},
        {"acc_trade_price", "atp", decimalToken(toDouble(todayVolume) * toDouble(quote.price), 8)},
        {"acc_trade_price_24h", "atp24h",
            decimalToken(toDouble(quote.volume) * toDouble(quote.price), 8)},
        {"trade_date", "tdt", stringToken(kst.toString(u"yyyyMMdd"_s))},
        {"trade_time", "ttm", stringToken(kst.toString(u"HHmmss"_s))},
        {"trade_timestamp", "ttms", QByteArray::number(quote.tradeTimeMs)},
        {"ask_bid", "ab", change >= 0 ? "\"BID\"" : "\"ASK\""},
        {"acc_ask_volume", "aav", unitsToken(askVolume)},
        {"acc_bid_volume", "abv", unitsToken(todayVolume - askVolume)},
        {"highest_52_week_price", "h52wp",
            unitsToken(std::max(quote.high, onGrid(quote.prevClose, 138)))},
        {"highest_52_week_date", "h52wdt", date(123)},
        {"lowest_52_week_price", "l52wp",
            unitsToken(std::min(quote.low, onGrid(quote.prevClose, 62)))},
        {"lowest_52_week_date", "l52wdt", date(291)},
        {"market_state", "ms", stringToken(status.state)},
        {"is_trading_suspended", "its", status.isSuspended() ? "true" : "false"},
        // "" when none (the wire in 2026)
        {"delisting_date", "dd", stringToken(status.delistingDate.toString(Qt::ISODate))},
        {"market_warning", "mw", stringToken(status.warning)},
        {"timestamp", "tms", QByteArray::number(std::max(nowMs, quote.tradeTimeMs))},
        {"stream_type", "st", snapshot ? "\"SNAPSHOT\"" : "\"REALTIME\""},
    };
    QByteArray frame;
    frame.reserve(900);
    for (const Field &field : fields) {
        frame += frame.isEmpty() ? "{\"" : ",\"";
        frame += format == Format::Simple ? field.simple : field.name;
        frame += "\":" + field.token;
    }
    return frame + '}';
}

void FakeExchange::sendTick(
    Client &client, const MarketId &market, const PriceWalk::Quote &quote, bool snapshot)
{
    if (client.api == ApiVersion::V2) {
        send(client,
            encodeV2(market, quote, m_statuses.value(market, fakeListedStatus(market)), snapshot,
                QDateTime::currentMSecsSinceEpoch(), client.format));
        return;
    }
    for (const auto &tickType : std::as_const(client.tickTypes))
        send(client, encodeV1(market, quote, tickType));
}

void FakeExchange::sendTrade(const MarketId &market)
{
    const PriceWalk::Quote &quote = m_walk.current(market);
    for (auto &client : m_clients) {
        if (client->markets.contains(market))
            sendTick(*client, market, quote, false);
    }
}

void FakeExchange::send(Client &client, const QByteArray &frame)
{
    // API 2.0 sends binary frames of UTF-8 JSON, API 1.0 text frames.
    if (client.api == ApiVersion::V2)
        client.socket->sendBinaryMessage(frame);
    else
        client.socket->sendTextMessage(QString::fromUtf8(frame));
}

bool FakeExchange::publish(const MarketId &market, const QString &priceText, qint64 tradeTimeMs)
{
    if (!isFakeListed(market)) {
        qCWarning(lcFeed) << "fake exchange: not listed:" << market.toV2();
        return false;
    }
    if (!m_walk.set(market, priceText, tradeTimeMs)) {
        qCWarning(lcFeed) << "fake exchange: not a price:" << priceText;
        return false;
    }
    sendTrade(market);
    return true;
}

void FakeExchange::setLastTrade(const MarketId &market, qint64 tradeTimeMs)
{
    m_walk.setTradeTime(market, tradeTimeMs);
}

void FakeExchange::setMarketStatus(const MarketId &market, const MarketStatus &status)
{
    m_statuses.insert(market, status);
}

void FakeExchange::streamOnce()
{
    QSet<MarketId> subscribed;
    for (const auto &client : m_clients) {
        for (const auto &market : std::as_const(client->markets))
            subscribed.insert(market);
    }
    for (const auto &market : std::as_const(subscribed))
        trade(market);
}

void FakeExchange::trade(const MarketId &market)
{
    m_walk.step(market, QDateTime::currentMSecsSinceEpoch());
    sendTrade(market);
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

void FakeExchange::pingAll()
{
    for (auto &client : m_clients)
        client->socket->ping();
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
    const QString key = QString::number(int(client.api)) + QString::number(int(client.format))
        + market.toV1() + client.tickTypes.join(u',');
    auto it = m_floodFrames.find(key);
    // Encoded again once the market has traded since: older frames would be out of order.
    if (it == m_floodFrames.end() || it->tradeTimeMs < m_walk.current(market).tradeTimeMs) {
        FloodFrames flood;
        flood.tradeTimeMs = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < floodChunkSize; ++i) {
            const auto &quote = m_walk.step(market, flood.tradeTimeMs);
            if (client.api == ApiVersion::V2)
                flood.frames.append(
                    encodeV2(market, quote, m_statuses.value(market, fakeListedStatus(market)),
                        false, flood.tradeTimeMs, client.format));
            for (const auto &tickType : client.tickTypes)
                flood.frames.append(encodeV1(market, quote, tickType));
        }
        it = m_floodFrames.insert(key, flood);
    }
    return it->frames;
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
