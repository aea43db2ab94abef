#include "bithumbticker/recordingwriter.h"

#include "bithumbticker/logging.h"
#include "threadhandoff.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace ticker {

struct RecordingWriter::Gzip
{
    z_stream stream {};
    QByteArray out = QByteArray(1 << 16, Qt::Uninitialized);
};

RecordingWriter::RecordingWriter(QObject *parent)
    : QObject(parent)
{ }

RecordingWriter::~RecordingWriter()
{
    close();
}

bool RecordingWriter::open(const QString &path, const RecordingHeader &header, QString *error)
{
    handoff::acquire();
    close();
    m_path = path;
    m_failure.clear();
    m_fileBytes = 0;
    auto file = std::make_unique<QFile>(path);
    // Unbuffered: the buffer is ours, and a write's error is seen where it happens.
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        *error = path + u": "_s + file->errorString();
        handoff::release();
        return false;
    }
    file->setParent(this); // moves to the writer's thread with it
    m_file = std::move(file);
    if (path.endsWith(u".gz"_s, Qt::CaseInsensitive)) {
        m_gzip = std::make_unique<Gzip>();
        // Fastest level: a flood must not outrun the writer; 15 + 16: a gzip wrapper.
        deflateInit2(&m_gzip->stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    }
    m_buffer = Recording::headerLine(header);
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(flushIntervalMs);
        connect(m_timer, &QTimer::timeout, this, [this] { flush(true); });
    }
    // The header goes out at once: an unwritable file is known before the first frame.
    m_opening = true;
    const bool ok = flush(true);
    m_opening = false;
    if (!ok)
        *error = m_path + u": "_s + m_lastError;
    else
        m_timer->start();
    handoff::release();
    return ok;
}

void RecordingWriter::write(const RecordedEntries &entries)
{
    handoff::acquire();
    if (!m_file)
        return;
    for (const RecordedEntry &entry : entries)
        Recording::appendLine(m_buffer, entry);
    if (m_buffer.size() >= flushAtBytes)
        flush(false);
}

void RecordingWriter::close()
{
    handoff::acquire();
    if (!m_file)
        return;
    flush(true);
    if (m_gzip) {
        if (m_file) {
            // The gzip trailer: the file is complete, not merely readable.
            auto &zip = m_gzip->stream;
            zip.next_in = nullptr;
            zip.avail_in = 0;
            int status = Z_OK;
            while (status == Z_OK && m_file) {
                zip.next_out = reinterpret_cast<Bytef *>(m_gzip->out.data());
                zip.avail_out = uInt(m_gzip->out.size());
                status = deflate(&zip, Z_FINISH);
                writeOut(m_gzip->out.constData(), m_gzip->out.size() - qsizetype(zip.avail_out));
            }
        }
        deflateEnd(&m_gzip->stream);
        m_gzip.reset();
    }
    m_file.reset();
    if (m_timer)
        m_timer->stop();
    qCInfo(lcRecord).noquote() << "recorded" << m_fileBytes << "bytes to" << m_path;
    handoff::release();
}

bool RecordingWriter::flush(bool sync)
{
    if (!m_file)
        return false;
    if (m_buffer.isEmpty() && !sync)
        return true;
    bool ok = true;
    if (m_gzip) {
        auto &zip = m_gzip->stream;
        zip.next_in = reinterpret_cast<Bytef *>(m_buffer.data());
        zip.avail_in = uInt(m_buffer.size());
        // Z_SYNC_FLUSH: what is on disk decompresses up to here, even if the process dies.
        const int mode = sync ? Z_SYNC_FLUSH : Z_NO_FLUSH;
        do {
            zip.next_out = reinterpret_cast<Bytef *>(m_gzip->out.data());
            zip.avail_out = uInt(m_gzip->out.size());
            deflate(&zip, mode);
            ok = writeOut(m_gzip->out.constData(), m_gzip->out.size() - qsizetype(zip.avail_out));
        } while (ok && zip.avail_out == 0);
    } else {
        ok = writeOut(m_buffer.constData(), m_buffer.size());
    }
    m_buffer.resize(0); // keeps its capacity: a flood refills it at once
    if (ok) {
        handoff::release();
        Q_EMIT progress(m_fileBytes);
    }
    return ok;
}

bool RecordingWriter::writeOut(const char *data, qsizetype size)
{
    if (!m_file)
        return false;
    if (size == 0)
        return true;
    // A write that stops short (the disk filled up) is tried again for the rest, which then
    // fails with the reason.
    while (size > 0) {
        const qint64 written = m_file->write(data, size);
        if (written <= 0) {
            fail(m_file->errorString());
            return false;
        }
        m_fileBytes += written;
        data += written;
        size -= written;
    }
    return true;
}

void RecordingWriter::fail(const QString &error)
{
    // Qt's words (translated by qtbase's catalogue), not English of ours: core phrases nothing.
    m_lastError
        = error.isEmpty() ? QCoreApplication::translate("QIODevice", "Unknown error") : error;
    m_failure = m_path + u": "_s + m_lastError;
    qCWarning(lcRecord).noquote() << "recording to" << m_path << "stopped:" << m_lastError;
    m_file.reset(); // what is in the file stays; nothing more is written
    if (m_gzip) {
        deflateEnd(&m_gzip->stream);
        m_gzip.reset();
    }
    m_timer->stop();
    m_buffer.clear();
    if (!m_opening) { // open() says it itself
        handoff::release();
        Q_EMIT failed(m_failure);
    }
}

} // namespace ticker
