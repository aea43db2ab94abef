#pragma once

#include "bithumbticker/protocol.h"

namespace ticker {

// API 1.0, wss://pubwss.bithumb.com/pub/ws: text frames, every number a JSON string,
// {"status":…} frames for the server's state, ticks under "content".
class ProtocolV1 final : public Protocol
{
public:
    static QString defaultTickType() { return QStringLiteral("24H"); }

    explicit ProtocolV1(QString tickType);

    ApiVersion version() const override { return ApiVersion::V1; }
    QUrl defaultUrl() const override;
    QByteArray subscribeMessage(const QList<MarketId> &markets) const override;
    ParsedFrame parseFrame(QByteArrayView frame, qint64 receivedMs) const override;
    QUrl candlesUrl(const QUrl &restBase, const MarketId &market, CandleInterval interval,
        qint64 beforeMs, int count) const override;
    int maxCandlesPerRequest() const override { return 0; }
    CandlePage parseCandles(QByteArrayView body) const override;

    // date "YYYYMMDD" and time "HHMMSS", Korean wall-clock time, to UTC ms since the epoch.
    static std::optional<qint64> kstToUtcMs(std::string_view date, std::string_view time);

private:
    QString m_tickType;
    std::string m_tickTypeUtf8;
};

} // namespace ticker
