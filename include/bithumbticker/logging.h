#pragma once

#include <QLoggingCategory>

namespace ticker {
Q_DECLARE_LOGGING_CATEGORY(lcFeed)     // "ticker.feed": links, subscriptions, redials
Q_DECLARE_LOGGING_CATEGORY(lcProtocol) // "ticker.protocol": dropped frames, server errors
Q_DECLARE_LOGGING_CATEGORY(lcHistory)  // "ticker.history": REST backfill of the chart
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)  // "ticker.catalog": the market list, its cache
Q_DECLARE_LOGGING_CATEGORY(lcRecord)   // "ticker.record": recording and replay
Q_DECLARE_LOGGING_CATEGORY(lcAlert)    // "ticker.alert": alerts fired, skipped ticks
Q_DECLARE_LOGGING_CATEGORY(lcUi)       // "ticker.ui"
} // namespace ticker
