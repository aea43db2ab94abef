#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/pricewalk.h"
#include "bithumbticker/protocol.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

class QSslConfiguration;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace ticker {

class FakeRestServer;

// A loopback Bithumb for tests and --demo: a QWebSocketServer on 127.0.0.1 that answers on
// API 1.0's path (/pub/ws: status frames, string numbers, text frames) and API 2.0's
// (/websocket/v1: array requests, error frames, binary frames), streams a random walk for
// whatever is subscribed, and lets tests script exact ticks and faults.
class FakeExchange : public QObject
{
    Q_OBJECT
public:
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

    // Every interval, one tick per subscribed market to every client; 0 stops the stream.
    void setStreamInterval(int ms);
    // Sends this exact price for the market to every client subscribed to it.
    void publish(const MarketId &market, const QString &priceText);
    // Sends the same frame to every client (fault injection).
    void sendRaw(const QByteArray &frame, bool binary);
    // Sends count ticks of the subscribed markets to every client, as fast as the link takes.
    void flood(int count);
    // Closes every client link with this WebSocket close code.
    void closeAll(int closeCode = 1000);
    int clientCount() const { return int(m_clients.size()); }

    // How one API encodes one tick, and how a V1 tick frame for a tick type looks.
    static QByteArray encodeV1(const MarketId &market, const PriceWalk::Quote &quote,
        const QString &tickType, qint64 nowMs);
    static QByteArray encodeV2(
        const MarketId &market, const PriceWalk::Quote &quote, bool snapshot, qint64 nowMs);

Q_SIGNALS:
    void clientConnected(ticker::ApiVersion api);
    void clientDisconnected();
    // A client's subscription was accepted; markets as that client now receives them.
    void subscribed(ticker::ApiVersion api, const QList<ticker::MarketId> &markets);
    void floodFinished();

private:
    struct Client;

    void acceptClient();
    void handleRequest(Client &client, const QByteArray &message);
    void handleV1Request(Client &client, const QByteArray &message);
    void handleV2Request(Client &client, const QByteArray &message);
    void sendTick(Client &client, const MarketId &market, bool snapshot);
    void send(Client &client, const QByteArray &frame);
    void streamOnce();
    void floodChunk();
    const QList<QByteArray> &floodFrames(const Client &client, const MarketId &market);

    void setUp();

    QWebSocketServer *m_server = nullptr;
    FakeRestServer *m_rest = nullptr;
    QTimer *m_streamTimer = nullptr;
    std::vector<std::unique_ptr<Client>> m_clients;
    PriceWalk m_walk;
    int m_floodLeft = 0;
    QHash<QString, QList<QByteArray>> m_floodFrames;
};

} // namespace ticker
