#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"
#include "bithumbticker/restsource.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace ticker {

// Fetches the last 24 h of hourly candles for the sparklines of markets that have no minute
// history: one request a market, only for the markets it is told are wanted (in their order),
// each once, and again after a lost link comes back (refetchAll) or a failure, but never
// sooner than refetchAfterMs after its last request. Paced well within Bithumb's public REST
// limit (150 requests/s per IP): at most maxInFlight requests at once and maxPerSecond started
// in any second, by the injectable clock, so the pacing is testable without waiting. Failures
// are logged under ticker.history and counted; never a dialog.
class OverviewFetcher : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 hourMs = 3600'000;
    static constexpr qint64 spanMs = 24 * hourMs;

    struct Config : RestSource
    {
        int maxInFlight = 4;
        int maxPerSecond = 10;
        qint64 refetchAfterMs = 10 * 60'000;
    };

    explicit OverviewFetcher(Config config, QObject *parent = nullptr);
    ~OverviewFetcher() override;

    // The markets whose overview is wanted now, most wanted first; others still queued are
    // dropped (a request under way goes on).
    void setWanted(const QList<MarketId> &markets);
    QList<MarketId> wanted() const { return m_wanted; }
    // The link came back: every market fetched before is due again, once refetchAfterMs has
    // passed since its last request.
    void refetchAll();
    // Starts what is due by the clock; a timer calls it again when the next one will be.
    void pump();

    int requestCount() const { return m_requests; }
    int failureCount() const { return m_failures; }
    int inFlight() const { return int(m_replies.size()); }

Q_SIGNALS:
    // The hourly candles that touch the last 24 h, oldest first (the newest one still
    // running); error is empty when they arrived.
    void fetched(const ticker::MarketId &market, const std::vector<ticker::Candle> &candles,
        const QString &error);

private:
    struct Record
    {
        qint64 requestedMs = 0;
        bool due = false; // again, after a failure or a lost link
    };

    void request(const MarketId &market);
    void finish(const MarketId &market, QNetworkReply *reply);
    qint64 now() const { return m_config.now(); }

    Config m_config;
    std::unique_ptr<Protocol> m_protocol;
    QNetworkAccessManager *m_network;
    QTimer *m_timer;
    QList<MarketId> m_wanted;
    QHash<MarketId, Record> m_records;
    QHash<MarketId, QPointer<QNetworkReply>> m_replies;
    std::deque<qint64> m_started; // when the requests of the last second started
    int m_requests = 0;
    int m_failures = 0;
};

} // namespace ticker
