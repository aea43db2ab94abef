// Golden files: every example Bithumb publishes (tests/fixtures/real/, copied from the
// exchange's own documentation) is parsed and compared with the reference beside it
// (NAME.ref). A new captured frame costs one file pair, not a new test. API and parser come
// from the name: v1_/v2_, candles or candlestick for the REST candle parser, market_all for the
// market list (MarketCatalog::parse); .jsonl holds one frame a line. TICKER_UPDATE_GOLDEN=1
// rewrites the references (review the diff).
#include "bithumbticker/marketcatalog.h"
#include "bithumbticker/protocol.h"
#include "qtprinters.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

const QString realDir = QStringLiteral(TICKER_FIXTURES_DIR "/real");
constexpr qint64 receivedMs = 1'800'000'000'000; // fixed, so references do not move

QString number(double value)
{
    return std::isnan(value) ? u"unknown"_s
                             : QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString time(qint64 ms)
{
    return ms == 0 ? u"none"_s
                   : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString describe(const ParsedFrame &frame)
{
    QStringList lines;
    const auto add
        = [&](const QString &key, const QString &value) { lines.append(key + u": " + value); };
    static const char *const kinds[] = {"tick", "status", "error", "ignored", "rejected"};
    add(u"kind"_s, QString::fromLatin1(kinds[int(frame.kind)]));
    switch (frame.kind) {
    case ParsedFrame::Kind::Tick: {
        const Tick &tick = frame.tick;
        add(u"market"_s, tick.market.toV1());
        add(u"priceText"_s, tick.priceText);
        add(u"price"_s, number(tick.price));
        add(u"changeAmount"_s, number(tick.changeAmount));
        add(u"changePercent"_s, number(tick.changePercent));
        add(u"volume"_s, number(tick.volume));
        add(u"tradedValue"_s, number(tick.tradedValue));
        add(u"exchangeTime"_s, time(tick.exchangeTimeMs));
        add(u"serverTime"_s, time(tick.serverTimeMs));
        add(u"snapshot"_s, !tick.snapshot ? u"none"_s : *tick.snapshot ? u"true"_s : u"false"_s);
        const MarketStatus &status = tick.status;
        add(u"status.reported"_s, status.reported ? u"true"_s : u"false"_s);
        add(u"status.state"_s, status.state.isEmpty() ? u"none"_s : status.state);
        add(u"status.tradingSuspended"_s,
            !status.tradingSuspended       ? u"none"_s
                : *status.tradingSuspended ? u"true"_s
                                           : u"false"_s);
        add(u"status.delistingDate"_s,
            status.isDelisting() ? status.delistingDate.toString(Qt::ISODate) : u"none"_s);
        add(u"status.warning"_s, status.warning.isEmpty() ? u"none"_s : status.warning);
        break;
    }
    case ParsedFrame::Kind::Status:
    case ParsedFrame::Kind::Error:
        add(u"code"_s, frame.code);
        add(u"detail"_s, frame.detail);
        break;
    case ParsedFrame::Kind::Ignored:
    case ParsedFrame::Kind::Rejected:
        add(u"detail"_s, frame.detail);
        break;
    }
    for (const FieldDrop &drop : frame.droppedFields)
        add(u"droppedField"_s, drop.detail);
    return lines.join(u'\n');
}

QString describe(const CandlePage &page)
{
    QStringList lines {u"candles: %1"_s.arg(page.candles.size()),
        u"rejected: %1"_s.arg(page.rejected),
        u"error: %1"_s.arg(page.error.isEmpty() ? u"none"_s : page.error)};
    for (const Candle &c : page.candles) {
        lines.append(u"%1 open %2 high %3 low %4 close %5"_s.arg(
            time(c.startMs), number(c.open), number(c.high), number(c.low), number(c.close)));
    }
    return lines.join(u'\n');
}

QString describe(const MarketCatalog::Parsed &parsed)
{
    QStringList lines {u"markets: %1"_s.arg(parsed.entries.size()),
        u"rejected: %1"_s.arg(parsed.rejected), u"droppedFields: %1"_s.arg(parsed.droppedFields),
        u"error: %1"_s.arg(parsed.error.isEmpty() ? u"none"_s : parsed.error)};
    for (const MarketCatalog::Entry &entry : parsed.entries) {
        lines.append(u"%1 %2 %3 | %4 | warning %5"_s.arg(entry.market.toV2(), entry.market.toV1(),
            entry.koreanName, entry.englishName,
            entry.warning.isEmpty() ? u"none"_s : entry.warning));
    }
    return lines.join(u'\n');
}

// What the parsers make of one fixture, as text.
QString parse(const QString &name, const QByteArray &bytes)
{
    const auto protocol
        = Protocol::create(name.startsWith(u"v1_") ? ApiVersion::V1 : ApiVersion::V2);
    if (name.contains(u"candle"))
        return describe(protocol->parseCandles(bytes));
    if (name.contains(u"market_all"))
        return describe(MarketCatalog::parse(bytes));
    QList<QByteArray> frames {bytes.trimmed()};
    if (name.endsWith(u".jsonl"))
        frames = bytes.trimmed().split('\n');
    QStringList described;
    for (const QByteArray &frame : std::as_const(frames))
        described.append(describe(protocol->parseFrame(frame, receivedMs)));
    return described.join(u"\n---\n") + u'\n';
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList fixtureNames()
{
    return QDir(realDir).entryList({u"*.json"_s, u"*.jsonl"_s}, QDir::Files, QDir::Name);
}

class Golden : public ::testing::TestWithParam<QString>
{
};

} // namespace

TEST(GoldenFiles, EveryPublishedExampleIsHere)
{
    // The exchange's examples of frames, candles and the market list (the subscribe requests
    // are not answers the app parses).
    EXPECT_GE(fixtureNames().size(), 13);
    // And no reference is left over from a fixture that is gone.
    for (const QString &ref : QDir(realDir).entryList({u"*.ref"_s}, QDir::Files))
        EXPECT_TRUE(fixtureNames().contains(ref.chopped(4))) << ref.toStdString();
}

TEST_P(Golden, ParsedAsTheReferenceSays)
{
    const QString name = GetParam();
    const QString parsed = parse(name, readFile(realDir + u'/' + name));
    const QString refPath = realDir + u'/' + name + u".ref";
    if (qEnvironmentVariableIntValue("TICKER_UPDATE_GOLDEN") == 1) {
        QFile ref(refPath);
        ASSERT_TRUE(ref.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ref.write(parsed.toUtf8());
    }
    const QByteArray expected = readFile(refPath);
    ASSERT_FALSE(expected.isEmpty()) << "no reference: " << refPath.toStdString();
    EXPECT_EQ(parsed.toStdString(), expected.toStdString()) << name.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Real, Golden, ::testing::ValuesIn(fixtureNames()),
    [](const ::testing::TestParamInfo<QString> &param) {
        QString name = param.param;
        name.replace(u'.', u'_').replace(u'-', u'_');
        return name.toStdString();
    });
