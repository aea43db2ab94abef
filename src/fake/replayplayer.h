#pragma once

#include "bithumbticker/recording.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QTimer;
class QWebSocket;

namespace ticker {

// Plays one recorded link on one server-side socket: its frames exactly as they came (text or
// binary, the same bytes) at the recorded pace divided by speed (0: as fast as the link takes),
// then its end: the recorded close code and reason, or a dropped connection where the client
// gave up on the link or no close frame could carry the code. What followed the recorded
// subscribe waits for the client's own request and keeps its spacing from there.
class ReplayPlayer : public QObject
{
    Q_OBJECT
public:
    static constexpr int chunkSize = 256; // frames sent at once when there is no pace to keep

    ReplayPlayer(QWebSocket *socket, RecordedEntries link, double speed, QObject *parent = nullptr);

    void requestReceived();
    bool isFinished() const { return m_next >= m_entries.size(); }

Q_SIGNALS:
    void finished(); // every entry played; the link was closed when the recording closed it

private:
    void playDue();
    qint64 dueInMs(const RecordedEntry &entry) const;
    void finish(const RecordedEntry *end);

    QPointer<QWebSocket> m_socket;
    RecordedEntries m_entries;
    double m_speed;
    qsizetype m_next = 0;
    bool m_finished = false;
    QElapsedTimer m_clock;
    qint64 m_anchorRecordedMs = 0; // entries are due relative to this recorded time …
    qint64 m_anchorRealMs = 0;     // … which is this time on m_clock
    qint64 m_requestAtMs = -1;     // on m_clock; -1: the client has asked nothing yet
    QTimer *m_timer;
};

} // namespace ticker
