#pragma once

// What most tests share: the markets they trade, an instant to start from, spans of time and
// how long a wait may take before it fails (only a failing test waits that long).
#include "bithumbticker/marketid.h"

#include <QtGlobal>

namespace ticker::test {

inline const MarketId btc = *MarketId::fromV1("BTC_KRW");
inline const MarketId eth = *MarketId::fromV1("ETH_KRW");
inline constexpr qint64 t0 = 1'790'000'000'000;
inline constexpr qint64 minuteMs = 60'000;
inline constexpr qint64 hourMs = 60 * minuteMs;
inline constexpr qint64 dayMs = 24 * hourMs;
inline constexpr int timeoutMs = 10'000;
// A run of the app's own binary, slower under the sanitizers.
inline constexpr int processTimeoutMs = 20'000;

} // namespace ticker::test
