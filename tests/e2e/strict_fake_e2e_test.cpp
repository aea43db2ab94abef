// FakeExchange is as strict as Bithumb (protocol notes 2.2 to 2.7): silence for codes it does
// not list, frames as on the wire, snapshots of the last trade, out-of-order snapshots, the
// exact error frames and close 1000, {"status":"UP"} after PING, idle links aborted without a
// close frame, HTTP 429 and a ban for connect bursts. A hand-written WebSocket client shows
// what crosses the wire byte for byte; QWebSocket shows what a Qt client makes of it.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakemarkets.h"
#include "common.h"
#include "selfsignedtls.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using ojson = nlohmann::ordered_json;

namespace {

const MarketId shib = *MarketId::fromV2("KRW-SHIB");

// The keys of the docs' ticker frame, in order
// (samples/real/v2_ticker_realtime_docs_2024-09-10.json).
const std::vector<std::string> docsKeys {"type", "code", "opening_price", "high_price", "low_price",
    "trade_price", "prev_closing_price", "change", "change_price", "signed_change_price",
    "change_rate", "signed_change_rate", "trade_volume", "acc_trade_volume", "acc_trade_volume_24h",
    "acc_trade_price", "acc_trade_price_24h", "trade_date", "trade_time", "trade_timestamp",
    "ask_bid", "acc_ask_volume", "acc_bid_volume", "highest_52_week_price", "highest_52_week_date",
    "lowest_52_week_price", "lowest_52_week_date", "market_state", "is_trading_suspended",
    "delisting_date", "market_warning", "timestamp", "stream_type"};

// The keys of the docs' ticker frame, in order
// (samples/real/v2_ticker_simple_format_docs_2024-09-10.jsonl).
const std::vector<std::string> simpleKeys {"ty", "cd", "op", "hp", "lp", "tp", "pcp", "c", "cp",
    "scp", "cr", "scr", "tv", "atv", "atv24h", "atp", "atp24h", "tdt", "ttm", "ttms", "ab", "aav",
    "abv", "h52wp", "h52wdt", "l52wp", "l52wdt", "ms", "its", "dd", "mw", "tms", "st"};

enum Opcode : quint8 { Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

struct Frame
{
    quint8 opcode = 0;
    QByteArray payload;
};

// A WebSocket client written out by hand over TCP or TLS: the HTTP answer to its handshake,
// every frame the server sends with its opcode (a close frame, or none), and pings of its own.
class RawLink
{
public:
    explicit RawLink(const QUrl &url)
        : m_url(url)
    {
        if (url.scheme() == u"wss") {
            auto *tls = new QSslSocket;
            tls->setPeerVerifyMode(QSslSocket::VerifyNone); // the test's own certificate
            m_socket.reset(tls);
            QObject::connect(tls, &QSslSocket::encrypted, tls, [this] { sendUpgrade(); });
            tls->connectToHostEncrypted(url.host(), quint16(url.port()));
        } else {
            m_socket = std::make_unique<QTcpSocket>();
            QObject::connect(
                m_socket.get(), &QTcpSocket::connected, m_socket.get(), [this] { sendUpgrade(); });
            m_socket->connectToHost(url.host(), quint16(url.port()));
        }
        QObject::connect(m_socket.get(), &QTcpSocket::readyRead, m_socket.get(),
            [this] { m_received += m_socket->readAll(); });
    }

    // The HTTP status of the answer to the handshake; 0 until it is in.
    int status() const
    {
        if (!m_received.contains("\r\n\r\n"))
            return 0;
        return m_received.left(m_received.indexOf("\r\n")).split(' ').value(1).toInt();
    }
    bool waitForStatus()
    {
        return QTest::qWaitFor([&] { return status() != 0; }, timeoutMs);
    }
    bool isClosed() const { return m_socket->state() == QAbstractSocket::UnconnectedState; }
    bool waitForClosed()
    {
        return QTest::qWaitFor([&] { return isClosed(); }, timeoutMs);
    }

    // Masked, as a client's frames must be.
    void send(quint8 opcode, const QByteArray &payload)
    {
        static constexpr char mask[4] = {0x12, 0x34, 0x56, 0x78};
        QByteArray frame(1, char(0x80 | opcode));
        if (payload.size() < 126) {
            frame += char(0x80 | payload.size());
        } else {
            frame += char(0x80 | 126);
            frame += char(payload.size() >> 8);
            frame += char(payload.size() & 0xff);
        }
        frame += QByteArray(mask, 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame += char(payload[i] ^ mask[i % 4]);
        m_socket->write(frame);
    }
    void sendText(const QByteArray &text) { send(Text, text); }

    // Every complete frame received after the handshake, in order.
    QList<Frame> frames() const
    {
        QList<Frame> result;
        const qsizetype headerEnd = m_received.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return result;
        const auto byte = [&](qsizetype at) { return quint8(m_received.at(at)); };
        qsizetype at = headerEnd + 4;
        while (at + 2 <= m_received.size()) {
            quint64 length = byte(at + 1) & 0x7f;
            qsizetype header = 2;
            if (length >= 126) {
                header = length == 126 ? 4 : 10;
                if (at + header > m_received.size())
                    break;
                length = 0;
                for (qsizetype i = 2; i < header; ++i)
                    length = length << 8 | byte(at + i);
            }
            if (at + header + qsizetype(length) > m_received.size())
                break;
            result.append({quint8(byte(at) & 0x0f), m_received.mid(at + header, length)});
            at += header + qsizetype(length);
        }
        return result;
    }
    bool waitForFrames(qsizetype count)
    {
        return QTest::qWaitFor([&] { return frames().size() >= count; }, timeoutMs);
    }
    QList<Frame> framesOf(quint8 opcode) const
    {
        QList<Frame> result;
        for (const Frame &frame : frames()) {
            if (frame.opcode == opcode)
                result.append(frame);
        }
        return result;
    }
    ojson frameJson(qsizetype index) const
    {
        return ojson::parse(frames().value(index).payload.toStdString(), nullptr, false);
    }

private:
    void sendUpgrade()
    {
        m_socket->write("GET " + m_url.path().toLatin1()
            + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_url.port())
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }

    QUrl m_url;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
};

QByteArray subscribeV2(const QByteArray &codes, const QByteArray &extra = {})
{
    return R"([{"ticket":"strict"},{"type":"ticker","codes":)" + codes + "}" + extra + "]";
}

std::vector<std::string> keysOf(const ojson &object)
{
    std::vector<std::string> keys;
    for (const auto &item : object.items())
        keys.push_back(item.key());
    return keys;
}

QString koreanTime(qint64 utcMs, const QString &format)
{
    return koreanWallClock(utcMs).toString(format);
}

class StrictFake : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listen());
        exchange.setStreamInterval(0);
    }

    // A live link of this API, past its handshake (and API 1.0's "Connected" frame).
    std::unique_ptr<RawLink> open(ApiVersion api = ApiVersion::V2)
    {
        auto link = std::make_unique<RawLink>(exchange.url(api));
        EXPECT_TRUE(link->waitForStatus());
        EXPECT_EQ(link->status(), 101);
        if (api == ApiVersion::V1) {
            EXPECT_TRUE(link->waitForFrames(1));
        }
        return link;
    }

    FakeExchange exchange;
};

} // namespace

TEST_F(StrictFake, UnlistedCodesGetSilenceAndTheLinkStaysOpen)
{
    auto link = open();
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    link->sendText(subscribeV2(R"(["KRW-NOPE","krw-btc","BTC-KRW","BTC_KRW"])"));
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    EXPECT_TRUE(subscribed.last().at(1).value<QList<MarketId>>().isEmpty());
    EXPECT_FALSE(exchange.publish(*MarketId::fromV2("KRW-NOPE"), u"100"_s));
    EXPECT_TRUE(exchange.publish(btc, u"130113000"_s)); // listed, but nobody asked for it
    // The same link takes a valid request next; its snapshot is the first frame of all.
    link->sendText(subscribeV2(R"(["KRW-ETH"])"));
    ASSERT_TRUE(link->waitForFrames(1));
    EXPECT_EQ(link->frameJson(0)["code"], "KRW-ETH");
    EXPECT_EQ(link->frameJson(0)["stream_type"], "SNAPSHOT");
    EXPECT_FALSE(link->isClosed());
    EXPECT_EQ(link->frames().size(), 1);
}

TEST_F(StrictFake, ApiOneRegistersAFilterAndSendsOnlyItsListedSymbols)
{
    auto link = open(ApiVersion::V1);
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    link->sendText(R"({"type":"ticker","symbols":["NOPE_KRW","btc_krw","KRW_BTC","ETH_KRW"]})");
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    EXPECT_EQ(subscribed.last().at(1).value<QList<MarketId>>(), QList<MarketId> {eth});
    EXPECT_TRUE(exchange.publish(btc, u"130113000"_s));
    EXPECT_TRUE(exchange.publish(eth, u"4312000"_s));
    ASSERT_TRUE(link->waitForFrames(3));
    EXPECT_EQ(link->frameJson(1)["resmsg"], "Filter Registered Successfully");
    EXPECT_EQ(link->frameJson(2)["content"]["symbol"], "ETH_KRW");
    EXPECT_EQ(link->frames().size(), 3);
}

TEST_F(StrictFake, ApiTwoFramesAreAsOnTheWire)
{
    auto link = open();
    link->sendText(subscribeV2(R"(["KRW-BTC","KRW-SHIB"])"));
    ASSERT_TRUE(link->waitForFrames(2));
    MarketStatus status = MarketStatus::active();
    status.tradingSuspended = true;
    status.delistingDate = QDate(2026, 12, 24);
    status.warning = u"CAUTION"_s;
    exchange.setMarketStatus(btc, status);
    ASSERT_TRUE(exchange.publish(btc, u"130200000"_s));
    ASSERT_TRUE(link->waitForFrames(3));

    const QByteArray snapshot = link->frames().at(0).payload;
    EXPECT_EQ(link->frames().at(0).opcode, Binary);
    EXPECT_TRUE(snapshot.contains(R"("trade_price":130112000,)")) << snapshot.constData();
    EXPECT_TRUE(snapshot.contains(R"("opening_price":130112000,)")) << snapshot.constData();
    EXPECT_TRUE(snapshot.contains(R"("delisting_date":"",)")) << snapshot.constData();
    EXPECT_TRUE(link->frames().at(1).payload.contains(R"("trade_price":0.0123,)"));
    for (const Frame &frame : link->frames()) {
        // No whole number written as a decimal, no exponent.
        EXPECT_FALSE(
            QString::fromUtf8(frame.payload).contains(QRegularExpression(u"\\d\\.0*[,}]"_s)))
            << frame.payload.constData();
        EXPECT_FALSE(frame.payload.contains("e-") || frame.payload.contains("e+"));
        const ojson ticker = ojson::parse(frame.payload.toStdString());
        EXPECT_EQ(keysOf(ticker), docsKeys);
    }
    const ojson realtime = link->frameJson(2);
    EXPECT_EQ(realtime["stream_type"], "REALTIME");
    EXPECT_EQ(realtime["market_state"], "ACTIVE");
    EXPECT_EQ(realtime["is_trading_suspended"], true);
    EXPECT_EQ(realtime["delisting_date"], "2026-12-24");
    EXPECT_EQ(realtime["market_warning"], "CAUTION");
    EXPECT_EQ(link->frameJson(1)["market_warning"], "NONE"); // the status is per market
}

TEST_F(StrictFake, SimpleFormatAbbreviatesTheKeys)
{
    auto link = open();
    link->sendText(subscribeV2(R"(["KRW-BTC"])", R"(,{"format":"SIMPLE"})"));
    ASSERT_TRUE(link->waitForFrames(1));
    const ojson frame = link->frameJson(0);
    EXPECT_EQ(frame["ty"], "ticker");
    EXPECT_EQ(frame["cd"], "KRW-BTC");
    EXPECT_EQ(frame["tp"], 130112000);
    EXPECT_EQ(frame["dd"], "");
    EXPECT_EQ(frame["st"], "SNAPSHOT");
    EXPECT_EQ(keysOf(frame), simpleKeys);
}

TEST_F(StrictFake, SnapshotCarriesTheLastTradeOfAQuietMarket)
{
    const qint64 threeHoursAgo = QDateTime::currentMSecsSinceEpoch() - 3 * hourMs;
    exchange.setLastTrade(btc, threeHoursAgo);
    auto link = open();
    const qint64 sentAfter = QDateTime::currentMSecsSinceEpoch();
    link->sendText(subscribeV2(R"(["KRW-BTC"])"));
    ASSERT_TRUE(link->waitForFrames(1));
    ojson snapshot = link->frameJson(0);
    EXPECT_EQ(snapshot["stream_type"], "SNAPSHOT");
    EXPECT_EQ(snapshot["trade_timestamp"], threeHoursAgo);
    EXPECT_EQ(snapshot["trade_date"], koreanTime(threeHoursAgo, u"yyyyMMdd"_s).toStdString());
    EXPECT_EQ(snapshot["trade_time"], koreanTime(threeHoursAgo, u"HHmmss"_s).toStdString());
    EXPECT_GE(snapshot["timestamp"].get<qint64>(), sentAfter); // sent now

    // A trade scripted at its own time, then a replacing request: a snapshot of that trade.
    const qint64 hourAgo = QDateTime::currentMSecsSinceEpoch() - hourMs;
    ASSERT_TRUE(exchange.publish(btc, u"130500000"_s, hourAgo));
    link->sendText(subscribeV2(R"(["KRW-BTC"])"));
    ASSERT_TRUE(link->waitForFrames(3));
    EXPECT_EQ(link->frameJson(1)["stream_type"], "REALTIME");
    EXPECT_EQ(link->frameJson(1)["trade_timestamp"], hourAgo);
    snapshot = link->frameJson(2);
    EXPECT_EQ(snapshot["stream_type"], "SNAPSHOT");
    EXPECT_EQ(snapshot["trade_timestamp"], hourAgo);
    EXPECT_EQ(snapshot["trade_price"], 130500000);
}

TEST_F(StrictFake, ApiOneTickCarriesItsTradesKoreanTime)
{
    auto link = open(ApiVersion::V1);
    link->sendText(R"({"type":"ticker","symbols":["BTC_KRW"],"tickTypes":["24H"]})");
    ASSERT_TRUE(link->waitForFrames(2));
    const qint64 tradeMs = QDateTime::currentMSecsSinceEpoch() - 3 * hourMs;
    ASSERT_TRUE(exchange.publish(btc, u"130113000"_s, tradeMs));
    ASSERT_TRUE(link->waitForFrames(3));
    const ojson content = link->frameJson(2)["content"];
    EXPECT_EQ(content["date"], koreanTime(tradeMs, u"yyyyMMdd"_s).toStdString());
    EXPECT_EQ(content["time"], koreanTime(tradeMs, u"HHmmss"_s).toStdString());
}

TEST_F(StrictFake, RealtimeFirstSendsANewerTradeBeforeTheOlderSnapshot)
{
    exchange.setSnapshotOrder(FakeExchange::SnapshotOrder::RealtimeFirst);
    const qint64 threeHoursAgo = QDateTime::currentMSecsSinceEpoch() - 3 * hourMs;
    exchange.setLastTrade(btc, threeHoursAgo);
    auto link = open();
    link->sendText(subscribeV2(R"(["KRW-BTC"])"));
    ASSERT_TRUE(link->waitForFrames(2));
    const ojson first = link->frameJson(0), second = link->frameJson(1);
    EXPECT_EQ(first["stream_type"], "REALTIME");
    EXPECT_EQ(second["stream_type"], "SNAPSHOT");
    EXPECT_EQ(second["trade_timestamp"], threeHoursAgo);
    EXPECT_GT(first["trade_timestamp"].get<qint64>(), second["trade_timestamp"].get<qint64>());
}

namespace {

struct ErrorCase
{
    const char *request;
    const char *answer;
};

class StrictFakeErrors : public StrictFake, public ::testing::WithParamInterface<ErrorCase>
{
};

} // namespace

// Each error frame, then a close frame with 1000 (samples/real/v2_error_frames_docs.jsonl).
TEST_P(StrictFakeErrors, AnswersTheExactFrameThenClosesWith1000)
{
    auto link = open();
    link->sendText(GetParam().request);
    ASSERT_TRUE(link->waitForFrames(2));
    ASSERT_TRUE(link->waitForClosed());
    const auto frames = link->frames();
    ASSERT_EQ(frames.size(), 2);
    EXPECT_EQ(frames[0].opcode, Binary);
    EXPECT_EQ(QString::fromUtf8(frames[0].payload), QString::fromUtf8(GetParam().answer));
    EXPECT_EQ(frames[1].opcode, Close);
    EXPECT_EQ(frames[1].payload, QByteArray("\x03\xe8", 2)); // 1000, no reason
}

INSTANTIATE_TEST_SUITE_P(Bithumb, StrictFakeErrors,
    ::testing::Values(
        ErrorCase {
            "hello", R"({"error":{"name":"WRONG_FORMAT","message":"Format 이 맞지 않습니다."}})"},
        ErrorCase {R"({"ticket":"t","type":"ticker","codes":["KRW-BTC"]})",
            R"({"error":{"name":"WRONG_FORMAT","message":"Format 이 맞지 않습니다."}})"},
        ErrorCase {R"([{"ticket":"t"},{"codes":["KRW-BTC"]}])",
            R"({"error":{"name":"WRONG_FORMAT","message":"Format 이 맞지 않습니다."}})"},
        ErrorCase {R"([{"type":"ticker","codes":["KRW-BTC"]}])",
            R"({"error":{"name":"NO_TICKET","message":"티켓이 존재하지 않거나, 유효하지 않습니다."}})"},
        ErrorCase {R"([{"ticket":"t"},{"type":"ticker"}])",
            R"({"error":{"name":"NO_CODES","message":"codes 필드가 존재하지 않습니다."}})"},
        ErrorCase {R"([{"ticket":"t"},{"type":"ticker","codes":[]}])",
            R"({"error":{"name":"INVALID_PARAM","message":"codes 필드가 비어 있습니다."}})"},
        ErrorCase {R"([{"ticket":"t"},{"type":"nope","codes":["KRW-BTC"]}])",
            R"({"error":{"name":"INVALID_PARAM","message":"nope 은 지원하지 않는 타입입니다."}})"},
        ErrorCase {R"([{"ticket":"t"},{"type":"ticker","codes":["KRW-BTC"]},{"format":"XML"}])",
            R"({"error":{"name":"INVALID_PARAM","message":"XML은 지원하지 않는 포맷입니다."}})"}),
    [](const auto &param) { return "Case" + std::to_string(param.index); });

TEST_F(StrictFake, StatusUpEveryIntervalAfterATextPing)
{
    constexpr int intervalMs = 100;
    exchange.setStatusUpInterval(intervalMs);
    auto pinging = open();
    auto silent = open();
    QElapsedTimer clock;
    clock.start();
    pinging->sendText("PING");
    ASSERT_TRUE(pinging->waitForFrames(1));
    EXPECT_GE(clock.elapsed(), intervalMs - 10); // the first after one interval, not at once
    ASSERT_TRUE(pinging->waitForFrames(3));
    for (const Frame &frame : pinging->frames())
        EXPECT_EQ(frame.payload, R"({"status":"UP"})");
    EXPECT_GE(clock.elapsed(), 3 * intervalMs - 10);
    EXPECT_TRUE(silent->frames().isEmpty()); // no PING, no UP
}

namespace {

class StrictFakeLinks : public ::testing::TestWithParam<bool>
{
protected:
    void SetUp() override
    {
        if (GetParam()) {
            ASSERT_TRUE(tls.make()) << "openssl could not make a certificate";
            exchange = std::make_unique<FakeExchange>(tls.serverConfiguration());
        } else {
            exchange = std::make_unique<FakeExchange>();
        }
        ASSERT_TRUE(exchange->listen());
        exchange->setStreamInterval(0);
    }

    test::SelfSignedTls tls;
    std::unique_ptr<FakeExchange> exchange;
};

} // namespace

TEST_P(StrictFakeLinks, IdleLinkIsAbortedWithoutACloseFrameAndPingsKeepOneAlive)
{
    constexpr int idleMs = 1000; // pings every third of it: a loaded machine's stall is no loss
    exchange->setIdleTimeout(idleMs);
    exchange->setStreamInterval(50); // the server's own frames do not count as traffic
    RawLink idle(exchange->url(ApiVersion::V2)), pinging(exchange->url(ApiVersion::V2));
    ASSERT_TRUE(idle.waitForStatus());
    ASSERT_TRUE(pinging.waitForStatus());
    QElapsedTimer clock;
    clock.start();
    idle.sendText(subscribeV2(R"(["KRW-BTC"])"));
    pinging.sendText(subscribeV2(R"(["KRW-BTC"])"));
    QTimer pings;
    QObject::connect(&pings, &QTimer::timeout, [&] { pinging.send(Ping, "p"); });
    pings.start(idleMs / 3);
    ASSERT_TRUE(idle.waitForClosed());
    EXPECT_GE(clock.elapsed(), idleMs - 10);
    EXPECT_GT(idle.framesOf(Binary).size(), 1); // it was streaming all along
    EXPECT_TRUE(idle.framesOf(Close).isEmpty()) << "aborted, not closed";
    // Two idle limits later the pinging link is still there, its pings answered.
    QTest::qWait(2 * idleMs);
    EXPECT_FALSE(pinging.isClosed());
    EXPECT_GE(pinging.framesOf(Pong).size(), 4);
}

TEST_P(StrictFakeLinks, ConnectBurstGets429AndKeepingOnGetsABan)
{
    QSignalSpy refused(exchange.get(), &FakeExchange::connectRefused);
    exchange->setBanDuration(60'000);
    // Bithumb allows 10 a second; 2 here, so that the burst fits in a second however slowly
    // this machine makes TLS handshakes.
    exchange->setConnectLimit(2);
    std::vector<std::unique_ptr<RawLink>> links;
    for (int i = 0; i < 3; ++i)
        links.push_back(std::make_unique<RawLink>(exchange->url(ApiVersion::V2)));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::all_of(links.begin(), links.end(), [](auto &l) { return l->status(); });
        },
        timeoutMs));
    EXPECT_EQ(
        std::count_if(links.begin(), links.end(), [](auto &l) { return l->status() == 101; }), 2);
    const auto tooMany
        = std::find_if(links.begin(), links.end(), [](auto &l) { return l->status() == 429; });
    ASSERT_NE(tooMany, links.end());
    ASSERT_TRUE((*tooMany)->waitForClosed()); // and the TCP link closed
    EXPECT_EQ(refused.size(), 1);
    EXPECT_EQ(exchange->refusedConnects(), 1);

    // Dialling on over the limit for more than a second: banned. With no dial allowed at all,
    // every one is over the limit, however fast this machine dials.
    exchange->setConnectLimit(0);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 1300) {
        RawLink again(exchange->url(ApiVersion::V2));
        ASSERT_TRUE(again.waitForStatus());
        EXPECT_EQ(again.status(), 429);
        QTest::qWait(100);
    }
    // The limit back where it was: the ban still refuses.
    exchange->setConnectLimit(ConnectLimiter::defaultLimit);
    RawLink banned(exchange->url(ApiVersion::V2));
    ASSERT_TRUE(banned.waitForStatus());
    EXPECT_EQ(banned.status(), 429);
    EXPECT_EQ(exchange->refusedConnects(), refused.size());
}

INSTANTIATE_TEST_SUITE_P(WsAndWss, StrictFakeLinks, ::testing::Values(false, true),
    [](const auto &param) { return param.param ? "Wss" : "Ws"; });

// What Qt's own client makes of these (Qt 6.4): a 429 handshake is ConnectionRefusedError with
// Qt's text; an aborted link is RemoteHostClosedError, and closeCode() keeps its default 1000.
TEST_F(StrictFake, QtClientSeesTheRefusalAndTheAbort)
{
    exchange.setConnectLimit(0);
    QWebSocket refused;
    QSignalSpy errors(&refused, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    QSignalSpy refusedDisconnected(&refused, &QWebSocket::disconnected);
    refused.open(exchange.url(ApiVersion::V2));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !refusedDisconnected.isEmpty(); }, timeoutMs));
    // The handshake's answer, then the exchange closing the TCP link: a second error that
    // leaves errorString() as it was, and disconnected().
    ASSERT_EQ(errors.size(), 2);
    EXPECT_EQ(errors.at(0).at(0).value<QAbstractSocket::SocketError>(),
        QAbstractSocket::ConnectionRefusedError);
    EXPECT_EQ(errors.at(1).at(0).value<QAbstractSocket::SocketError>(),
        QAbstractSocket::RemoteHostClosedError);
    EXPECT_EQ(refused.errorString(),
        u"QWebSocketPrivate::processHandshake: Unhandled http status code: 429 (Too Many Requests)."_s);

    exchange.setConnectLimit(10);
    exchange.setIdleTimeout(200);
    QWebSocket idle;
    QSignalSpy connected(&idle, &QWebSocket::connected);
    QSignalSpy disconnected(&idle, &QWebSocket::disconnected);
    QSignalSpy idleErrors(&idle, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    idle.open(exchange.url(ApiVersion::V2));
    ASSERT_TRUE(connected.wait(timeoutMs));
    ASSERT_TRUE(disconnected.wait(timeoutMs));
    ASSERT_FALSE(idleErrors.isEmpty());
    EXPECT_EQ(idleErrors.first().at(0).value<QAbstractSocket::SocketError>(),
        QAbstractSocket::RemoteHostClosedError);
    EXPECT_EQ(idle.closeCode(), QWebSocketProtocol::CloseCodeNormal);
}
