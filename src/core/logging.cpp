#include "bithumbticker/logging.h"
// Debug lines are off unless QT_LOGGING_RULES turns them on, e.g. "ticker.*.debug=true".

namespace ticker {
Q_LOGGING_CATEGORY(lcFeed, "ticker.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "ticker.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHistory, "ticker.history", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCatalog, "ticker.catalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRecord, "ticker.record", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAlert, "ticker.alert", QtInfoMsg)
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

#if defined(__SANITIZE_THREAD__)
// Debian's Qt, GLib and OpenSSL are not built with TSan, so the futex-based locks that order
// their work are invisible to it. Their own allocations and file descriptors are left out
// (ignore_noninstrumented_modules); our hand-offs between threads are declared in
// threadhandoff.h. One pattern is left: Qt copying a queued signal's arguments into the event
// (in our instantiated QMetaTypeForType code) before it posts the event, under its own lock.
extern "C" const char *__tsan_default_options()
{
    return "ignore_noninstrumented_modules=1";
}

extern "C" const char *__tsan_default_suppressions()
{
    return "race:QtPrivate::QMetaTypeForType\n";
}
#endif
