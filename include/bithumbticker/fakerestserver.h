#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace ticker {

// Bithumb's REST candle paths on 127.0.0.1 (QHttpServer), for tests and --demo:
//   API 2.0  GET /v1/candles/minutes/1?market=KRW-BTC&count=N[&to=ISO time]  (newest first)
//   API 1.0  GET /public/candlestick/BTC_KRW/1m                              (oldest first)
// Each market gets a plausible walk of one-minute candles that ends at its current live price,
// so a backfilled chart joins the live line.
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
    };

    static constexpr int historyMinutes = 1500; // what API 1.0 sends: a little over a day
    static constexpr int maxCount = 200;        // API 2.0's largest page

    explicit FakeRestServer(PriceSource currentPrice, QObject *parent = nullptr);
    ~FakeRestServer() override;

    bool listen(quint16 port = 0);
    QUrl url() const;
    void setFault(Fault fault) { m_fault = fault; }
    int requestCount() const { return m_requests; }

    // The market's candles, oldest first, up to and including the current minute.
    std::vector<Candle> history(const MarketId &market, qint64 nowMs);

Q_SIGNALS:
    void requested(const QString &path);

private:
    struct Walk
    {
        qint64 endMinuteMs = 0;
        std::vector<Candle> candles;
    };

    QHttpServerResponse answerV2(const QHttpServerRequest &request);
    QHttpServerResponse answerV1(const QString &symbol);
    std::optional<QHttpServerResponse> fault(ApiVersion api);

    QHttpServer *m_server;
    quint16 m_port = 0;
    PriceSource m_currentPrice;
    QHash<MarketId, Walk> m_walks;
    Fault m_fault = Fault::None;
    int m_requests = 0;
};

} // namespace ticker
