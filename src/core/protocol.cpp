#include "bithumbticker/protocol.h"

#include "protocolv1.h"
#include "protocolv2.h"

#include <algorithm>
#include <cmath>

namespace ticker {

const char *rejectReasonName(RejectReason reason)
{
    switch (reason) {
    case RejectReason::EmptyFrame:
        return "empty_frame";
    case RejectReason::BadJson:
        return "bad_json";
    case RejectReason::TooDeep:
        return "too_deep";
    case RejectReason::NotObject:
        return "not_object";
    case RejectReason::UnknownChannel:
        return "unknown_channel";
    case RejectReason::MissingField:
        return "missing_field";
    case RejectReason::WrongType:
        return "wrong_type";
    case RejectReason::BadNumber:
        return "bad_number";
    case RejectReason::BadPrice:
        return "bad_price";
    case RejectReason::BadMarket:
        return "bad_market";
    case RejectReason::BadTime:
        return "bad_time";
    }
    return "unknown";
}

bool isValidCandle(const Candle &c)
{
    const auto positive = [](double x) { return std::isfinite(x) && x > 0; };
    return positive(c.open) && positive(c.high) && positive(c.low) && positive(c.close)
        && c.low <= std::min(c.open, c.close) && c.high >= std::max(c.open, c.close)
        && c.startMs >= earliestTimeMs && c.startMs <= latestTimeMs;
}

std::unique_ptr<Protocol> Protocol::create(ApiVersion version, const QString &tickType)
{
    if (version == ApiVersion::V1)
        return std::make_unique<ProtocolV1>(
            tickType.isEmpty() ? ProtocolV1::defaultTickType() : tickType);
    return std::make_unique<ProtocolV2>();
}

} // namespace ticker
