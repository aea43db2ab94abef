#include "bithumbticker/overviewfetcher.h"

#include "bithumbticker/historybackfill.h"
#include "bithumbticker/logging.h"
#include "restrequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <limits>

namespace ticker {

namespace {

constexpr qint64 secondMs = 1000;

} // namespace

OverviewFetcher::OverviewFetcher(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_protocol(Protocol::create(m_config.api))
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    if (m_config.restBase.isEmpty())
        m_config.restBase = Protocol::defaultRestUrl();
    m_config.maxInFlight = std::max(1, m_config.maxInFlight);
    m_config.maxPerSecond = std::max(1, m_config.maxPerSecond);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &OverviewFetcher::pump);
}

OverviewFetcher::~OverviewFetcher()
{
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

void OverviewFetcher::setWanted(const QList<MarketId> &markets)
{
    if (markets == m_wanted)
        return;
    m_wanted = markets;
    pump();
}

void OverviewFetcher::refetchAll()
{
    for (Record &record : m_records)
        record.due = true;
    pump();
}

void OverviewFetcher::pump()
{
    const qint64 nowMs = now();
    while (!m_started.empty() && m_started.front() <= nowMs - secondMs)
        m_started.pop_front();
    qint64 nextMs = std::numeric_limits<qint64>::max();
    for (const MarketId &market : std::as_const(m_wanted)) {
        if (inFlight() >= m_config.maxInFlight)
            break; // a reply that finishes pumps again
        if (m_replies.contains(market))
            continue;
        const auto record = m_records.constFind(market);
        if (record != m_records.constEnd()) {
            if (!record->due)
                continue;
            const qint64 dueMs = record->requestedMs + m_config.refetchAfterMs;
            if (dueMs > nowMs) {
                nextMs = std::min(nextMs, dueMs);
                continue;
            }
        }
        if (int(m_started.size()) >= m_config.maxPerSecond) {
            nextMs = std::min(nextMs, m_started.front() + secondMs);
            break;
        }
        m_started.push_back(nowMs);
        request(market);
    }
    if (nextMs == std::numeric_limits<qint64>::max())
        m_timer->stop();
    else
        m_timer->start(int(std::clamp<qint64>(nextMs - nowMs, 1, m_config.refetchAfterMs)));
}

void OverviewFetcher::request(const MarketId &market)
{
    // One request: a day that starts mid-hour touches 25 hourly candles; API 1.0 sends all.
    const QUrl url = m_protocol->candlesUrl(
        m_config.restBase, market, CandleInterval::Hour, 0, int(spanMs / hourMs) + 1);
    QNetworkReply *reply = getRest(m_network, url, limitsOf(m_config));
    ++m_requests;
    m_records[market] = {now(), false};
    m_replies.insert(market, reply);
    connect(
        reply, &QNetworkReply::finished, this, [this, market, reply] { finish(market, reply); });
}

void OverviewFetcher::finish(const MarketId &market, QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_replies.value(market) != reply)
        return;
    m_replies.remove(market);
    QString error = restFailure(reply, limitsOf(m_config));
    CandlePage page;
    if (error.isEmpty()) {
        page = m_protocol->parseCandles(reply->readAll());
        error = page.error;
        if (page.rejected > 0)
            qCWarning(lcHistory) << "dropped" << page.rejected << "malformed hourly candles of"
                                 << market.toV1();
    }
    std::vector<Candle> candles;
    if (error.isEmpty()) {
        candles = std::move(page.candles);
        const qint64 nowMs = now();
        correctKoreanClock(candles, nowMs, hourMs);
        std::erase_if(
            candles, [nowMs](const Candle &c) { return c.startMs + hourMs <= nowMs - spanMs; });
        qCDebug(lcHistory).noquote()
            << "overview of" << market.toV1() << ":" << candles.size() << "hourly candles";
    } else {
        ++m_failures;
        m_records[market].due = true; // again, once refetchAfterMs has passed
        qCWarning(lcHistory).noquote()
            << "hourly overview of" << market.toV1() << "unavailable:" << error
            << "(its sparkline goes on from live ticks)";
    }
    Q_EMIT fetched(market, candles, error);
    pump();
}

} // namespace ticker
