// The recording format: lines written and read back to the same entries, the header judged,
// bad lines skipped and counted, a cut-short end survived, gzip read whole or cut short.
#include "bithumbticker/jsonstring.h"
#include "bithumbticker/recording.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

RecordingHeader sampleHeader()
{
    RecordingHeader header;
    header.api = ApiVersion::V1;
    header.tickType = u"1H"_s;
    header.url = u"wss://pubwss.bithumb.com/pub/ws"_s;
    header.symbols = {u"KRW-BTC"_s, u"ETH_KRW"_s};
    header.startedMs = 1'764'650'000'123;
    return header;
}

RecordedEntries sampleEntries()
{
    using Kind = RecordedEntry::Kind;
    return {
        {Kind::Connect, 1000, 1, "wss://pubwss.bithumb.com/pub/ws", 0},
        {Kind::Text, 1001, 1, R"({"status":"0000","resmsg":"Connected Successfully"})", 0},
        {Kind::Subscribe, 1002, 1, R"({"type":"ticker","symbols":["BTC_KRW"]})", 0},
        {Kind::Binary, 1003, 1, "{\"k\":\"\xed\x95\x9c \\\" \t\"}", 0},    // UTF-8, escapes
        {Kind::Binary, 1004, 1, QByteArray("\x00\xff\xfe binary", 10), 0}, // not UTF-8
        {Kind::Close, 1005, 1, "going away", 1001},
        {Kind::Redial, 1006, 1, "closed by the server (1001)", 250},
    };
}

QByteArray recordingBytes(const RecordedEntries &entries)
{
    QByteArray bytes = Recording::headerLine(sampleHeader());
    for (const RecordedEntry &entry : entries)
        Recording::appendLine(bytes, entry);
    return bytes;
}

QByteArray gzip(const QByteArray &plain)
{
    z_stream stream {};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(plain.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.data()));
    stream.avail_in = uInt(plain.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(out.size() - qsizetype(stream.avail_out));
    deflateEnd(&stream);
    return out;
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

} // namespace

TEST(Recording, EveryEntryReadsBackExactly)
{
    const Recording recording = Recording::fromBytes(recordingBytes(sampleEntries()));
    ASSERT_TRUE(recording.isValid()) << recording.error.toStdString();
    EXPECT_EQ(recording.entries, sampleEntries());
    EXPECT_TRUE(recording.warnings.isEmpty());
    EXPECT_EQ(recording.header.api, ApiVersion::V1);
    EXPECT_EQ(recording.header.tickType, u"1H"_s);
    EXPECT_EQ(recording.header.symbols, sampleHeader().symbols);
    EXPECT_EQ(recording.header.startedMs, sampleHeader().startedMs);
}

TEST(Recording, LinesAreTheDocumentedJson)
{
    QByteArray line;
    Recording::appendLine(line, {RecordedEntry::Kind::Binary, 5, 2, "{\"a\":1}", 0});
    EXPECT_EQ(line,
        R"({"t":5,"link":2,"binary":"{\"a\":1}"})"
        "\n");
    line.clear();
    Recording::appendLine(line, {RecordedEntry::Kind::Close, 6, 2, "bye", 1000});
    EXPECT_EQ(line,
        R"({"t":6,"link":2,"event":"close","code":1000,"reason":"bye"})"
        "\n");
    EXPECT_TRUE(Recording::headerLine(sampleHeader())
                    .startsWith(R"({"recording":"bithumb-ticker","version":1,"api":1,)"));
}

TEST(Recording, CutShortLastLineIsSkippedWithAWarning)
{
    QByteArray bytes = recordingBytes(sampleEntries());
    bytes.chop(9); // the crash came mid-line
    const Recording recording = Recording::fromBytes(bytes);
    ASSERT_TRUE(recording.isValid());
    EXPECT_EQ(recording.entries, sampleEntries().first(6));
    EXPECT_EQ(recording.skippedLines, 1);
    ASSERT_EQ(recording.warnings.size(), 1);
    EXPECT_TRUE(recording.warnings[0].contains(u"cut short"_s))
        << recording.warnings[0].toStdString();
}

TEST(Recording, BadLinesInTheMiddleAreCountedAndDropped)
{
    QByteArray bytes = Recording::headerLine(sampleHeader());
    for (int i = 0; i < 8; ++i)
        bytes += "not json\n";
    bytes += R"({"t":1,"link":1,"event":"teleport"})"
             "\n";
    bytes += R"({"t":"soon","link":1,"text":"x"})"
             "\n";
    bytes += R"({"t":1,"link":1,"base64":"!!"})"
             "\n";
    bytes += "\n"; // blank lines are nothing
    Recording::appendLine(bytes, sampleEntries()[0]);
    const Recording recording = Recording::fromBytes(bytes);
    ASSERT_TRUE(recording.isValid());
    EXPECT_EQ(recording.entries.size(), 1);
    EXPECT_EQ(recording.skippedLines, 11);
    ASSERT_EQ(recording.warnings.size(), 6); // five, then how many more
    EXPECT_EQ(recording.warnings.last(), u"6 more lines skipped"_s);
}

TEST(Recording, OverlongLineIsRefused)
{
    QString why;
    const QByteArray huge
        = R"({"t":1,"link":1,"text":")" + QByteArray(Recording::maxLineBytes, 'x') + R"("})";
    EXPECT_FALSE(Recording::parseLine(huge, &why));
    EXPECT_TRUE(why.contains(u"at most"_s)) << why.toStdString();
}

TEST(Recording, OtherFilesAndVersionsAreRefused)
{
    const auto errorOf
        = [](const QByteArray &bytes) { return Recording::fromBytes(bytes).error.toStdString(); };
    EXPECT_NE(errorOf(""), "");
    EXPECT_EQ(errorOf("hello\n"), "not a bithumb-ticker recording");
    EXPECT_EQ(errorOf(R"({"symbol":"BTC_KRW","closePrice":"1"})"
                      "\n"),
        "not a bithumb-ticker recording");
    EXPECT_EQ(errorOf(R"({"recording":"bithumb-ticker","version":2,"api":2})"
                      "\n"),
        "a recording of format version 2; this build reads version 1");
    EXPECT_EQ(errorOf(R"({"recording":"bithumb-ticker","version":1,"api":3})"
                      "\n"),
        "the header names no API (1 or 2)");
    EXPECT_TRUE(Recording::fromBytes(R"({"recording":"bithumb-ticker","version":1,"api":2})")
                    .isValid()); // a header alone: an empty recording
}

TEST(Recording, GzipIsReadWholeOrAsFarAsItGoes)
{
    QTemporaryDir dir;
    const QByteArray plain = recordingBytes(sampleEntries());
    const Recording whole = Recording::fromFile(writeFile(dir, "whole.jsonl.gz", gzip(plain)));
    ASSERT_TRUE(whole.isValid()) << whole.error.toStdString();
    EXPECT_EQ(whole.entries, sampleEntries());
    EXPECT_TRUE(whole.warnings.isEmpty());

    QByteArray cut = gzip(plain);
    cut.chop(30);
    const Recording partial = Recording::fromFile(writeFile(dir, "cut.jsonl.gz", cut));
    ASSERT_TRUE(partial.isValid()) << partial.error.toStdString();
    EXPECT_LT(partial.entries.size(), sampleEntries().size());
    EXPECT_EQ(partial.entries, sampleEntries().first(partial.entries.size()));
    ASSERT_FALSE(partial.warnings.isEmpty());
    EXPECT_TRUE(partial.warnings[0].contains(u"compressed stream is cut short"_s));

    EXPECT_FALSE(Recording::fromFile(dir.filePath(u"missing.jsonl"_s)).isValid());
}

TEST(Recording, MarketsComeFromTheHeaderThenTheFrames)
{
    Recording recording = Recording::fromBytes(recordingBytes({}));
    recording.entries.append({RecordedEntry::Kind::Text, 1, 1,
        R"({"type":"ticker","content":{"tickType":"1H","date":"20261202","time":"133000",)"
        R"("openPrice":"1","closePrice":"2","lowPrice":"1","highPrice":"2","value":"1",)"
        R"("volume":"1","sellVolume":"1","buyVolume":"0","prevClosePrice":"1","chgRate":"1",)"
        R"("chgAmt":"1","volumePower":"1","symbol":"XRP_KRW"}})",
        0});
    const QList<MarketId> markets = recording.markets();
    ASSERT_EQ(markets.size(), 3);
    EXPECT_EQ(markets[0], *MarketId::fromV1("BTC_KRW"));
    EXPECT_EQ(markets[1], *MarketId::fromV1("ETH_KRW"));
    EXPECT_EQ(markets[2], *MarketId::fromV1("XRP_KRW"));
    EXPECT_EQ(recording.spelling().value(markets[0]), u"KRW-BTC"_s);
}

TEST(JsonString, Utf8IsJudgedAsStrictlyAsTheParser)
{
    EXPECT_TRUE(isValidUtf8("plain"));
    EXPECT_TRUE(isValidUtf8("\xed\x95\x9c\xea\xb8\x80")); // 한글
    EXPECT_TRUE(isValidUtf8("\xf0\x9f\x93\x88"));         // U+1F4C8
    EXPECT_FALSE(isValidUtf8("\xc0\xaf"));                // overlong
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80"));            // a surrogate
    EXPECT_FALSE(isValidUtf8("\xf4\x90\x80\x80"));        // above U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xe2\x82"));                // cut short
    EXPECT_FALSE(isValidUtf8(QByteArrayView("\xff", 1)));
    QByteArray out;
    appendJsonString(out, QByteArrayView("a\"b\\c\n\x01", 7));
    EXPECT_EQ(out, R"("a\"b\\c\u000a\u0001")");
}

// Every byte that must be escaped, at every place within and around an eight-byte word, read
// back by the JSON parser as exactly the bytes written, whether the output was empty or not.
TEST(JsonString, EveryByteToEscapeAtEveryOffsetReadsBack)
{
    for (int c = 0; c < 0x80; ++c) {
        for (int length = 1; length <= 20; ++length) {
            for (int at = 0; at < length; ++at) {
                std::string text(std::size_t(length), 'a');
                text[std::size_t(at)] = char(c);
                if (at + 1 < length)
                    text[std::size_t(at + 1)] = '"'; // two to escape in a row
                std::string out = "x";
                appendJsonString(out, QByteArrayView(text.data(), qsizetype(text.size())));
                ASSERT_EQ(out.front(), 'x');
                const auto back = nlohmann::json::parse(out.substr(1), nullptr, false);
                ASSERT_TRUE(back.is_string()) << "byte " << c << " at " << at << ": " << out;
                ASSERT_EQ(back.get<std::string>(), text) << "byte " << c << " at " << at;
            }
        }
    }
    QByteArray korean
        = QByteArrayLiteral("{\"market\":\"KRW-BTC\",\"name\":\"\xeb\xb9\x84\xed\x8a\xb8\"}");
    QByteArray out;
    appendJsonString(out, korean);
    EXPECT_EQ(out, '"' + QByteArray(korean).replace("\"", "\\\"") + '"'); // Hangul as it is
}
