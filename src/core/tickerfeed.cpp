#include "bithumbticker/tickerfeed.h"

#include "bithumbticker/logging.h"
#include "threadhandoff.h"

#include <QDateTime>

#include <openssl/crypto.h>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

// The recording's writer yields to the feed when both want a core: it has a buffer and can
// catch up, the feed cannot. Nice 10 (Linux nice values are per thread), not SCHED_IDLE, so
// a busy machine still lets it flush every half second.
void yieldToTheFeed()
{
#ifdef Q_OS_LINUX
    if (setpriority(PRIO_PROCESS, id_t(gettid()), 10) != 0)
        qCInfo(lcRecord) << "the recording thread keeps its priority:" << qt_error_string(errno);
#endif
}

} // namespace

TickerFeed::TickerFeed(FeedConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_thread.setObjectName(u"FeedThread"_s);
    m_writerThread.setObjectName(u"RecordingThread"_s);
    connect(&m_writerThread, &QThread::started, &m_writerThread, yieldToTheFeed,
        Qt::DirectConnection); // runs on the writer's thread, as it starts
}

TickerFeed::~TickerFeed()
{
    stop();
    stopRecording();
}

bool TickerFeed::startRecording(const QString &path, const QStringList &symbols, QString *error)
{
    stopRecording();
    RecordingHeader header;
    header.api = m_config.api;
    header.tickType = m_config.tickType;
    header.url
        = (m_config.url.isEmpty() ? Protocol::create(m_config.api)->defaultUrl() : m_config.url)
              .toString();
    header.symbols = symbols;
    header.startedMs = m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
    // Opened here, then moved: the file and its flush timer go with the writer to its thread.
    m_writer = new RecordingWriter;
    if (!m_writer->open(path, header, error)) {
        delete m_writer;
        m_writer = nullptr;
        return false;
    }
    m_writer->moveToThread(&m_writerThread);
    m_writerThread.start();
    connect(
        m_writer, &RecordingWriter::progress, this,
        [this](qint64 bytes) {
            handoff::acquire();
            Q_EMIT recordingProgress(bytes);
        },
        Qt::QueuedConnection);
    connect(
        m_writer, &RecordingWriter::failed, this,
        [this, writer = m_writer](const QString &) {
            handoff::acquire();
            if (m_writer == writer) // not a newer recording's
                stopRecording();    // says why
        },
        Qt::QueuedConnection);
    m_recordingPath = path;
    if (m_client)
        tapInto(m_client);
    return true;
}

void TickerFeed::tapInto(FeedClient *client)
{
    // Worker to worker: the frames never pass through this thread.
    connect(client, &FeedClient::recorded, m_writer, &RecordingWriter::write);
    QMetaObject::invokeMethod(client, "setRecording", Qt::QueuedConnection, Q_ARG(bool, true));
}

qint64 TickerFeed::stopRecording()
{
    if (!m_writer)
        return 0;
    handoff::release();
    if (m_client && m_thread.isRunning()) {
        // The tap's last batch is queued to the writer before the writer is asked to close.
        QMetaObject::invokeMethod(
            m_client, "setRecording", Qt::BlockingQueuedConnection, Q_ARG(bool, false));
    }
    if (m_client)
        disconnect(m_client, &FeedClient::recorded, m_writer, nullptr);
    // Queued after every write the tap sent; by name, so no functor of this thread's is run
    // on that one (TSan cannot see Qt's hand-over of it).
    QMetaObject::invokeMethod(m_writer, "close", Qt::BlockingQueuedConnection);
    m_writerThread.quit();
    m_writerThread.wait();
    handoff::acquire();
    const qint64 bytes = m_writer->fileBytes();
    const QString failure = m_writer->failure();
    delete m_writer;
    m_writer = nullptr;
    m_recordingPath.clear();
    if (!failure.isEmpty())
        Q_EMIT recordingFailed(failure);
    return bytes;
}

void TickerFeed::start()
{
    if (m_client)
        return;
    m_client = new FeedClient(m_config);
    m_client->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_client, &FeedClient::start);
    // OpenSSL keeps state per thread, which both the thread's own exit and OpenSSL's atexit
    // cleanup free; a QThread is detached, so a process ending just after stop() can free it
    // twice (ASan caught it). Freed here, on the thread, before wait() returns.
    connect(
        &m_thread, &QThread::finished, &m_thread, [] { OPENSSL_thread_stop(); },
        Qt::DirectConnection);
    connect(this, &TickerFeed::marketsRequested, m_client, &FeedClient::setMarkets);
    connect(this, &TickerFeed::redialRequested, m_client, &FeedClient::redialNow);
    connect(
        this, &TickerFeed::handoffIntervalRequested, m_client, &FeedClient::setHandoffIntervalMs);
    connect(this, &TickerFeed::shownMarketsRequested, m_client, &FeedClient::setShownMarkets);
    connect(this, &TickerFeed::stopRequested, m_client, &FeedClient::stop);
    connect(m_client, &FeedClient::stopped, &m_thread, &QThread::quit, Qt::DirectConnection);
    if (m_writer)
        tapInto(m_client);
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
        [this](FeedClient::State state, const LinkDetail &detail, int redialInMs) {
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

void TickerFeed::redialNow(const LinkDetail &why)
{
    handoff::release();
    Q_EMIT redialRequested(why);
}

void TickerFeed::setShownMarkets(const QList<MarketId> &markets)
{
    m_config.shownMarkets = markets;
    handoff::release();
    Q_EMIT shownMarketsRequested(markets);
}

void TickerFeed::setHandoffIntervalMs(int ms)
{
    if (m_config.handoffIntervalMs == ms)
        return;
    m_config.handoffIntervalMs = ms;
    handoff::release();
    Q_EMIT handoffIntervalRequested(ms);
}

} // namespace ticker
