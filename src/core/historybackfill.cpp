#include "bithumbticker/historybackfill.h"

#include "bithumbticker/logging.h"
#include "restjson.h"
#include "restrequest.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr qint64 minuteMs = Candle::durationMs;

} // namespace

void correctKoreanClock(std::vector<Candle> &candles, qint64 nowMs, qint64 durationMs)
{
    if (candles.empty())
        return;
    // The newest candle of a quiet market may have started up to ten minutes before its
    // interval's last minute.
    const qint64 shifted = candles.back().startMs - kstOffsetMs;
    if (candles.back().startMs > nowMs + 5 * minuteMs && shifted <= nowMs + minuteMs
        && shifted >= nowMs - 9 * minuteMs - durationMs) {
        qCInfo(lcHistory) << "candle times are 9 h ahead (Korean time written as UTC); shifted";
        for (Candle &candle : candles)
            candle.startMs -= kstOffsetMs;
    }
}

std::optional<qint64> nextPageBefore(const std::vector<Candle> &candles, std::size_t pageSize,
    qint64 previousOldestMs, qint64 horizonMs)
{
    if (pageSize == 0 || candles.empty())
        return std::nullopt;
    const qint64 oldest = candles.front().startMs;
    if (oldest >= previousOldestMs || oldest <= horizonMs)
        return std::nullopt;
    return oldest;
}

int maxBackfillPages(int minutes, int perPage)
{
    return perPage <= 0 ? 1 : (minutes + perPage - 1) / perPage + 1;
}

HistoryBackfill::HistoryBackfill(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_protocol(Protocol::create(m_config.api))
    , m_network(new QNetworkAccessManager(this))
{
    if (m_config.restBase.isEmpty())
        m_config.restBase = Protocol::defaultRestUrl();
}

HistoryBackfill::~HistoryBackfill()
{
    for (const Job &job : std::as_const(m_jobs)) {
        if (job.reply) {
            job.reply->disconnect(this);
            job.reply->abort();
        }
    }
}

void HistoryBackfill::fetch(const MarketId &market)
{
    if (m_jobs.contains(market))
        return;
    m_jobs.insert(market, {});
    request(market, 0);
}

void HistoryBackfill::request(const MarketId &market, qint64 beforeMs)
{
    Job &job = m_jobs[market];
    // Always a full page: with minutes that had no trades, the candles still missing say
    // nothing about how far back the window's start is.
    QNetworkReply *reply = getRest(m_network,
        m_protocol->candlesUrl(m_config.restBase, market, CandleInterval::Minute, beforeMs,
            m_protocol->maxCandlesPerRequest()),
        limitsOf(m_config));
    ++m_requests;
    ++job.pages;
    job.reply = reply;
    connect(reply, &QNetworkReply::finished, this,
        [this, market, reply] { finishPage(market, reply); });
}

void HistoryBackfill::finishPage(const MarketId &market, QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_jobs.find(market);
    if (it == m_jobs.end() || it->reply != reply)
        return;
    const QString failure = restFailure(reply, limitsOf(m_config));
    if (!failure.isEmpty())
        return finish(market, failure);

    const CandlePage page = m_protocol->parseCandles(reply->readAll());
    if (page.rejected > 0) {
        m_rejected += page.rejected;
        qCWarning(lcHistory) << "dropped" << page.rejected << "malformed candles of"
                             << market.toV1();
    }
    if (!page.error.isEmpty())
        return finish(market, page.error);

    Job &job = *it;
    const qint64 oldestBefore
        = job.candles.empty() ? std::numeric_limits<qint64>::max() : job.candles.front().startMs;
    job.candles.insert(job.candles.end(), page.candles.begin(), page.candles.end());
    sortCandles(job.candles);
    const auto next = nextPageBefore(
        job.candles, page.candles.size(), oldestBefore, now() - m_config.minutes * minuteMs);
    if (next && job.pages < maxBackfillPages(m_config.minutes, m_protocol->maxCandlesPerRequest()))
        request(market, *next);
    else
        finish(market, {});
}

void HistoryBackfill::finish(const MarketId &market, const QString &error)
{
    Job job = m_jobs.take(market);
    std::vector<Candle> candles = std::move(job.candles);
    const int pages = job.pages;
    correctKoreanClock(candles, now());
    const qint64 horizon = now() - m_config.minutes * minuteMs;
    std::erase_if(candles, [horizon](const Candle &c) { return c.startMs < horizon; });
    if (error.isEmpty()) {
        qCInfo(lcHistory).noquote()
            << "backfilled" << candles.size() << "minutes of" << market.toV1() << "in" << pages
            << (pages == 1 ? "request" : "requests");
    } else {
        ++m_failures;
        qCWarning(lcHistory).noquote()
            << "history of" << market.toV1() << "unavailable:" << error << "(kept" << candles.size()
            << "minutes; the chart goes on from live ticks)";
    }
    Q_EMIT fetched(market, candles, error);
}

} // namespace ticker
