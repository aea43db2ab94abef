#pragma once

#include "bithumbticker/protocol.h"

namespace ticker {

// API 2.0, wss://ws-api.bithumb.com/websocket/v1 (Upbit-compatible): an array request with a
// fresh ticket, binary frames of flat JSON objects, numbers as JSON numbers, no acknowledgement.
class ProtocolV2 final : public Protocol
{
public:
    ApiVersion version() const override { return ApiVersion::V2; }
    QUrl defaultUrl() const override;
    QByteArray subscribeMessage(const QList<MarketId> &markets) const override;
    ParsedFrame parseFrame(QByteArrayView frame, qint64 receivedMs) const override;
    QUrl candlesUrl(const QUrl &restBase, const MarketId &market, CandleInterval interval,
        qint64 beforeMs, int count) const override;
    int maxCandlesPerRequest() const override { return 200; }
    CandlePage parseCandles(QByteArrayView body) const override;
};

} // namespace ticker
