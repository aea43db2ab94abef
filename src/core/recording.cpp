#include "bithumbticker/recording.h"

#include "bithumbticker/jsonstring.h"
#include "bithumbticker/logging.h"

#include <QDateTime>
#include <QFile>
#include <QSet>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <charconv>
#include <limits>

using namespace Qt::StringLiterals;
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

namespace ticker {

namespace {

constexpr auto formatName = "bithumb-ticker";
constexpr int maxWarnings = 5; // then one line says how many more

const char *eventName(RecordedEntry::Kind kind)
{
    switch (kind) {
    case RecordedEntry::Kind::Connect:
        return "connect";
    case RecordedEntry::Kind::Subscribe:
        return "subscribe";
    case RecordedEntry::Kind::Close:
        return "close";
    case RecordedEntry::Kind::Redial:
        return "redial";
    case RecordedEntry::Kind::Text:
    case RecordedEntry::Kind::Binary:
        break;
    }
    return nullptr;
}

void appendInteger(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end - buffer);
}

std::string stringMember(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

QByteArray bytesOf(const std::string &text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// The whole of a gzip stream, or as much of it as there is when the writer was cut short.
QByteArray gunzip(QByteArrayView compressed, QString *warning, QString *error)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 32) != Z_OK) {
        *error = u"zlib could not start"_s;
        return {};
    }
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    int status = Z_OK;
    char buffer[1 << 16];
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        if (out.size() > Recording::maxFileBytes) {
            *error = u"larger than 2 GiB uncompressed"_s;
            inflateEnd(&stream);
            return {};
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0)
            break; // the input ended before the stream did
    }
    if (status != Z_STREAM_END)
        *warning = status == Z_BUF_ERROR
            ? u"the compressed stream is cut short (the recording ended mid-write)"_s
            : u"the compressed stream is damaged after %1 bytes"_s.arg(out.size());
    inflateEnd(&stream);
    return out;
}

} // namespace

QByteArray Recording::headerLine(const RecordingHeader &header)
{
    ordered_json symbols = ordered_json::array();
    for (const QString &symbol : header.symbols)
        symbols.push_back(symbol.toStdString());
    const ordered_json line = {
        {"recording", formatName},
        {"version", version},
        {"api", int(header.api)},
        {"tickType", header.tickType.toStdString()},
        {"url", header.url.toStdString()},
        {"symbols", symbols},
        {"startedAt",
            QDateTime::fromMSecsSinceEpoch(header.startedMs, Qt::UTC)
                .toString(Qt::ISODateWithMs)
                .toStdString()},
    };
    return QByteArray::fromStdString(line.dump()) + '\n';
}

void Recording::appendLine(QByteArray &out, const RecordedEntry &entry)
{
    // Written by hand: this runs for every frame, and a frame is escaped once, not copied into
    // a DOM first.
    out += "{\"t\":";
    appendInteger(out, entry.timeMs);
    out += ",\"link\":";
    appendInteger(out, qint64(entry.link));
    switch (entry.kind) {
    case RecordedEntry::Kind::Text:
        out += ",\"text\":";
        appendJsonString(out, entry.data);
        break;
    case RecordedEntry::Kind::Binary:
        if (isValidUtf8(entry.data)) {
            out += ",\"binary\":";
            appendJsonString(out, entry.data);
        } else {
            out += ",\"base64\":\"" + entry.data.toBase64() + '"';
        }
        break;
    case RecordedEntry::Kind::Connect:
    case RecordedEntry::Kind::Subscribe:
        out += ",\"event\":\"";
        out += eventName(entry.kind);
        out += entry.kind == RecordedEntry::Kind::Connect ? "\",\"url\":" : "\",\"request\":";
        appendJsonString(out, isValidUtf8(entry.data) ? entry.data : QByteArray());
        break;
    case RecordedEntry::Kind::Close:
    case RecordedEntry::Kind::Redial:
        out += ",\"event\":\"";
        out += eventName(entry.kind);
        out += entry.kind == RecordedEntry::Kind::Close ? "\",\"code\":" : "\",\"inMs\":";
        appendInteger(out, entry.code);
        out += entry.kind == RecordedEntry::Kind::Close ? ",\"reason\":" : ",\"why\":";
        appendJsonString(out, isValidUtf8(entry.data) ? entry.data : QByteArray());
        break;
    }
    out += "}\n";
}

std::optional<RecordedEntry> Recording::parseLine(QByteArrayView line, QString *why)
{
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (line.size() > maxLineBytes)
        return fail(u"a line of %1 bytes (at most %2)"_s.arg(line.size()).arg(maxLineBytes));
    const json object = json::parse(line.begin(), line.end(), nullptr, false);
    if (!object.is_object())
        return fail(u"not a JSON object"_s);
    const auto t = object.find("t");
    const auto link = object.find("link");
    if (t == object.end() || !t->is_number_integer() || link == object.end()
        || !link->is_number_unsigned())
        return fail(u"no whole \"t\" and \"link\""_s);
    RecordedEntry entry;
    entry.timeMs = t->get<qint64>();
    entry.link = link->get<quint64>();
    if (const auto it = object.find("text"); it != object.end() && it->is_string()) {
        entry.data = bytesOf(it->get<std::string>());
        return entry;
    }
    if (const auto it = object.find("binary"); it != object.end() && it->is_string()) {
        entry.kind = RecordedEntry::Kind::Binary;
        entry.data = bytesOf(it->get<std::string>());
        return entry;
    }
    if (const auto it = object.find("base64"); it != object.end() && it->is_string()) {
        auto decoded = QByteArray::fromBase64Encoding(
            bytesOf(it->get<std::string>()), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fail(u"\"base64\" is not base64"_s);
        entry.kind = RecordedEntry::Kind::Binary;
        entry.data = std::move(decoded.decoded);
        return entry;
    }
    const std::string event = stringMember(object, "event");
    const auto code = [&](const char *key) -> std::optional<int> {
        const auto it = object.find(key);
        if (it == object.end() || !it->is_number_integer())
            return std::nullopt;
        return int(std::clamp<qint64>(it->get<qint64>(), -1, std::numeric_limits<int>::max()));
    };
    if (event == "connect") {
        entry.kind = RecordedEntry::Kind::Connect;
        entry.data = bytesOf(stringMember(object, "url"));
    } else if (event == "subscribe") {
        entry.kind = RecordedEntry::Kind::Subscribe;
        entry.data = bytesOf(stringMember(object, "request"));
    } else if (event == "close" && code("code")) {
        entry.kind = RecordedEntry::Kind::Close;
        entry.code = *code("code");
        entry.data = bytesOf(stringMember(object, "reason"));
    } else if (event == "redial" && code("inMs")) {
        entry.kind = RecordedEntry::Kind::Redial;
        entry.code = *code("inMs");
        entry.data = bytesOf(stringMember(object, "why"));
    } else {
        return fail(u"neither a frame nor a known event"_s);
    }
    return entry;
}

Recording Recording::fromBytes(QByteArrayView contents)
{
    Recording recording;
    const qsizetype headerEnd = contents.indexOf('\n');
    const QByteArrayView first = contents.first(headerEnd < 0 ? contents.size() : headerEnd);
    const json header = first.size() > 64 * 1024
        ? json()
        : json::parse(first.begin(), first.end(), nullptr, false);
    if (!header.is_object() || stringMember(header, "recording") != formatName) {
        recording.error = contents.isEmpty() ? u"an empty file, not a recording"_s
                                             : u"not a bithumb-ticker recording"_s;
        return recording;
    }
    const auto versionIt = header.find("version");
    if (versionIt == header.end() || !versionIt->is_number_integer()
        || versionIt->get<qint64>() != version) {
        recording.error
            = u"a recording of format version %1; this build reads version %2"_s
                  .arg(versionIt == header.end() ? u"(none)"_s
                                                 : QString::fromStdString(versionIt->dump()))
                  .arg(version);
        return recording;
    }
    const auto apiIt = header.find("api");
    const int api = apiIt != header.end() && apiIt->is_number_integer() ? apiIt->get<int>() : 0;
    if (api != 1 && api != 2) {
        recording.error = u"the header names no API (1 or 2)"_s;
        return recording;
    }
    recording.header.api = api == 1 ? ApiVersion::V1 : ApiVersion::V2;
    const std::string tickType = stringMember(header, "tickType");
    if (!tickType.empty())
        recording.header.tickType = QString::fromStdString(tickType);
    recording.header.url = QString::fromStdString(stringMember(header, "url"));
    if (const auto it = header.find("symbols"); it != header.end() && it->is_array()) {
        for (const auto &symbol : *it) {
            if (symbol.is_string())
                recording.header.symbols.append(QString::fromStdString(symbol.get<std::string>()));
        }
    }
    recording.header.startedMs = QDateTime::fromString(
        QString::fromStdString(stringMember(header, "startedAt")), Qt::ISODateWithMs)
                                     .toMSecsSinceEpoch();

    qsizetype at = headerEnd < 0 ? contents.size() : headerEnd + 1;
    int lineNumber = 1;
    while (at < contents.size()) {
        ++lineNumber;
        const qsizetype end = contents.indexOf('\n', at);
        const bool lastLine = end < 0;
        const QByteArrayView line = contents.sliced(at, (lastLine ? contents.size() : end) - at);
        at = lastLine ? contents.size() : end + 1;
        if (line.isEmpty())
            continue;
        QString why;
        if (auto entry = parseLine(line, &why)) {
            recording.entries.append(std::move(*entry));
            continue;
        }
        ++recording.skippedLines;
        const QString warning = lastLine
            ? u"line %1 is cut short (the recording ended mid-write): skipped"_s.arg(lineNumber)
            : u"line %1 skipped: %2"_s.arg(lineNumber).arg(why);
        if (recording.skippedLines <= maxWarnings)
            recording.warnings.append(warning);
    }
    if (recording.skippedLines > maxWarnings)
        recording.warnings.append(
            u"%1 more lines skipped"_s.arg(recording.skippedLines - maxWarnings));
    return recording;
}

Recording Recording::fromFile(const QString &path)
{
    QFile file(path);
    Recording failed;
    if (!file.open(QIODevice::ReadOnly)) {
        failed.error = file.errorString();
        return failed;
    }
    if (file.size() > maxFileBytes) {
        failed.error = u"larger than 2 GiB"_s;
        return failed;
    }
    QByteArray contents = file.readAll();
    QString warning;
    if (contents.startsWith("\x1f\x8b")) {
        contents = gunzip(contents, &warning, &failed.error);
        if (failed.isValid() && contents.isEmpty())
            failed.error = u"a gzip file with nothing readable in it (%1)"_s.arg(warning);
        if (!failed.isValid())
            return failed;
    }
    Recording recording = fromBytes(contents);
    if (!warning.isEmpty() && recording.isValid())
        recording.warnings.prepend(warning);
    for (const QString &line : std::as_const(recording.warnings))
        qCWarning(lcRecord).noquote() << path + u": "_s + line;
    return recording;
}

QList<MarketId> Recording::markets() const
{
    QList<MarketId> markets;
    QSet<MarketId> seen;
    const auto add = [&](const MarketId &market) {
        if (!seen.contains(market)) {
            seen.insert(market);
            markets.append(market);
        }
    };
    for (const QString &symbol : header.symbols) {
        if (const auto market = MarketId::fromUser(symbol))
            add(*market);
    }
    const auto protocol = Protocol::create(header.api, header.tickType);
    for (const RecordedEntry &entry : entries) {
        if (!entry.isFrame())
            continue;
        const ParsedFrame parsed = protocol->parseFrame(entry.data, entry.timeMs);
        if (parsed.kind == ParsedFrame::Kind::Tick)
            add(parsed.tick.market);
    }
    return markets;
}

QHash<MarketId, QString> Recording::spelling() const
{
    QHash<MarketId, QString> spelling;
    for (const QString &symbol : header.symbols) {
        if (const auto market = MarketId::fromUser(symbol); market && !spelling.contains(*market))
            spelling.insert(*market, symbol.trimmed());
    }
    return spelling;
}

} // namespace ticker
