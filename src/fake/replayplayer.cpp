#include "replayplayer.h"

#include <QTimer>
#include <QWebSocket>

#include <cmath>

namespace ticker {

namespace {

// Codes a server may put in a close frame (RFC 6455 7.4); 1005, 1006 and 1015 only describe
// a close that had none.
bool isSendableCloseCode(int code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1011)
        || (code >= 3000 && code <= 4999);
}

} // namespace

ReplayPlayer::ReplayPlayer(QWebSocket *socket, RecordedEntries link, double speed, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_entries(std::move(link))
    , m_speed(speed)
    , m_timer(new QTimer(this))
{
    m_clock.start();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ReplayPlayer::playDue);
    if (!m_entries.isEmpty())
        m_anchorRecordedMs = m_entries.constFirst().timeMs; // the connect
    QTimer::singleShot(0, this, &ReplayPlayer::playDue);
}

void ReplayPlayer::requestReceived()
{
    if (m_requestAtMs >= 0)
        return; // only the first request anchors the playback
    m_requestAtMs = m_clock.elapsed();
    if (m_next < m_entries.size() && m_entries.at(m_next).kind == RecordedEntry::Kind::Subscribe)
        playDue(); // it was waiting for this
}

qint64 ReplayPlayer::dueInMs(const RecordedEntry &entry) const
{
    if (m_speed <= 0)
        return 0;
    const double offset = double(entry.timeMs - m_anchorRecordedMs) / m_speed;
    return m_anchorRealMs + qint64(std::ceil(offset)) - m_clock.elapsed();
}

void ReplayPlayer::playDue()
{
    int sent = 0;
    while (m_next < m_entries.size()) {
        if (!m_socket)
            return finish(nullptr);
        const RecordedEntry &entry = m_entries.at(m_next);
        if (entry.kind == RecordedEntry::Kind::Subscribe) {
            if (m_requestAtMs < 0)
                return; // requestReceived() goes on
            m_anchorRecordedMs = entry.timeMs;
            m_anchorRealMs = m_requestAtMs;
            ++m_next;
            continue;
        }
        const qint64 wait = dueInMs(entry);
        if (wait > 0) {
            m_timer->start(int(std::min<qint64>(wait, 1 << 30)));
            return;
        }
        if (m_speed <= 0 && sent == chunkSize) {
            // Let the socket write and the rest of the loop run between chunks.
            m_timer->start(0);
            return;
        }
        ++m_next;
        switch (entry.kind) {
        case RecordedEntry::Kind::Text:
            m_socket->sendTextMessage(QString::fromUtf8(entry.data));
            ++sent;
            break;
        case RecordedEntry::Kind::Binary:
            m_socket->sendBinaryMessage(entry.data);
            ++sent;
            break;
        case RecordedEntry::Kind::Close:
        case RecordedEntry::Kind::Redial: // the client gave up on a link the server kept
            m_next = m_entries.size();
            return finish(&entry);
        case RecordedEntry::Kind::Connect:
        case RecordedEntry::Kind::Subscribe:
            break;
        }
    }
    finish(nullptr);
}

void ReplayPlayer::finish(const RecordedEntry *end)
{
    m_next = m_entries.size();
    if (std::exchange(m_finished, true))
        return;
    if (end && m_socket) {
        if (end->kind == RecordedEntry::Kind::Close && isSendableCloseCode(end->code))
            m_socket->close(QWebSocketProtocol::CloseCode(end->code), QString::fromUtf8(end->data));
        else
            m_socket->abort();
    }
    Q_EMIT finished();
}

} // namespace ticker
