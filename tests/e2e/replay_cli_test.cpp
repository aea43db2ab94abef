// --record and --replay as scripts use them: the real binary in a child process, recording a
// run against the loopback exchange and replaying it to the same output; a killed recorder,
// a full disk, a cut-short file and files that are no recording.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/recording.h"
#include "common.h"
#include "fixtures.h"
#include "recordingtest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <sys/resource.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace {

QString binary()
{
    return QStringLiteral(BITHUMB_TICKER_BINARY);
}

struct Outcome
{
    int exitCode = -1;
    QByteArray out, err;
};

// Waits with the event loop running: the exchange in this process must go on sending.
Outcome finish(QProcess &process)
{
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, processTimeoutMs));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

Outcome runTicker(const QStringList &arguments)
{
    QProcess process;
    process.start(binary(), arguments);
    return finish(process);
}

Outcome replay(const QString &path, const QStringList &more = {})
{
    return runTicker(
        QStringList {u"--headless"_s, u"--replay"_s, path, u"--speed"_s, u"0"_s} + more);
}

QList<QByteArray> lines(const QByteArray &output)
{
    QList<QByteArray> result;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.isEmpty())
            result.append(line);
    }
    return result;
}

// What a replay must reproduce exactly: symbol, closePrice and time, as printed.
QStringList contract(const QByteArray &output)
{
    QStringList result;
    for (const QByteArray &line : lines(output)) {
        const json tick = json::parse(line.toStdString());
        result.append(QString::fromStdString(
            tick["symbol"].dump() + ' ' + tick["closePrice"].dump() + ' ' + tick["time"].dump()));
    }
    return result;
}

// Every printed field but receivedAt, which is when this machine got the frame.
QStringList withoutReceivedAt(const QByteArray &output)
{
    QStringList result;
    for (const QByteArray &line : lines(output)) {
        json tick = json::parse(line.toStdString());
        tick.erase("receivedAt");
        result.append(QString::fromStdString(tick.dump()));
    }
    return result;
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

// A small API 2.0 recording written here: one link, three trades 10 ms apart.
QByteArray handMadeRecording()
{
    RecordingHeader header;
    header.symbols = {u"KRW-BTC"_s};
    QByteArray bytes = Recording::headerLine(header);
    const qint64 t = 1'795'528'198'000;
    using Kind = RecordedEntry::Kind;
    Recording::appendLine(bytes, {Kind::Connect, t, 1, "ws://127.0.0.1/websocket/v1", 0});
    Recording::appendLine(bytes,
        {Kind::Subscribe, t + 1, 1, Protocol::create(ApiVersion::V2)->subscribeMessage({btc}), 0});
    for (int i = 0; i < 3; ++i) {
        const QByteArray price = QByteArray::number(130112000 + i * 1000);
        Recording::appendLine(bytes,
            {Kind::Binary, t + 10 * (i + 1), 1,
                test::v2Ticker(price.constData(), t + 10 * i, t + 10 * i + 5), 0});
    }
    return bytes;
}

// A headless run against the loopback exchange, recorded, its output read as it comes.
class RecordedRun
{
public:
    RecordedRun(FakeExchange &exchange, ApiVersion api, const QString &path, QStringList more = {})
    {
        m_process.start(binary(),
            QStringList {u"--headless"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s, u"--api"_s,
                api == ApiVersion::V1 ? u"1"_s : u"2"_s, u"--url"_s, exchange.url(api).toString(),
                u"--record"_s, path}
                + more);
    }

    bool waitForLines(qsizetype count)
    {
        return QTest::qWaitFor(
            [&] {
                m_out += m_process.readAllStandardOutput();
                return m_out.count('\n') >= count;
            },
            processTimeoutMs);
    }

    Outcome finish()
    {
        Outcome outcome = ::finish(m_process);
        outcome.out.prepend(m_out);
        return outcome;
    }

    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_out;
};

class ReplayCli : public test::RecordingTest
{
};

} // namespace

// The contract: a run recorded with --record replays to the same output, byte for byte in
// symbol, closePrice and time, with the link's loss and redial played again.
TEST_P(ReplayCli, RecordedRunReplaysToTheSameOutput)
{
    const bool v2 = GetParam() == ApiVersion::V2;
    for (const QString &name : {u"run.jsonl"_s, u"run.jsonl.gz"_s}) {
        const QString path = dir.filePath(name);
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        // API 2.0: two snapshots first; after the redial the same snapshots are not news.
        const int snapshots = v2 ? 2 : 0;
        RecordedRun run(exchange, GetParam(), path,
            {u"--symbols"_s, u"KRW-BTC,ETH_KRW"_s, u"--exit-after"_s,
                QString::number(snapshots + 5)});
        ASSERT_TRUE(subscribed.wait(processTimeoutMs));
        exchange.publish(btc, u"130112000"_s);
        exchange.publish(eth, u"4312000.5"_s);
        exchange.publish(btc, u"130113000"_s);
        ASSERT_TRUE(run.waitForLines(snapshots + 3));
        exchange.closeAll(1000);
        ASSERT_TRUE(subscribed.wait(processTimeoutMs));
        exchange.publish(eth, u"4312001"_s);
        exchange.publish(btc, u"130114000"_s);
        const Outcome recorded = run.finish();
        ASSERT_EQ(recorded.exitCode, 0) << recorded.err.toStdString();
        ASSERT_EQ(lines(recorded.out).size(), snapshots + 5)
            << recorded.out.toStdString() << recorded.err.toStdString();

        const Outcome replayed = replay(path); // the recording's markets and spelling
        ASSERT_EQ(replayed.exitCode, 0) << replayed.err.toStdString();
        EXPECT_EQ(contract(replayed.out), contract(recorded.out)) << replayed.err.toStdString();
        EXPECT_TRUE(replayed.err.contains("link lost")) << replayed.err.toStdString();
        // Faster or at pace, the same; --symbols picks markets out of it.
        EXPECT_EQ(contract(replay(path, {u"--speed"_s, u"50"_s}).out).size(), snapshots + 5);
        const Outcome onlyEth = replay(path, {u"--symbols"_s, u"ETH_KRW"_s});
        ASSERT_EQ(onlyEth.exitCode, 0);
        const QStringList ethLines = contract(onlyEth.out);
        EXPECT_EQ(ethLines.size(), v2 ? 3 : 2) << onlyEth.out.toStdString();
        for (const QString &line : ethLines)
            EXPECT_TRUE(line.startsWith(u"\"ETH_KRW\""_s)) << line.toStdString();
    }
}

// A crash or kill loses at most the last half second: the file (gzip too) replays up to there.
TEST_P(ReplayCli, KilledRecorderLeavesAReplayableRecording)
{
    const QString path = dir.filePath(u"killed.jsonl.gz"_s);
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    RecordedRun run(exchange, GetParam(), path);
    ASSERT_TRUE(subscribed.wait(processTimeoutMs));
    const QStringList prices {u"130112000"_s, u"130113000"_s, u"130114000"_s};
    for (const QString &price : prices)
        exchange.publish(btc, price);
    const qsizetype expected = prices.size() + (GetParam() == ApiVersion::V2 ? 1 : 0);
    ASSERT_TRUE(run.waitForLines(expected));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const Recording written = Recording::fromFile(path);
            return written.isValid() && !written.entries.isEmpty()
                && written.entries.constLast().data.contains("130114000");
        },
        processTimeoutMs));
    run.process().kill();
    const Outcome killed = run.finish();
    ASSERT_NE(killed.exitCode, 0);
    const Outcome replayed = replay(path);
    ASSERT_EQ(replayed.exitCode, 0) << replayed.err.toStdString();
    EXPECT_EQ(contract(replayed.out), contract(killed.out));
    EXPECT_TRUE(replayed.err.contains("warning")) << "a gzip stream without its end";
}

// A full disk in mid-run (a file size limit: EFBIG) stops the recording with a clear message;
// the ticker prints every tick and exits 0.
TEST_P(ReplayCli, FullDiskStopsTheRecordingNotTheTicker)
{
    const QString path = dir.filePath(u"full.jsonl"_s);
    constexpr rlim_t limit = 64 * 1024;
    QProcess process;
    process.setChildProcessModifier([] {
        const rlimit size {limit, limit};
        setrlimit(RLIMIT_FSIZE, &size);
        std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails instead of killing
    });
    const int count = 2000; // about 1.5 MB of frames
    const bool v2 = GetParam() == ApiVersion::V2;
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    process.start(binary(),
        {u"--headless"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s, u"--api"_s,
            v2 ? u"2"_s : u"1"_s, u"--url"_s, exchange.url(GetParam()).toString(), u"--record"_s,
            path, u"--exit-after"_s, QString::number(count + (v2 ? 1 : 0))});
    ASSERT_TRUE(subscribed.wait(processTimeoutMs));
    exchange.flood(count);
    const Outcome run = finish(process);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(lines(run.out).size(), count + (v2 ? 1 : 0)) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(
        QByteArray(QByteArray("bithumb-ticker: recording stopped: ") + path.toUtf8())))
        << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("File too large")) << run.err.toStdString();
    EXPECT_LE(QFile(path).size(), qint64(limit));
    const Recording kept = Recording::fromFile(path);
    EXPECT_TRUE(kept.isValid()) << "what was written before stays a recording";
}

INSTANTIATE_TEST_SUITE_P(BothApis, ReplayCli, ::testing::Values(ApiVersion::V1, ApiVersion::V2),
    [](const auto &param) { return param.param == ApiVersion::V1 ? "Api1" : "Api2"; });

TEST(ReplayCliFiles, CutShortLastLineIsSkippedWithAWarning)
{
    QTemporaryDir dir;
    QByteArray bytes = handMadeRecording();
    const Outcome whole = replay(writeFile(dir.filePath(u"whole.jsonl"_s), bytes));
    ASSERT_EQ(whole.exitCode, 0) << whole.err.toStdString();
    ASSERT_EQ(lines(whole.out).size(), 3);
    bytes.chop(200); // a crash in the middle of the last frame's line
    const Outcome cut = replay(writeFile(dir.filePath(u"cut.jsonl"_s), bytes));
    EXPECT_EQ(cut.exitCode, 0) << cut.err.toStdString();
    EXPECT_EQ(withoutReceivedAt(cut.out), withoutReceivedAt(whole.out).first(2));
    EXPECT_TRUE(cut.err.contains("warning:") && cut.err.contains("line 6 is cut short"))
        << cut.err.toStdString();
}

TEST(ReplayCliFiles, NotARecordingOrAnotherVersionExitsWith2)
{
    QTemporaryDir dir;
    const struct
    {
        const char *name;
        QByteArray bytes;
        const char *says;
    } cases[] = {
        {"ticks.jsonl",
            R"({"symbol":"BTC_KRW","closePrice":"1"})"
            "\n",
            "not a bithumb-ticker recording"},
        {"empty.jsonl", "", "an empty file, not a recording"},
        {"v2.jsonl",
            R"({"recording":"bithumb-ticker","version":2,"api":2})"
            "\n",
            "format version 2; this build reads version 1"},
        {"garbage.gz", "\x1f\x8b\x08garbage", "a gzip file with nothing readable in it"},
    };
    for (const auto &c : cases) {
        const QString path = writeFile(dir.filePath(QString::fromLatin1(c.name)), c.bytes);
        const Outcome run = replay(path);
        EXPECT_EQ(run.exitCode, 2) << c.name;
        EXPECT_TRUE(run.out.isEmpty()) << c.name;
        EXPECT_TRUE(run.err.contains(c.says)) << c.name << ": " << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(path.toUtf8())) << c.name;
    }
    const Outcome missing = replay(dir.filePath(u"missing.jsonl"_s));
    EXPECT_EQ(missing.exitCode, 2);
    const QString recording = writeFile(dir.filePath(u"ok.jsonl"_s), handMadeRecording());
    for (const QStringList &arguments : {QStringList {u"--speed"_s, u"2"_s},
             QStringList {u"--replay"_s, recording, u"--speed"_s, u"-1"_s},
             QStringList {u"--replay"_s, recording, u"--demo"_s},
             QStringList {u"--replay"_s, recording, u"--api"_s, u"1"_s},
             QStringList {u"--record"_s, recording, u"--replay"_s, recording}}) {
        const Outcome run = runTicker(QStringList {u"--headless"_s} + arguments);
        EXPECT_EQ(run.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_FALSE(run.err.isEmpty());
    }
}

TEST(ReplayCliFiles, UnwritableRecordingIsReportedAndTheTickerRunsOn)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"no/such/dir/run.jsonl"_s);
    const Outcome run
        = runTicker({u"--demo"_s, u"--headless"_s, u"--exit-after"_s, u"2"_s, u"--record"_s, path});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(lines(run.out).size(), 2);
    EXPECT_TRUE(
        run.err.contains(QByteArray(QByteArray("bithumb-ticker: not recording: ") + path.toUtf8())))
        << run.err.toStdString();
}

// Recordings as fixtures: each tests/fixtures/recordings/*.jsonl[.gz] replays to the output in
// the .ref beside it (every field but receivedAt). A new case is a file pair.
TEST(RecordingFixtures, ReplayToTheirReferenceOutput)
{
    const QDir fixtures(QStringLiteral(TICKER_FIXTURES_DIR "/recordings"));
    const QStringList recordings
        = fixtures.entryList({u"*.jsonl"_s, u"*.jsonl.gz"_s}, QDir::Files, QDir::Name);
    ASSERT_GE(recordings.size(), 2); // one of each API at least
    for (const QString &name : recordings) {
        const QString base = name.endsWith(u".gz"_s) ? name.chopped(3) : name;
        QFile reference(fixtures.filePath(base.chopped(6) + u".ref"_s));
        ASSERT_TRUE(reference.open(QIODevice::ReadOnly)) << reference.fileName().toStdString();
        const Outcome run = replay(fixtures.filePath(name));
        ASSERT_EQ(run.exitCode, 0) << name.toStdString() << run.err.toStdString();
        EXPECT_EQ(withoutReceivedAt(run.out), withoutReceivedAt(reference.readAll()))
            << name.toStdString() << "\n"
            << run.out.toStdString();
    }
}
