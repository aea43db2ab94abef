#pragma once

#include "bithumbticker/feedclient.h"

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
    void redialNow(const QString &why);

    FeedClient::State state() const { return m_state; }
    const FeedConfig &config() const { return m_config; }

Q_SIGNALS:
    void ticksReceived(const ticker::TickBatch &ticks);
    void stateChanged(ticker::FeedClient::State state, const QString &detail, int redialInMs);
    void serverMessage(const QString &code, const QString &message, bool isError);
    // Requests to the worker, queued to its slots.
    void marketsRequested(const QList<ticker::MarketId> &markets);
    void redialRequested(const QString &why);
    void stopRequested();

private:
    FeedConfig m_config;
    QThread m_thread;
    FeedClient *m_client = nullptr;
    FeedStats m_stats; // the final counters, once stopped
    FeedClient::State m_state = FeedClient::State::Idle;
};

} // namespace ticker
