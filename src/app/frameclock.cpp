#include "frameclock.h"

#include <algorithm>

namespace ticker {

FrameClock::FrameClock(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FrameClock::beat);
    m_secondTimer.setInterval(1000);
    connect(&m_secondTimer, &QTimer::timeout, this, &FrameClock::second);
    m_secondTimer.start();
}

void FrameClock::request()
{
    if (m_timer.isActive())
        return; // the frame is coming
    // After a quiet spell at the next turn, when the other views of this batch have asked too;
    // within a frame of the last one, at that frame's end.
    const qint64 since = m_sinceFrame.isValid() ? m_sinceFrame.elapsed() : m_intervalMs;
    m_timer.start(int(std::max<qint64>(0, m_intervalMs - since)));
}

void FrameClock::beat()
{
    m_sinceFrame.start();
    ++m_frames;
    Q_EMIT frame();
}

} // namespace ticker
