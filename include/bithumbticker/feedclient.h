#pragma once

#include "bithumbticker/backoff.h"
#include "bithumbticker/clockoffset.h"
#include "bithumbticker/feedconfig.h"
#include "bithumbticker/feedstats.h"
#include "bithumbticker/linkdetail.h"
#include "bithumbticker/marketrhythm.h"
#include "bithumbticker/protocol.h"
#include "bithumbticker/recording.h"
#include "bithumbticker/tick.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

class QWebSocket;
class QTimer;

namespace ticker {

// The worker that talks to Bithumb. It lives on a worker QThread: start() runs there and
// creates the socket and timers there; everything it tells the GUI goes out as signals, and
// ticks leave in batches (FeedConfig's hand-off spacings). It pings every heartbeat, declares a
// link dead after two silent heartbeats, and redials with jittered exponential backoff.
class FeedClient : public QObject
{
    Q_OBJECT
public:
    // RateLimited: Bithumb refused the handshake with HTTP 429; the next dial waits out its ban.
    enum class State { Idle, Connecting, Live, Redialing, RateLimited };
    Q_ENUM(State)

    explicit FeedClient(FeedConfig config, QObject *parent = nullptr);
    ~FeedClient() override;

public Q_SLOTS:
    void start();
    // Closes the link, sends the final counters, then says stopped(). The slots taking
    // requests from another thread start by taking the hand-off (threadhandoff.h).
    void stop();
    void setMarkets(const QList<ticker::MarketId> &markets);
    // Dial at once instead of waiting out the backoff (network back, or the machine woke up).
    void redialNow(const ticker::LinkDetail &why);
    // The frame tap: while on, every frame received and every link event also leaves in
    // recorded(), batched like the ticks. Turned on mid-link, it starts with that link's
    // connect and subscribe, so a recording always begins with a whole link.
    void setRecording(bool on);
    void setHandoffIntervalMs(int ms); // FeedConfig::handoffIntervalMs, while running
    // The markets whose ticks go a frame apart at most (FeedConfig::sideHandoffMs).
    void setShownMarkets(const QList<ticker::MarketId> &markets);

Q_SIGNALS:
    void ticksReceived(const ticker::TickBatch &ticks);
    // detail: Connecting, Live: the URL; Redialing, RateLimited: why. redialInMs: with
    // State::Redialing or RateLimited, how long until the next dial.
    void stateChanged(
        ticker::FeedClient::State state, const ticker::LinkDetail &detail, int redialInMs);
    // A status or error the server sent (API 1.0 status frames, API 2.0 error frames).
    void serverMessage(const QString &code, const QString &message, bool isError);
    void stopped(); // after stop(): nothing more will be sent
    void recorded(const ticker::RecordedEntries &entries);

public:
    FeedStats stats() const { return m_stats; } // read by TickerFeed after the thread ends

private:
    // What the feed knows of one market: its rhythm and the newest trade accepted.
    struct MarketTrack
    {
        MarketRhythm rhythm;
        qint64 lastTradeMs = 0; // by the exchange's clock
        QString lastPriceText;
    };

    void dial();
    void subscribe();
    void handleFrame(const QByteArray &frame, RecordedEntry::Kind kind);
    void parseFrame(const QByteArray &frame, qint64 receivedMs);
    void parseHeldFrames();
    void record(RecordedEntry::Kind kind, const QByteArray &data, int code = 0);
    // A hand-off within the spacing of the side's or the shown markets' ticks, whichever is
    // sooner (a shown tick brings forward a flush the side queued).
    void queueFlush(bool shown = false);
    bool isShown(const MarketId &market) const;
    void acceptTick(ParsedFrame &parsed);
    qint64 localTradeTime(const Tick &tick);
    void heard();
    void checkHeartbeat();
    void countStaleMarkets();
    MarketTrack &trackOf(const MarketId &market);
    void linkLost(const LinkDetail &why);
    LinkDetail lossReason(int closeCode, const QString &closeReason);
    void flush();
    void setState(State state, const LinkDetail &detail = {}, int redialInMs = 0);
    qint64 now() const;

    FeedConfig m_config;
    std::unique_ptr<Protocol> m_protocol;
    QUrl m_url;
    QSet<MarketId> m_subscribed;
    QHash<MarketId, MarketTrack> m_tracks;
    QSet<MarketId> m_staleMarkets; // silent beyond their rhythm, counted once per silence
    MarketId m_lastTrackMarket;
    MarketTrack *m_lastTrack = nullptr;
    Backoff m_backoff;
    QWebSocket *m_socket = nullptr;
    QTimer *m_redialTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    QTimer *m_healthyTimer = nullptr;
    QTimer *m_handoffTimer = nullptr;
    QElapsedTimer m_sinceHandoff;
    QString m_lastTlsError;     // why the current dial's handshake was refused, as Qt says it
    QString m_socketError;      // the socket's own first error since the dial
    bool m_rateLimited = false; // the current dial was refused with HTTP 429
    ClockOffset m_clock;        // this machine's clock against the exchange's
    quint64 m_dialId = 0;       // which dial a deferred loss belongs to
    QElapsedTimer m_sinceHeard; // monotonic: immune to wall-clock jumps
    bool m_heardSinceCheck = false;
    State m_state = State::Idle;
    int m_heartbeatChecks = 0;
    bool m_hasDialled = false;
    bool m_flushQueued = false;
    std::optional<QSet<MarketId>> m_shown; // FeedConfig::shownMarkets, for lookups
    TickBatch m_pending;
    // Unwatched, frames wait for the hand-off to be parsed: one pass over a few frames with the
    // parser's code and data warm, not a cold start for every frame.
    struct HeldFrame
    {
        QByteArray frame;
        qint64 receivedMs;
    };
    QList<HeldFrame> m_held;
    bool m_parsingHeld = false;
    bool m_recording = false;
    RecordedEntries m_recordPending;
    QByteArray m_subscribeMessage; // the current link's, for a recording started mid-link
    FeedStats m_stats;
};

} // namespace ticker
