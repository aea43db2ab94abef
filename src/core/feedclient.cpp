#include "bithumbticker/feedclient.h"

#include "bithumbticker/logging.h"
#include "threadhandoff.h"

#include <QDateTime>
#include <QScopedValueRollback>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>

namespace ticker {

namespace {

constexpr int checksPerHeartbeat = 4;

// Log the first few drops of a kind, then every power of two: a flood of bad frames costs
// a handful of log lines, and the counters keep the exact numbers.
bool shouldLog(quint64 count)
{
    return count <= 4 || (count & (count - 1)) == 0;
}

// Qt reports a refused handshake only as text: "... Unhandled http status code: 429 (...)".
bool isRateLimitRefusal(const QString &socketError)
{
    return socketError.contains(QLatin1String("status code: 429"));
}

} // namespace

FeedClient::FeedClient(FeedConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_protocol(Protocol::create(m_config.api, m_config.tickType))
    , m_url(m_config.url.isEmpty() ? m_protocol->defaultUrl() : m_config.url)
    , m_subscribed(m_config.markets.begin(), m_config.markets.end())
    , m_backoff(m_config.backoff)
    , m_clock(m_config.maxClockSkewMs)
{
    if (m_config.shownMarkets)
        m_shown = QSet<MarketId>(m_config.shownMarkets->cbegin(), m_config.shownMarkets->cend());
}

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
    if (!m_config.extraCaCertificates.isEmpty()) {
        // Verification stays on; the private CA is trusted in addition to the system's.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_config.extraCaCertificates);
        m_socket->setSslConfiguration(tls);
    }
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_connectTimer->stop();
        heard();
        m_heartbeatChecks = 0;
        m_heartbeatTimer->start(std::max(1, m_config.heartbeatMs / checksPerHeartbeat));
        m_healthyTimer->start(m_config.healthyAfterMs);
        record(RecordedEntry::Kind::Connect, m_url.toEncoded());
        setState(State::Live, {LinkDetail::Why::None, m_url.toDisplayString()});
        subscribe();
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        const int code = int(m_socket->closeCode());
        const QString reason = m_socket->closeReason();
        qCInfo(lcFeed) << "link closed:" << code << reason;
        record(RecordedEntry::Kind::Close, reason.toUtf8(), code);
        // The socket reports its own error (host not found, refused) after this signal, so
        // the reason is chosen once that has had its turn.
        QMetaObject::invokeMethod(
            this,
            [this, code, reason, dialId = m_dialId] {
                if (m_socket && dialId == m_dialId) // not after stop() or a newer dial
                    linkLost(lossReason(code, reason));
            },
            Qt::QueuedConnection);
    });
    connect(m_socket, &QWebSocket::pong, this, [this] { heard(); });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        handleFrame(message.toUtf8(), RecordedEntry::Kind::Text);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
        [this](const QByteArray &message) { handleFrame(message, RecordedEntry::Kind::Binary); });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            const QString error = m_socket->errorString();
            qCWarning(lcFeed) << "link error:" << error;
            if (m_socketError.isEmpty())
                m_socketError = error;
            if (isRateLimitRefusal(error))
                m_rateLimited = true;
            // A refused or failed dial may end without a disconnected signal.
            if (m_state == State::Connecting) {
                linkLost(lossReason(0, {})); // first: abort() reports a plain close
                m_socket->abort();
            }
        });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Verification stays on: the dial fails, and the state says why.
        for (const auto &error : errors)
            qCWarning(lcFeed) << "TLS error:" << error.errorString();
        if (!errors.isEmpty())
            m_lastTlsError = errors.constFirst().errorString();
    });

    const auto makeTimer = [this](auto slot) {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, slot);
        return timer;
    };
    m_redialTimer = makeTimer(&FeedClient::dial);
    m_redialTimer->setSingleShot(true);
    m_connectTimer = makeTimer([this] {
        ++m_stats.connectTimeouts;
        qCWarning(lcFeed) << "dial timed out after" << m_config.connectTimeoutMs << "ms";
        linkLost({LinkDetail::Why::ConnectTimeout});
        m_socket->abort();
    });
    m_connectTimer->setSingleShot(true);
    m_heartbeatTimer = makeTimer(&FeedClient::checkHeartbeat);
    m_healthyTimer = makeTimer([this] { m_backoff.reset(); });
    m_healthyTimer->setSingleShot(true);
    m_handoffTimer = makeTimer(&FeedClient::flush);
    m_handoffTimer->setSingleShot(true);
    dial();
}

void FeedClient::stop()
{
    handoff::acquire();
    if (m_socket) {
        for (QTimer *timer :
            {m_redialTimer, m_connectTimer, m_heartbeatTimer, m_healthyTimer, m_handoffTimer})
            delete timer;
        m_handoffTimer = nullptr;
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
        m_socket = nullptr;
    }
    flush();
    setState(State::Idle);
    handoff::release();
    Q_EMIT stopped();
}

void FeedClient::setMarkets(const QList<MarketId> &markets)
{
    handoff::acquire();
    const QSet<MarketId> wanted(markets.begin(), markets.end());
    if (wanted == m_subscribed && m_config.markets == markets)
        return;
    m_config.markets = markets;
    m_subscribed = wanted;
    if (m_state == State::Live)
        subscribe();
}

void FeedClient::redialNow(const LinkDetail &why)
{
    handoff::acquire();
    if (!m_socket || m_state == State::Connecting)
        return;
    if (m_state == State::RateLimited) {
        // Every dial during Bithumb's ban extends it: a network change does not end it.
        qCInfo(lcFeed) << "not redialling during the exchange's ban:" << why.logText();
        return;
    }
    qCInfo(lcFeed) << "redialling at once:" << why.logText();
    if (m_state == State::Live) {
        linkLost(why);
        m_socket->abort();
    }
    if (m_redialTimer->isActive()) {
        m_redialTimer->stop();
        dial();
    }
}

void FeedClient::setRecording(bool on)
{
    handoff::acquire();
    if (on == m_recording)
        return;
    if (!on) {
        flush(); // what was tapped before goes out first
        m_recording = false;
        return;
    }
    m_recording = true;
    if (m_state == State::Live) {
        record(RecordedEntry::Kind::Connect, m_url.toEncoded());
        record(RecordedEntry::Kind::Subscribe, m_subscribeMessage);
    }
}

void FeedClient::record(RecordedEntry::Kind kind, const QByteArray &data, int code)
{
    if (!m_recording)
        return;
    m_recordPending.append(RecordedEntry {kind, now(), m_dialId, data, code});
    queueFlush();
}

void FeedClient::queueFlush(bool shown)
{
    if (m_parsingHeld)
        return;
    const int spacingMs = shown ? m_config.handoffSpacingMs : m_config.sideHandoffMs;
    const qint64 since = m_sinceHandoff.isValid() ? m_sinceHandoff.elapsed() : spacingMs;
    const qint64 waitMs
        = m_config.handoffIntervalMs > 0 ? m_config.handoffIntervalMs : spacingMs - since;
    if (m_flushQueued) {
        // Only a timer can come sooner; a queued flush goes at the end of this read anyway.
        if (!m_handoffTimer || !m_handoffTimer->isActive()
            || waitMs >= m_handoffTimer->remainingTime())
            return;
        m_handoffTimer->stop();
    }
    m_flushQueued = true;
    if (m_handoffTimer && waitMs > 0)
        m_handoffTimer->start(int(waitMs));
    else // once the socket has delivered every message of this read
        QMetaObject::invokeMethod(this, &FeedClient::flush, Qt::QueuedConnection);
}

bool FeedClient::isShown(const MarketId &market) const
{
    return !m_shown || m_shown->contains(market);
}

void FeedClient::setShownMarkets(const QList<MarketId> &markets)
{
    handoff::acquire();
    m_shown = QSet<MarketId>(markets.cbegin(), markets.cend());
    // A market shown now has its held ticks shown now.
    if (std::any_of(m_pending.cbegin(), m_pending.cend(),
            [this](const Tick &tick) { return isShown(tick.market); }))
        queueFlush(true);
}

void FeedClient::setHandoffIntervalMs(int ms)
{
    handoff::acquire();
    m_config.handoffIntervalMs = std::max(0, ms);
    if (m_flushQueued && m_handoffTimer && m_handoffTimer->isActive()
        && m_config.handoffIntervalMs < m_handoffTimer->remainingTime())
        flush(); // watched again: what is held goes now
}

void FeedClient::dial()
{
    if (m_hasDialled)
        ++m_stats.reconnects;
    m_hasDialled = true;
    ++m_dialId;
    m_lastTlsError.clear();
    m_socketError.clear();
    m_rateLimited = false;
    setState(State::Connecting, {LinkDetail::Why::None, m_url.toDisplayString()});
    m_connectTimer->start(m_config.connectTimeoutMs);
    m_socket->open(m_url);
}

void FeedClient::subscribe()
{
    // API 2.0 replaces the old request; API 1.0 may add to it, so ticks of markets no longer
    // wanted are dropped in handleFrame either way.
    const QByteArray message = m_protocol->subscribeMessage(m_config.markets);
    qCInfo(lcFeed) << "subscribing:" << message;
    m_subscribeMessage = message;
    record(RecordedEntry::Kind::Subscribe, message);
    m_socket->sendTextMessage(QString::fromUtf8(message));
}

void FeedClient::heard()
{
    m_sinceHeard.start();
    m_heardSinceCheck = false;
}

FeedClient::MarketTrack &FeedClient::trackOf(const MarketId &market)
{
    // Ticks come in runs of one market: remember the last one looked up.
    if (!m_lastTrack || !(m_lastTrackMarket == market)) {
        // Valid until the next insertion, and only this function inserts.
        m_lastTrack = &m_tracks[market];
        m_lastTrackMarket = market;
    }
    return *m_lastTrack;
}

void FeedClient::checkHeartbeat()
{
    // A quiet market on a live link still answers pings; only a link that answers nothing
    // for two heartbeats is dead (half-open, frozen, or dropped without a close frame).
    // Checking four times a heartbeat finds it within a quarter heartbeat of that.
    if (m_heardSinceCheck)
        heard();
    if (m_sinceHeard.elapsed() >= 2 * qint64(m_config.heartbeatMs)) {
        ++m_stats.deadLinks;
        qCWarning(lcFeed) << "no answer for" << m_sinceHeard.elapsed() << "ms: link is dead";
        linkLost({LinkDetail::Why::NoAnswer});
        m_socket->abort();
        return;
    }
    if (++m_heartbeatChecks % checksPerHeartbeat == 0) {
        m_socket->ping();
        countStaleMarkets();
    }
}

void FeedClient::countStaleMarkets()
{
    const qint64 nowMs = now();
    for (const MarketId &market : std::as_const(m_subscribed)) {
        const auto it = m_tracks.constFind(market);
        if (it == m_tracks.constEnd() || !it->rhythm.isStale(nowMs)
            || m_staleMarkets.contains(market))
            continue;
        m_staleMarkets.insert(market);
        ++m_stats.stalePeriods;
        qCInfo(lcFeed).noquote() << market.toV1() << "is silent for"
                                 << (nowMs - it->rhythm.lastMs()) << "ms on a live link";
    }
}

LinkDetail FeedClient::lossReason(int closeCode, const QString &closeReason)
{
    if (!m_lastTlsError.isEmpty())
        return {LinkDetail::Why::Tls, m_lastTlsError};
    if (!m_socketError.isEmpty())
        return {LinkDetail::Why::SocketError, m_socketError};
    return {LinkDetail::Why::ServerClosed, closeReason, closeCode};
}

void FeedClient::linkLost(const LinkDetail &why)
{
    if (m_redialTimer->isActive())
        return; // already counted and scheduled
    m_connectTimer->stop();
    m_heartbeatTimer->stop();
    m_healthyTimer->stop();
    flush();
    if (m_rateLimited) {
        // Every dial during Bithumb's ban extends it: wait it out, whatever the backoff says.
        ++m_stats.rateLimited;
        const int delay = m_config.rateLimitWaitMs;
        qCWarning(lcFeed) << "rate-limited by the exchange (HTTP 429), next dial in" << delay
                          << "ms";
        record(RecordedEntry::Kind::Redial, why.logText().toUtf8(), delay);
        setState(State::RateLimited, why, delay);
        m_redialTimer->start(delay);
        return;
    }
    // A link that was live and healthy is retried at once (after the floor); a failed
    // retry, or a link that keeps dropping, backs off.
    const bool wasHealthy = m_state == State::Live && m_backoff.failures() == 0;
    const int delay = wasHealthy ? m_backoff.quickRetryMs() : m_backoff.nextDelayMs();
    qCInfo(lcFeed).noquote() << "link lost (" << why.logText() << "), redialling in" << delay
                             << "ms";
    record(RecordedEntry::Kind::Redial, why.logText().toUtf8(), delay);
    setState(State::Redialing, why, delay);
    m_redialTimer->start(delay);
}

void FeedClient::handleFrame(const QByteArray &frame, RecordedEntry::Kind kind)
{
    ++m_stats.frames;
    m_stats.bytes += quint64(frame.size());
    m_heardSinceCheck = true; // cheaper than reading the clock for every frame
    const qint64 receivedMs = now();
    if (m_recording) {
        m_recordPending.append(RecordedEntry {kind, receivedMs, m_dialId, frame, 0});
        queueFlush();
    }
    // Once one is held, the rest wait behind it: parsed first, a newer trade would make the
    // held ones look out of order.
    if (m_config.handoffIntervalMs > 0 || !m_held.isEmpty()) {
        m_held.append({frame, receivedMs});
        queueFlush();
        return;
    }
    parseFrame(frame, receivedMs);
}

void FeedClient::parseHeldFrames()
{
    const QScopedValueRollback parsing(m_parsingHeld, true); // what they queue goes now
    for (const HeldFrame &held : std::exchange(m_held, {}))
        parseFrame(held.frame, held.receivedMs);
}

void FeedClient::parseFrame(const QByteArray &frame, qint64 receivedMs)
{
    ParsedFrame parsed = m_protocol->parseFrame(frame, receivedMs);
    switch (parsed.kind) {
    case ParsedFrame::Kind::Tick:
        acceptTick(parsed);
        return;
    case ParsedFrame::Kind::Status:
        ++m_stats.statuses;
        qCDebug(lcProtocol) << "status" << parsed.code << parsed.detail;
        handoff::release();
        Q_EMIT serverMessage(parsed.code, parsed.detail, false);
        return;
    case ParsedFrame::Kind::Error:
        ++m_stats.errors;
        qCWarning(lcProtocol) << "server error" << parsed.code << parsed.detail;
        handoff::release();
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

void FeedClient::acceptTick(ParsedFrame &parsed)
{
    Tick &tick = parsed.tick;
    if (!m_subscribed.contains(tick.market)) {
        ++m_stats.ignored;
        return;
    }
    // A market's time never runs backwards: a snapshot or a late frame older than the last
    // trade accepted is history, not news. Equal times are kept (one second holds many),
    // except a snapshot of the very trade already shown (each resubscribe sends one).
    MarketTrack &track = trackOf(tick.market);
    if (tick.exchangeTimeMs < track.lastTradeMs) {
        const quint64 count = ++m_stats.outOfOrder;
        if (shouldLog(count))
            qCInfo(lcProtocol).noquote() << "dropped an out-of-order tick of" << tick.market.toV1()
                                         << "(" << (track.lastTradeMs - tick.exchangeTimeMs)
                                         << "ms older than the last;" << count << "so far)";
        return;
    }
    if (tick.isSnapshot() && tick.exchangeTimeMs == track.lastTradeMs
        && tick.priceText == track.lastPriceText) {
        ++m_stats.ignored;
        return;
    }
    for (const FieldDrop &drop : std::as_const(parsed.droppedFields)) {
        const quint64 count = ++m_stats.droppedFields[std::size_t(drop.reason)];
        if (shouldLog(count))
            qCWarning(lcProtocol).noquote()
                << "dropped a field (" << count << "of this kind), kept the tick:" << drop.detail;
    }
    track.lastTradeMs = tick.exchangeTimeMs;
    track.lastPriceText = tick.priceText;
    tick.localTimeMs = localTradeTime(tick);
    ++m_stats.ticks;
    track.rhythm.record(tick.localTimeMs, !tick.isSnapshot());
    if (!m_staleMarkets.isEmpty())
        m_staleMarkets.remove(tick.market);
    const bool shown = isShown(tick.market);
    m_pending.append(std::move(tick));
    queueFlush(shown);
}

qint64 FeedClient::localTradeTime(const Tick &tick)
{
    // Only frames sent as they happen tell the clocks apart: a snapshot's send time may be
    // its own trade's.
    if (tick.serverTimeMs > 0 && !tick.isSnapshot()
        && m_clock.sample(tick.receivedMs - tick.serverTimeMs)) {
        if (m_clock.isSkewed())
            qCWarning(lcFeed) << "this machine's clock and the exchange's differ by"
                              << m_clock.offsetMs() << "ms: ages are measured from receive times";
        else
            qCInfo(lcFeed) << "this machine's clock agrees with the exchange's again";
    }
    // Skewed: the trade is as old as it was when the exchange sent it, plus the trip here.
    const qint64 local
        = m_clock.isSkewed() ? tick.exchangeTimeMs + m_clock.offsetMs() : tick.exchangeTimeMs;
    return std::min(local, tick.receivedMs);
}

void FeedClient::flush()
{
    parseHeldFrames();
    m_flushQueued = false;
    m_sinceHandoff.start();
    if (m_handoffTimer)
        m_handoffTimer->stop();
    handoff::release();
    if (!m_pending.isEmpty())
        Q_EMIT ticksReceived(std::exchange(m_pending, {}));
    if (!m_recordPending.isEmpty())
        Q_EMIT recorded(std::exchange(m_recordPending, {}));
}

void FeedClient::setState(State state, const LinkDetail &detail, int redialInMs)
{
    if (state == m_state && state != State::Connecting && state != State::Redialing
        && state != State::RateLimited)
        return;
    m_state = state;
    handoff::release();
    Q_EMIT stateChanged(state, detail, redialInMs);
}

} // namespace ticker
