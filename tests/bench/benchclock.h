#pragma once

#include <QMetaObject>
#include <QObject>

#include <ctime>

namespace ticker::bench {

// CPU seconds of a clock: CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID.
inline double cpuSeconds(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

inline double threadCpuSeconds()
{
    return cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
}

// The CPU seconds of the thread an object lives in (another one), asked there.
inline double threadCpuSecondsOf(QObject *object)
{
    double seconds = 0;
    QMetaObject::invokeMethod(
        object, [&seconds] { seconds = threadCpuSeconds(); }, Qt::BlockingQueuedConnection);
    return seconds;
}

} // namespace ticker::bench
