#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/pricewalk.h"
#include "bithumbticker/protocol.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace ticker {

// Bithumb's REST candle paths and market list on 127.0.0.1 (QHttpServer), for tests and
// --demo, never kinder than the real ones (protocol notes 3.2, 3.3 and 7):
//   API 2.0  GET /v1/candles/minutes/{unit}?market=KRW-BTC&count=N[&to=KST time] (newest first)
//   API 1.0  GET /public/candlestick/BTC_KRW/{interval}                         (oldest first)
//            GET /v1/market/all[?isDetails=true|false]                          (fakeCatalog())
// Units 1, 3, 5, 10, 15, 30, 60 and 240 (`unit` in each row), intervals 1m, 3m, 5m, 10m, 30m,
// 1h, 6h, 12h and 24h: each candle sums the traded minutes of its interval (open of the first,
// close of the last, the extremes of all), so hours agree with minutes. Any other unit is HTTP
// 400 Invalid parameter, any other interval the 5500 of an unknown symbol (the notes do not say
// what Bithumb answers: never kinder).
// The market list has market_warning only with isDetails=true; any other isDetails than true
// or false is refused with HTTP 400 (the notes do not say what Bithumb does: never kinder).
// Only minutes with trades have a candle: each market has its share of quiet minutes and now
// and then a lull of up to an hour, so a day is fewer than 1,440 rows. The walk of each market
// ends at its current live price, so a backfilled chart joins the live line: the minute still
// open follows the live price from one answer to the next, a closed minute never changes.
// API 2.0 refuses with HTTP 400 {"error":{"name":400,"message":"Invalid parameter"}} a `to`
// that is not naive Korean time (yyyy-MM-ddTHH:mm:ss or yyyy-MM-dd HH:mm:ss: no `Z`, no
// offset, no fraction), a missing or empty `market`, a `count` that is not a whole number
// from 1 (none means 1; above 200 means 200); a market it does not list gets HTTP 200
// {"error":{"name":404,"message":"Code not found"}} (lower case codes are accepted). API 1.0
// answers a symbol it does not list with HTTP 200 {"status":"5500","message":"Invalid
// Parameter"}.
class FakeRestServer : public QObject
{
    Q_OBJECT
public:
    using PriceSource = std::function<qint64(const MarketId &)>; // in PriceWalk units
    enum class Fault {
        None,
        ServerError, // HTTP 500
        Garbage,     // HTTP 200 with a body that is not JSON
        ErrorBody,   // HTTP 200 with the API's own error object
        BadRequest,  // HTTP 400 with the API's own error object, as for a refused parameter
    };

    static constexpr int historyMinutes = 2 * 24 * 60; // what the fake remembers: two days
    static constexpr int v1Rows = 1500;                // what API 1.0 sends: over a day
    static constexpr int maxCount = 200;               // API 2.0's largest page

    explicit FakeRestServer(PriceSource currentPrice, QObject *parent = nullptr);
    ~FakeRestServer() override;

    bool listen(quint16 port = 0);
    QUrl url() const;
    void setFault(Fault fault) { m_fault = fault; }
    int requestCount() const { return m_requests; }

    // The market's candles, oldest first, over the last historyMinutes up to and including
    // the current minute: only the minutes that had trades.
    std::vector<Candle> history(const MarketId &market, qint64 nowMs);
    // The Korean day so far of those candles, as Bithumb's ticker reports it beside them: the
    // close before 00:00 KST, the day's first open and its extremes. The market's walk is
    // anchored at livePrice if it has none yet (a market's first quote asks, so the live feed
    // and the candles tell one story).
    PriceWalk::Day koreanDay(const MarketId &market, qint64 livePrice, qint64 nowMs);
    // The same summed into candles of unitMinutes, as the server answers them.
    std::vector<Candle> candles(const MarketId &market, int unitMinutes, qint64 nowMs);
    // What the server takes for now (the system clock unless set), for its answers.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const;

    // API 2.0's `to` as the server reads it (Korean wall-clock time, no zone) in UTC ms, or
    // nothing when the server answers it with HTTP 400.
    static std::optional<qint64> parseKoreanTime(const QString &text);

Q_SIGNALS:
    void requested(const QString &path);

private:
    struct Walk
    {
        qint64 endMinute = 0; // minutes since the epoch: the newest walked
        std::vector<Candle> candles;
    };

    std::vector<Candle> history(const MarketId &market, qint64 nowMs, qint64 livePrice);
    QHttpServerResponse answerV2(const QString &unit, const QHttpServerRequest &request);
    QHttpServerResponse answerV1(const QString &symbol, const QString &interval);
    QHttpServerResponse answerMarkets(const QHttpServerRequest &request);
    std::optional<QHttpServerResponse> fault(ApiVersion api);

    QHttpServer *m_server;
    quint16 m_port = 0;
    PriceSource m_currentPrice;
    std::function<qint64()> m_clock;
    QHash<MarketId, Walk> m_walks;
    Fault m_fault = Fault::None;
    int m_requests = 0;
};

} // namespace ticker
