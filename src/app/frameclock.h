#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ticker {

// One beat for the views of a window, so that what changes in a frame is painted together: one
// paint pass and one flush, not one per view. A view with changes asks for a frame; after a
// quiet spell the frame comes at the next turn of the event loop (so every view that heard of
// the same batch has asked by then), and what is asked within the 16 ms after a frame waits for
// the next. On each frame every view flushes what it holds; a view with nothing pending does
// nothing. Ages move on once a second, on one beat for all views, so they too paint together.
class FrameClock : public QObject
{
    Q_OBJECT
public:
    static constexpr int frameMs = 16; // ~60 Hz

    explicit FrameClock(QObject *parent = nullptr);

    void request();
    void setIntervalMs(int ms) { m_intervalMs = ms; }
    void setSecondMs(int ms) { m_secondTimer.setInterval(ms); } // for tests
    int frames() const { return m_frames; }                     // for tests: frames delivered

Q_SIGNALS:
    void frame();
    void second(); // ages and countdowns move on

private:
    void beat();

    QTimer m_timer; // runs only when a frame is wanted: a quiet feed wakes nothing
    QTimer m_secondTimer;
    QElapsedTimer m_sinceFrame;
    int m_intervalMs = frameMs;
    int m_frames = 0;
};

} // namespace ticker
