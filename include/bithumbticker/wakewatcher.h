#pragma once

#include "bithumbticker/linkdetail.h"

#include <QObject>

#include <functional>

class QTimer;

namespace ticker {

// Tells when a link is probably dead without having failed yet: the machine slept (the wall
// clock moved far more than the monotonic clock, which stops in suspend) or the network came
// back (QNetworkInformation, where the platform has a backend). The feed then redials at once
// instead of waiting for its heartbeat or backoff.
class WakeWatcher : public QObject
{
    Q_OBJECT
public:
    struct Clocks
    {
        std::function<qint64()> wallMs;      // default: QDateTime::currentMSecsSinceEpoch
        std::function<qint64()> monotonicMs; // default: QElapsedTimer
    };

    explicit WakeWatcher(int checkIntervalMs = 5000, qint64 jumpThresholdMs = 15'000,
        Clocks clocks = {}, QObject *parent = nullptr);

    void start();
    void check(); // compares the clocks since the last check; the timer calls it

    // The wall clock ran ahead of (or behind) the monotonic one by more than the threshold.
    static bool isClockJump(qint64 wallDeltaMs, qint64 monotonicDeltaMs, qint64 thresholdMs);

Q_SIGNALS:
    void resumeSuggested(const ticker::LinkDetail &why);
    // Only where the platform has a network-information backend.
    void onlineChanged(bool online);

private:
    QTimer *m_timer;
    qint64 m_thresholdMs;
    Clocks m_clocks;
    qint64 m_lastWall = 0;
    qint64 m_lastMonotonic = 0;
};

} // namespace ticker
