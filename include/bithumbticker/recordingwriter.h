#pragma once

#include "bithumbticker/recording.h"

#include <QObject>

#include <memory>

class QFile;
class QTimer;

namespace ticker {

// Writes a recording (recording.h) on a thread of its own: entries arrive in batches as queued
// signals, are appended to a buffer, and go to the file at least every flushIntervalMs, so a
// crash or kill loses at most that much. Gzip when the path ends in ".gz", flushed so that
// what is on disk always decompresses. A failed write (a full disk) stops the recording and
// says why; the file keeps what was written before.
class RecordingWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr int flushIntervalMs = 500;
    static constexpr qsizetype flushAtBytes = 1 << 20; // a flood is written in 1 MiB pieces

    explicit RecordingWriter(QObject *parent = nullptr);
    ~RecordingWriter() override;

    bool isOpen() const { return m_file != nullptr; }
    // Why the recording stopped on its own, with the path; empty while it is fine.
    QString failure() const { return m_failure; }
    qint64 fileBytes() const { return m_fileBytes; }

public Q_SLOTS:
    // Creates or truncates the file and writes the header. False (and *error set) when the
    // file cannot be written. Called before the writer moves to its thread.
    bool open(const QString &path, const ticker::RecordingHeader &header, QString *error);
    void write(const ticker::RecordedEntries &entries);
    // Flushes and closes (fileBytes() then says the file's size). Entries that come later are
    // dropped. No return value: a blocking call by name would write it after the hand-off.
    void close();

Q_SIGNALS:
    void progress(qint64 fileBytes); // after each flush
    void failed(const QString &error);

private:
    struct Gzip;

    bool flush(bool sync);
    bool writeOut(const char *data, qsizetype size);
    void fail(const QString &error);

    std::unique_ptr<QFile> m_file;
    std::unique_ptr<Gzip> m_gzip;
    QTimer *m_timer = nullptr;
    QByteArray m_buffer;
    QString m_path;
    QString m_lastError;
    QString m_failure;
    qint64 m_fileBytes = 0;
    bool m_opening = false;
};

} // namespace ticker
