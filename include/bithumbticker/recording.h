#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ticker {

// One line of a recording after its header: a frame as it was received (its exact bytes), or
// something that happened to the link. Times are this machine's, ms since the epoch.
struct RecordedEntry
{
    enum class Kind {
        Text,      // a text frame; data: its UTF-8 bytes
        Binary,    // a binary frame; data: its bytes
        Connect,   // the link is up; data: the URL
        Subscribe, // the client sent its request; data: the request
        Close,     // the link closed; code and data: the close code and reason
        Redial,    // the client will dial again; code: in how many ms; data: why
    };

    Kind kind = Kind::Text;
    qint64 timeMs = 0;
    quint64 link = 0; // which dial of the run; every entry of one link has the same number
    QByteArray data;
    int code = 0;

    bool isFrame() const { return kind == Kind::Text || kind == Kind::Binary; }
    bool operator==(const RecordedEntry &) const = default;
};
using RecordedEntries = QList<RecordedEntry>;

// The first line: what the run was. Replay takes its API, tick type and market spellings.
struct RecordingHeader
{
    ApiVersion api = ApiVersion::V2;
    QString tickType = QStringLiteral("24H");
    QString url;
    QStringList symbols; // as the user spelled them
    qint64 startedMs = 0;
};

// The recording format, version 1 (JSON lines; gzip when the file's name ends in .gz):
//   {"recording":"bithumb-ticker","version":1,"api":2,"tickType":"24H","url":"…",
//    "symbols":["KRW-BTC"],"startedAt":"2026-12-02T04:30:00.000Z"}
//   {"t":1764649800123,"link":1,"event":"connect","url":"wss://…"}
//   {"t":…,"link":1,"event":"subscribe","request":"[{\"ticket\":…}]"}
//   {"t":…,"link":1,"binary":"{\"type\":\"ticker\",…}"}     a binary frame of UTF-8 text
//   {"t":…,"link":1,"base64":"…"}                           a binary frame that is not UTF-8
//   {"t":…,"link":1,"text":"{\"type\":\"ticker\",…}"}       a text frame
//   {"t":…,"link":1,"event":"close","code":1000,"reason":""}
//   {"t":…,"link":1,"event":"redial","inMs":250,"why":"…"}
// Pure functions of bytes; the file is read whole.
class Recording
{
public:
    static constexpr int version = 1;
    static constexpr qsizetype maxLineBytes = 8 << 20; // a 1 MiB frame escaped, with room
    static constexpr qsizetype maxFileBytes = qsizetype(1) << 31; // after decompression

    RecordingHeader header;
    RecordedEntries entries;
    QStringList warnings; // lines skipped (a truncated last line, malformed ones), once each
    int skippedLines = 0;
    QString error; // not a recording, or not this version: nothing was read

    bool isValid() const { return error.isEmpty(); }

    static QByteArray headerLine(const RecordingHeader &header);
    // Appends the entry's line, '\n' included.
    static void appendLine(QByteArray &out, const RecordedEntry &entry);
    // A line without its '\n'; empty and *why set when it is no entry.
    static std::optional<RecordedEntry> parseLine(QByteArrayView line, QString *why = nullptr);

    static Recording fromBytes(QByteArrayView contents);
    // Reads the file, gunzipping it when it starts with gzip's magic bytes.
    static Recording fromFile(const QString &path);

    // Markets the recording's frames carry ticks of, after the header's, in first-seen order.
    QList<MarketId> markets() const;
    // The spelling of each market the header names, for the headless output.
    QHash<MarketId, QString> spelling() const;
};

} // namespace ticker

Q_DECLARE_METATYPE(ticker::RecordedEntries)
