#include "bithumbticker/logging.h"
// Debug lines are off unless QT_LOGGING_RULES turns them on, e.g. "ticker.*.debug=true".

namespace ticker {
Q_LOGGING_CATEGORY(lcFeed, "ticker.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "ticker.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "ticker.ui", QtInfoMsg)
} // namespace ticker

#if defined(__SANITIZE_ADDRESS__)
// OpenSSL, loaded by Qt for QSslSocket, keeps its global state until exit: not a leak of ours.
// Compiled into every sanitizer build of the app and the tests, so no environment is needed.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:libcrypto.so\n";
}
#endif
