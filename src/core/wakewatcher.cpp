#include "bithumbticker/wakewatcher.h"

#include "bithumbticker/logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkInformation>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ticker {

WakeWatcher::WakeWatcher(
    int checkIntervalMs, qint64 jumpThresholdMs, Clocks clocks, QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_thresholdMs(jumpThresholdMs)
    , m_clocks(std::move(clocks))
{
    if (!m_clocks.wallMs)
        m_clocks.wallMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    if (!m_clocks.monotonicMs) {
        m_clocks.monotonicMs = [] {
            static QElapsedTimer clock = [] {
                QElapsedTimer started;
                started.start();
                return started;
            }();
            return clock.elapsed();
        };
    }
    m_timer->setInterval(checkIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &WakeWatcher::check);
}

bool WakeWatcher::isClockJump(qint64 wallDeltaMs, qint64 monotonicDeltaMs, qint64 thresholdMs)
{
    return std::abs(wallDeltaMs - monotonicDeltaMs) > thresholdMs;
}

void WakeWatcher::start()
{
    m_lastWall = m_clocks.wallMs();
    m_lastMonotonic = m_clocks.monotonicMs();
    m_timer->start();
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                using Reachability = QNetworkInformation::Reachability;
                if (reachability == Reachability::Disconnected)
                    Q_EMIT onlineChanged(false);
                if (reachability == Reachability::Online) {
                    Q_EMIT onlineChanged(true);
                    Q_EMIT resumeSuggested({LinkDetail::Why::NetworkBack});
                }
            });
    } else {
        qCInfo(lcFeed) << "no network-information backend: relying on heartbeats alone";
    }
}

void WakeWatcher::check()
{
    const qint64 wall = m_clocks.wallMs();
    const qint64 monotonic = m_clocks.monotonicMs();
    const bool jumped = isClockJump(wall - m_lastWall, monotonic - m_lastMonotonic, m_thresholdMs);
    if (jumped) {
        qCInfo(lcFeed) << "wall clock moved" << (wall - m_lastWall) << "ms in"
                       << (monotonic - m_lastMonotonic) << "ms: resumed from sleep?";
        Q_EMIT resumeSuggested({LinkDetail::Why::Woke});
    }
    m_lastWall = wall;
    m_lastMonotonic = monotonic;
}

} // namespace ticker
