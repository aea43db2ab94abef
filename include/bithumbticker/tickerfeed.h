#pragma once

#include "bithumbticker/feedclient.h"
#include "bithumbticker/recordingwriter.h"

#include <QObject>
#include <QThread>

namespace ticker {

// The feed as the GUI thread sees it: owns the worker thread and the FeedClient on it,
// forwards the client's signals as queued ones, and shuts both down cleanly.
class TickerFeed : public QObject
{
    Q_OBJECT
public:
    explicit TickerFeed(FeedConfig config, QObject *parent = nullptr);
    ~TickerFeed() override;

    void start();
    FeedStats stop(); // blocks until the worker has closed its link; returns final counters
    void setMarkets(const QList<MarketId> &markets);
    void redialNow(const ticker::LinkDetail &why);
    // Ticks come at most every ms (0: as they are read, a frame apart at most).
    void setHandoffIntervalMs(int ms);
    // Unwatched (no window shows prices), every unwatchedHandoffMs; watched, as they are read.
    void setWatched(bool watched) { setHandoffIntervalMs(watched ? 0 : unwatchedHandoffMs); }
    static constexpr int unwatchedHandoffMs = 250;
    // The markets a window shows as they happen: their ticks go a frame apart at most, the
    // others' with them or FeedConfig::sideHandoffMs apart. Until said, every market is shown.
    void setShownMarkets(const QList<MarketId> &markets);
    std::optional<QList<MarketId>> shownMarkets() const { return m_config.shownMarkets; }

    // Records every frame and link event to path (recording.h) on a writer thread of its own,
    // before start() or while running. symbols: the markets as the user spelled them, for
    // the header. False and *error set when the file cannot be written.
    bool startRecording(const QString &path, const QStringList &symbols, QString *error);
    qint64 stopRecording(); // the file's size; blocks until it is flushed and closed
    bool isRecording() const { return m_writer != nullptr; }
    QString recordingPath() const { return m_recordingPath; }

    FeedClient::State state() const { return m_state; }
    const FeedConfig &config() const { return m_config; }

Q_SIGNALS:
    void ticksReceived(const ticker::TickBatch &ticks);
    void stateChanged(
        ticker::FeedClient::State state, const ticker::LinkDetail &detail, int redialInMs);
    void serverMessage(const QString &code, const QString &message, bool isError);
    // Requests to the worker, queued to its slots.
    void marketsRequested(const QList<ticker::MarketId> &markets);
    void redialRequested(const ticker::LinkDetail &why);
    void handoffIntervalRequested(int ms);
    void shownMarketsRequested(const QList<ticker::MarketId> &markets);
    void stopRequested();
    void recordingProgress(qint64 fileBytes); // at least once a second while recording
    // The recording stopped on its own (a full disk): why, with the path. Said once, at the
    // latest by stopRecording().
    void recordingFailed(const QString &error);

private:
    void tapInto(FeedClient *client);

    FeedConfig m_config;
    QThread m_thread;
    QThread m_writerThread;
    RecordingWriter *m_writer = nullptr;
    QString m_recordingPath;
    FeedClient *m_client = nullptr;
    FeedStats m_stats; // the final counters, once stopped
    FeedClient::State m_state = FeedClient::State::Idle;
};

} // namespace ticker
