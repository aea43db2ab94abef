#pragma once

#include "bithumbticker/connectlimiter.h"
#include "bithumbticker/marketid.h"
#include "bithumbticker/pricewalk.h"
#include "bithumbticker/protocol.h"
#include "bithumbticker/recording.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace ticker {

class FakeRestServer;

// A loopback Bithumb for tests and --demo, as strict as the protocol notes say the real one is:
// a WebSocket server on 127.0.0.1 that answers on API 1.0's path (/pub/ws: status frames,
// string numbers, text frames) and API 2.0's (/websocket/v1: array requests, exact error
// frames and close 1000, binary frames, a snapshot per subscribe), lists only
// fakeListedMarkets() and ignores every other code, refuses connect bursts with HTTP 429 and
// bans, drops links the client leaves idle without a close frame, streams a random walk for
// what is subscribed, and lets tests script exact trades, market states and faults.
class FakeExchange : public QObject
{
    Q_OBJECT
public:
    // API 2.0's {"format":…}: DEFAULT keys or SIMPLE's abbreviated ones.
    enum class Format { Default, Simple };
    // Which comes first after a subscribe: the snapshot, or a newer realtime trade (notes 2.7).
    enum class SnapshotOrder { SnapshotFirst, RealtimeFirst };

    static constexpr int defaultIdleTimeoutMs = 60'000; // observed; the docs say 120 s
    static constexpr int defaultStatusUpIntervalMs = 10'000;

    explicit FakeExchange(QObject *parent = nullptr);
    // Serves wss:// with this certificate and key instead of ws://.
    FakeExchange(const QSslConfiguration &tls, QObject *parent = nullptr);
    ~FakeExchange() override;

    bool listen(quint16 port = 0);
    quint16 port() const;
    QUrl url(ApiVersion api) const;
    // Also serves the REST candle paths of both APIs, on a port of their own, with candles
    // that end at each market's current price.
    bool listenRest(quint16 port = 0);
    QUrl restUrl() const;
    FakeRestServer *rest() const { return m_rest; } // null before listenRest()

    // Every interval, one trade per subscribed market to every client; 0 stops the stream.
    void setStreamInterval(int ms);
    // A trade at this exact price and time, sent to every client subscribed to the market.
    // False (and nothing sent) for an unlisted market or a text that is no price.
    bool publish(const MarketId &market, const QString &priceText,
        qint64 tradeTimeMs = QDateTime::currentMSecsSinceEpoch());
    // One step of the market's random walk, traded now, sent to every client subscribed to it.
    void trade(const MarketId &market);
    // Moves the market's last trade to this time without sending anything: the next snapshot
    // carries it (a quiet market's snapshot is hours old).
    void setLastTrade(const MarketId &market, qint64 tradeTimeMs);
    // The status fields of the market's API 2.0 frames from now on (fakeListedStatus() until
    // set: active, with the catalogue's caution flag).
    void setMarketStatus(const MarketId &market, const MarketStatus &status);
    void setSnapshotOrder(SnapshotOrder order) { m_snapshotOrder = order; }

    // After a client's first text PING, {"status":"UP"} every interval (API 2.0).
    void setStatusUpInterval(int ms) { m_statusUpIntervalMs = ms; }
    // A link on which the client sent nothing (no frame, no ping) for this long is aborted:
    // no close frame, as the exchange does. Applies to links opened afterwards.
    void setIdleTimeout(int ms) { m_idleTimeoutMs = ms; }
    // Connection requests a second per address before HTTP 429 (default 10); only for tests
    // that must redial faster than any client should.
    void setConnectLimit(int perSecond) { m_limiter.setLimit(perSecond); }
    void setBanDuration(int ms) { m_limiter.setBanMs(ms); }
    int refusedConnects() const { return m_refusedConnects; }

    // Plays a recording instead of the random walk (--replay): each link a client opens is
    // served the next recorded link, its frames as they came at the recorded pace divided by
    // speed (0: as fast as the link takes), closed as it was closed; no snapshot, no status of
    // its own. Links opened after the last recorded one stay open and silent.
    void replay(const Recording &recording, double speed);
    int replayLinkCount() const { return int(m_replayLinks.size()); }

    // Sends the same frame to every client (fault injection).
    void sendRaw(const QByteArray &frame, bool binary);
    // A WebSocket ping to every client, for tests only (Bithumb never sends one): its pong
    // says the client has read every frame sent before it.
    void pingAll();
    // Sends count ticks of the subscribed markets to every client, as fast as the link takes.
    void flood(int count);
    // Closes every client link with this WebSocket close code.
    void closeAll(int closeCode = 1000);
    int clientCount() const { return int(m_clients.size()); }

    // How each API encodes a market's last trade: API 1.0 for one tick type, API 2.0 as a
    // SNAPSHOT or REALTIME frame sent at nowMs.
    static QByteArray encodeV1(
        const MarketId &market, const PriceWalk::Quote &quote, const QString &tickType);
    static QByteArray encodeV2(const MarketId &market, const PriceWalk::Quote &quote,
        const MarketStatus &status, bool snapshot, qint64 nowMs, Format format = Format::Default);

Q_SIGNALS:
    void clientConnected(ticker::ApiVersion api);
    void clientDisconnected();
    // A client's subscription was accepted; markets as that client now receives them (the
    // listed ones it asked for).
    void subscribed(ticker::ApiVersion api, const QList<ticker::MarketId> &markets);
    void floodFinished();
    void ponged(); // a client answered pingAll()
    // A connection request was answered with HTTP 429 (too many, or banned).
    void connectRefused();
    void replayFinished(); // the last recorded link has been played

private:
    struct Client;

    void setUp();
    void acceptConnections();
    void watchIdle(QTcpSocket *socket);
    void refuse(QTcpSocket *socket);
    void acceptClient();
    void handleRequest(Client &client, const QByteArray &message);
    void startReplay(Client &client);
    void handleV1Request(Client &client, const QByteArray &message);
    void handleV2Request(Client &client, const QByteArray &message);
    void startStatusUp(Client &client);
    const PriceWalk::Quote &lastTrade(const MarketId &market);
    void sendSnapshots(Client &client);
    void sendTrade(const MarketId &market); // to every client subscribed to it
    void sendTick(
        Client &client, const MarketId &market, const PriceWalk::Quote &quote, bool snapshot);
    void send(Client &client, const QByteArray &frame);
    void streamOnce();
    void floodChunk();
    const QList<QByteArray> &floodFrames(const Client &client, const MarketId &market);

    QTcpServer *m_tcp = nullptr;          // accepts, refuses with 429, watches idleness
    QWebSocketServer *m_server = nullptr; // the WebSocket handshake of admitted links
    bool m_secure = false;
    FakeRestServer *m_rest = nullptr;
    QTimer *m_streamTimer = nullptr;
    std::vector<std::unique_ptr<Client>> m_clients;
    PriceWalk m_walk;
    QHash<MarketId, MarketStatus> m_statuses;
    SnapshotOrder m_snapshotOrder = SnapshotOrder::SnapshotFirst;
    int m_statusUpIntervalMs = defaultStatusUpIntervalMs;
    int m_idleTimeoutMs = defaultIdleTimeoutMs;
    ConnectLimiter m_limiter;
    QElapsedTimer m_monotonic;
    int m_refusedConnects = 0;
    int m_floodLeft = 0;
    struct FloodFrames
    {
        qint64 tradeTimeMs = 0; // every frame's trade time
        QList<QByteArray> frames;
    };
    QHash<QString, FloodFrames> m_floodFrames;
    bool m_replaying = false;
    double m_replaySpeed = 1;
    QList<RecordedEntries> m_replayLinks;
    qsizetype m_nextReplayLink = 0;
};

} // namespace ticker
