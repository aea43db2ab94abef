#include "bithumbticker/feedclient.h"

#include "bithumbticker/logging.h"

#include <QDateTime>
#include <QTimer>
#include <QWebSocket>

namespace ticker {

namespace {

// Log the first few drops of a kind, then every power of two: a flood of bad frames costs
// a handful of log lines, and the counters keep the exact numbers.
bool shouldLog(quint64 count)
{
    return count <= 4 || (count & (count - 1)) == 0;
}

} // namespace

FeedClient::FeedClient(FeedConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_protocol(Protocol::create(m_config.api, m_config.tickType))
    , m_url(m_config.url.isEmpty() ? m_protocol->defaultUrl() : m_config.url)
    , m_subscribed(m_config.markets.begin(), m_config.markets.end())
{ }

FeedClient::~FeedClient() = default;

qint64 FeedClient::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
}

void FeedClient::start()
{
    if (m_socket)
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_config.maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_config.maxMessageBytes));
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_hasConnected = true;
        setState(State::Live, m_url.toDisplayString());
        subscribe();
    });
    connect(m_socket, &QWebSocket::disconnected, this, &FeedClient::handleClosed);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
        [this](const QString &message) { handleFrame(message.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
        [this](const QByteArray &message) { handleFrame(message); });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            qCWarning(lcFeed) << "link error:" << m_socket->errorString();
        });
    connect(m_socket, &QWebSocket::sslErrors, this, [](const QList<QSslError> &errors) {
        for (const auto &error : errors)
            qCWarning(lcFeed) << "TLS error:" << error.errorString();
    });

    m_redialTimer = new QTimer(this);
    m_redialTimer->setSingleShot(true);
    connect(m_redialTimer, &QTimer::timeout, this, &FeedClient::dial);
    dial();
}

FeedStats FeedClient::stop()
{
    if (m_socket) {
        m_redialTimer->stop();
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
        m_socket = nullptr;
        delete m_redialTimer;
        m_redialTimer = nullptr;
    }
    flush();
    setState(State::Idle);
    return m_stats;
}

void FeedClient::setMarkets(const QList<MarketId> &markets)
{
    const QSet<MarketId> wanted(markets.begin(), markets.end());
    if (wanted == m_subscribed && m_config.markets == markets)
        return;
    m_config.markets = markets;
    m_subscribed = wanted;
    if (m_state == State::Live)
        subscribe();
}

void FeedClient::dial()
{
    if (m_hasConnected)
        ++m_stats.reconnects;
    setState(State::Connecting, m_url.toDisplayString());
    m_socket->open(m_url);
}

void FeedClient::subscribe()
{
    // API 2.0 replaces the old request; API 1.0 may add to it, so ticks of markets no longer
    // wanted are dropped in handleFrame either way.
    const QByteArray message = m_protocol->subscribeMessage(m_config.markets);
    qCInfo(lcFeed) << "subscribing:" << message;
    m_socket->sendTextMessage(QString::fromUtf8(message));
}

void FeedClient::handleClosed()
{
    qCInfo(lcFeed) << "link closed:" << m_socket->closeCode() << m_socket->closeReason();
    flush();
    setState(State::Redialing, m_socket->closeReason());
    m_redialTimer->start(m_config.redialDelayMs);
}

void FeedClient::handleFrame(QByteArrayView frame)
{
    ++m_stats.frames;
    m_stats.bytes += quint64(frame.size());
    if (!m_flushQueued) {
        // Runs once the socket has delivered every message of this read: one batch per read.
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &FeedClient::flush, Qt::QueuedConnection);
    }
    ParsedFrame parsed = m_protocol->parseFrame(frame, now());
    switch (parsed.kind) {
    case ParsedFrame::Kind::Tick:
        if (!m_subscribed.contains(parsed.tick.market)) {
            ++m_stats.ignored;
            return;
        }
        ++m_stats.ticks;
        m_pending.append(std::move(parsed.tick));
        return;
    case ParsedFrame::Kind::Status:
        ++m_stats.statuses;
        qCDebug(lcProtocol) << "status" << parsed.code << parsed.detail;
        Q_EMIT serverMessage(parsed.code, parsed.detail, false);
        return;
    case ParsedFrame::Kind::Error:
        ++m_stats.errors;
        qCWarning(lcProtocol) << "server error" << parsed.code << parsed.detail;
        Q_EMIT serverMessage(parsed.code, parsed.detail, true);
        return;
    case ParsedFrame::Kind::Ignored:
        ++m_stats.ignored;
        return;
    case ParsedFrame::Kind::Rejected: {
        const quint64 count = ++m_stats.rejected[std::size_t(parsed.reason)];
        if (shouldLog(count))
            qCWarning(lcProtocol).noquote()
                << "dropped frame (" << count << "of this kind):" << parsed.detail;
        return;
    }
    }
}

void FeedClient::flush()
{
    m_flushQueued = false;
    if (!m_pending.isEmpty())
        Q_EMIT ticksReceived(std::exchange(m_pending, {}));
    Q_EMIT statsChanged(m_stats);
}

void FeedClient::setState(State state, const QString &detail)
{
    if (state == m_state && state != State::Connecting)
        return;
    m_state = state;
    Q_EMIT stateChanged(state, detail);
}

} // namespace ticker
