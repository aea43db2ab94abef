#pragma once

#include "bithumbticker/feedconfig.h"
#include "bithumbticker/feedstats.h"
#include "bithumbticker/protocol.h"
#include "bithumbticker/tick.h"

#include <QAbstractSocket>
#include <QObject>
#include <QSet>

#include <memory>

class QWebSocket;
class QTimer;

namespace ticker {

// The worker that talks to Bithumb. It lives on a worker QThread: start() runs there and
// creates the socket and timers there; everything it tells the GUI goes out as signals, and
// the ticks of one socket read leave as one batch.
class FeedClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Live, Redialing };
    Q_ENUM(State)

    explicit FeedClient(FeedConfig config, QObject *parent = nullptr);
    ~FeedClient() override;

    FeedStats stats() const { return m_stats; }

public Q_SLOTS:
    void start();
    FeedStats stop(); // closes the link and returns the final counters
    void setMarkets(const QList<ticker::MarketId> &markets);

Q_SIGNALS:
    void ticksReceived(const ticker::TickBatch &ticks);
    void stateChanged(ticker::FeedClient::State state, const QString &detail);
    // A status or error the server sent (API 1.0 status frames, API 2.0 error frames).
    void serverMessage(const QString &code, const QString &message, bool isError);
    void statsChanged(const ticker::FeedStats &stats);

private:
    void dial();
    void subscribe();
    void handleFrame(QByteArrayView frame);
    void handleClosed();
    void flush();
    void setState(State state, const QString &detail = {});
    qint64 now() const;

    FeedConfig m_config;
    std::unique_ptr<Protocol> m_protocol;
    QUrl m_url;
    QSet<MarketId> m_subscribed;
    QWebSocket *m_socket = nullptr;
    QTimer *m_redialTimer = nullptr;
    State m_state = State::Idle;
    bool m_hasConnected = false;
    bool m_flushQueued = false;
    TickBatch m_pending;
    FeedStats m_stats;
};

} // namespace ticker
