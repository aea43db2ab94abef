#include "bithumbticker/logging.h"
// Debug lines are off unless QT_LOGGING_RULES turns them on, e.g. "ticker.*.debug=true".

namespace ticker {
Q_LOGGING_CATEGORY(lcFeed, "ticker.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "ticker.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "ticker.ui", QtInfoMsg)
} // namespace ticker
