#include "bithumbticker/tickerfeed.h"

#include "threadhandoff.h"

using namespace Qt::StringLiterals;

namespace ticker {

TickerFeed::TickerFeed(FeedConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_thread.setObjectName(u"FeedThread"_s);
}

TickerFeed::~TickerFeed()
{
    stop();
}

void TickerFeed::start()
{
    if (m_client)
        return;
    m_client = new FeedClient(m_config);
    m_client->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_client, &FeedClient::start);
    connect(this, &TickerFeed::marketsRequested, m_client, &FeedClient::setMarkets);
    connect(this, &TickerFeed::redialRequested, m_client, &FeedClient::redialNow);
    connect(this, &TickerFeed::stopRequested, m_client, &FeedClient::stop);
    connect(m_client, &FeedClient::stopped, &m_thread, &QThread::quit, Qt::DirectConnection);
    // Every signal from the worker arrives queued; each slot first takes the hand-off.
    connect(
        m_client, &FeedClient::ticksReceived, this,
        [this](const TickBatch &ticks) {
            handoff::acquire();
            Q_EMIT ticksReceived(ticks);
        },
        Qt::QueuedConnection);
    connect(
        m_client, &FeedClient::serverMessage, this,
        [this](const QString &code, const QString &message, bool isError) {
            handoff::acquire();
            Q_EMIT serverMessage(code, message, isError);
        },
        Qt::QueuedConnection);
    connect(
        m_client, &FeedClient::stateChanged, this,
        [this](FeedClient::State state, const QString &detail, int redialInMs) {
            handoff::acquire();
            m_state = state;
            Q_EMIT stateChanged(state, detail, redialInMs);
        },
        Qt::QueuedConnection);
    m_thread.start();
}

FeedStats TickerFeed::stop()
{
    if (!m_client)
        return m_stats;
    handoff::release();
    Q_EMIT stopRequested();
    m_thread.wait(); // the worker quits its loop once stopped
    handoff::acquire();
    m_stats = m_client->stats();
    delete m_client; // its thread has finished: it can go from here
    m_client = nullptr;
    return m_stats;
}

void TickerFeed::setMarkets(const QList<MarketId> &markets)
{
    m_config.markets = markets;
    handoff::release();
    Q_EMIT marketsRequested(markets);
}

void TickerFeed::redialNow(const QString &why)
{
    handoff::release();
    Q_EMIT redialRequested(why);
}

} // namespace ticker
