#include "bithumbticker/tickerfeed.h"

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
    connect(&m_thread, &QThread::finished, m_client, &QObject::deleteLater);
    connect(m_client, &FeedClient::ticksReceived, this, &TickerFeed::ticksReceived,
        Qt::QueuedConnection);
    connect(m_client, &FeedClient::serverMessage, this, &TickerFeed::serverMessage,
        Qt::QueuedConnection);
    connect(
        m_client, &FeedClient::stateChanged, this,
        [this](FeedClient::State state, const QString &detail, int redialInMs) {
            m_state = state;
            Q_EMIT stateChanged(state, detail, redialInMs);
        },
        Qt::QueuedConnection);
    connect(
        m_client, &FeedClient::statsChanged, this,
        [this](const FeedStats &stats) { m_stats = stats; }, Qt::QueuedConnection);
    m_thread.start();
}

FeedStats TickerFeed::stop()
{
    if (!m_client)
        return m_stats;
    QMetaObject::invokeMethod(m_client, &FeedClient::stop, Qt::BlockingQueuedConnection, &m_stats);
    m_thread.quit();
    m_thread.wait();
    m_client = nullptr; // deleted on its thread by QThread::finished
    return m_stats;
}

void TickerFeed::setMarkets(const QList<MarketId> &markets)
{
    m_config.markets = markets;
    if (m_client)
        QMetaObject::invokeMethod(
            m_client, [client = m_client, markets] { client->setMarkets(markets); });
}

} // namespace ticker

namespace ticker {

void TickerFeed::redialNow(const QString &why)
{
    if (m_client)
        QMetaObject::invokeMethod(m_client, [client = m_client, why] { client->redialNow(why); });
}

} // namespace ticker
