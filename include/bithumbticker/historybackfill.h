#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"
#include "bithumbticker/restsource.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace ticker {

// Fetches a market's last 24 h of one-minute candles from Bithumb's REST API, so the chart
// starts full instead of empty. API 2.0 pages back 200 candles a request, each page ending
// before the oldest candle so far (minutes without trades have none, so a page can span far
// more than 200 minutes); API 1.0 sends all in one. Every failure (offline, timeout, HTTP error,
// error body, garbage, oversize) is logged under ticker.history, counted and reported with what
// arrived before it; never a dialog.
class HistoryBackfill : public QObject
{
    Q_OBJECT
public:
    struct Config : RestSource
    {
        int minutes = 24 * 60;
    };

    explicit HistoryBackfill(Config config, QObject *parent = nullptr);
    ~HistoryBackfill() override;

    // Starts fetching; a fetch already running for the market goes on instead.
    void fetch(const MarketId &market);
    bool isFetching(const MarketId &market) const { return m_jobs.contains(market); }
    int requestCount() const { return m_requests; }
    int failureCount() const { return m_failures; }
    int rejectedCandles() const { return m_rejected; }

Q_SIGNALS:
    // Oldest first. error is empty when the whole history arrived.
    void fetched(const ticker::MarketId &market, const std::vector<ticker::Candle> &candles,
        const QString &error);

private:
    struct Job
    {
        std::vector<Candle> candles;
        QPointer<QNetworkReply> reply;
        int pages = 0;
    };

    void request(const MarketId &market, qint64 beforeMs);
    void finishPage(const MarketId &market, QNetworkReply *reply);
    void finish(const MarketId &market, const QString &error);
    qint64 now() const { return m_config.now(); }

    Config m_config;
    std::unique_ptr<Protocol> m_protocol;
    QNetworkAccessManager *m_network;
    QHash<MarketId, Job> m_jobs;
    int m_requests = 0;
    int m_failures = 0;
    int m_rejected = 0;
};

// Paging API 2.0 back in time: where the next page ends (`to` is exclusive, so the start of
// the oldest candle so far), or nothing when the paging is done: the last page was empty, it
// brought nothing older than before (a server that ignores `to` must not loop us), or the oldest
// candle is at or behind the horizon. `candles` is all that arrived, oldest first.
std::optional<qint64> nextPageBefore(const std::vector<Candle> &candles, std::size_t pageSize,
    qint64 previousOldestMs, qint64 horizonMs);

// How many requests a backfill of `minutes` may take with pages of `perPage` candles (0: one
// answer holds all). A window holds at most one candle a minute, and every page but the last
// brings a full page of older ones, so ceil(minutes / perPage) pages bring the whole window and
// one more finds the horizon. A server that sends short pages is stopped here.
int maxBackfillPages(int minutes, int perPage);

// Bithumb has been seen writing Korean wall-clock time as if it were Unix time in REST
// answers (9 h ahead). When the newest candle (of durationMs) is about 9 h in the future,
// shift all back.
void correctKoreanClock(
    std::vector<Candle> &candles, qint64 nowMs, qint64 durationMs = Candle::durationMs);

} // namespace ticker
