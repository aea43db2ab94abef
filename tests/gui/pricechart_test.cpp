// PriceChart on its own, offscreen, over a PriceHistory the test fills.
#include "chartcolumns.h"
#include "pricechart.h"

#include "tickcolors.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 minuteT0 = 1'795'430'460'000;

class PriceChartTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        for (int i = 0; i <= 300; ++i) // five minutes, a tick a second
            history.append(minuteT0 + i * 1000, 130'000'000 + (i % 60) * 1000);
        chart.setHistory(&history);
        chart.resize(600, 240);
        chart.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&chart));
    }

    // Paints now and waits for nothing else: what a frame would show.
    void paint() { chart.repaint(); }

    // Tells the chart of new ticks and waits for the frame that paints them.
    bool changedAndPainted()
    {
        const int before = chart.paintCount();
        chart.historyChanged();
        return QTest::qWaitFor([&] { return chart.paintCount() > before; }, 2000);
    }

    // The pointer at a point of the widget (sent directly: QTest's cursor moves are unreliable
    // on a scaled screen).
    void hover(QPoint at)
    {
        QMouseEvent move(QEvent::MouseMove, at, chart.mapToGlobal(at), Qt::NoButton, Qt::NoButton,
            Qt::NoModifier);
        QCoreApplication::sendEvent(&chart, &move);
        paint();
    }

    // TICKER_SCREENSHOT_DIR set: the chart as it looks now, for a person to check.
    void saveScreenshot(const char *name)
    {
        const QString dir = qEnvironmentVariable("TICKER_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            chart.grab().save(dir + u'/' + QString::fromLatin1(name) + u".png");
    }

    PriceHistory history;
    PriceChart chart;
};

} // namespace

TEST_F(PriceChartTest, LabelsTimesAtTheBottomAndPricesAtTheRight)
{
    paint();
    // Five minutes from 10:41 UTC: a label each round minute of the local clock.
    ASSERT_GE(chart.timeLabels().size(), 3);
    for (const QString &label : chart.timeLabels())
        EXPECT_TRUE(label.endsWith(u":00"_s) || label.size() == 5) << label.toStdString();
    const QString first
        = QLocale().toString(QDateTime::fromMSecsSinceEpoch(minuteT0 + 60'000), u"HH:mm"_s);
    EXPECT_TRUE(chart.timeLabels().contains(first)) << first.toStdString();
    ASSERT_GE(chart.priceLabels().size(), 2);
    EXPECT_TRUE(chart.priceLabels().contains(u"130,020,000"_s)
        || chart.priceLabels().contains(u"130,030,000"_s)
        || chart.priceLabels().contains(u"130,025,000"_s))
        << chart.priceLabels().join(u' ').toStdString();
}

TEST_F(PriceChartTest, HoverShowsTheExactTimeAndPriceOfTheNearestTick)
{
    history.append(minuteT0 + 330'000, 130'123'456.5); // an odd price, exactly, 30 s after the rest
    paint();
    // Near the right edge of the plot, the newest tick is the nearest.
    const int x = chart.width() - 1;
    for (int probe = x; probe > 0 && chart.hoverText().isEmpty(); probe -= 4)
        hover(QPoint(probe, chart.height() / 2));
    const QString expected = QLocale().toString(QDateTime::fromMSecsSinceEpoch(minuteT0 + 330'000),
                                 u"yyyy-MM-dd HH:mm:ss"_s)
        + u"\n130,123,456.5"_s;
    EXPECT_EQ(chart.hoverText(), expected);
    saveScreenshot("chart-hover");

    // In the middle: a tick from the middle, not an interpolation.
    hover(QPoint(chart.width() / 3, chart.height() / 2));
    const QStringList parts = chart.hoverText().split(u'\n');
    ASSERT_EQ(parts.size(), 2);
    const QDateTime shown = QLocale().toDateTime(parts[0], u"yyyy-MM-dd HH:mm:ss"_s);
    const PricePoint *tick = history.nearest(shown.toMSecsSinceEpoch());
    EXPECT_EQ(tick->timeMs, shown.toMSecsSinceEpoch());
    EXPECT_EQ(parts[1], QLocale().toString(tick->price, 'f', 0));

    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(&chart, &leave);
    paint();
    EXPECT_TRUE(chart.hoverText().isEmpty());
}

TEST_F(PriceChartTest, ManyChangesInAFrameCostOnePaint)
{
    chart.setFrameIntervalMs(30);
    QTest::qWait(50);
    const int before = chart.paintCount();
    for (int i = 0; i < 1000; ++i) {
        history.append(minuteT0 + 400'000 + i, 130'000'000 + i);
        chart.historyChanged();
    }
    EXPECT_EQ(chart.paintCount(), before); // nothing painted yet: it waits for the frame
    ASSERT_TRUE(QTest::qWaitFor([&] { return chart.paintCount() > before; }, 2000));
    QTest::qWait(100); // and no more paints follow
    EXPECT_EQ(chart.paintCount(), before + 1);
}

TEST_F(PriceChartTest, NoPaintWhileHiddenOrMinimised)
{
    chart.setFrameIntervalMs(1);
    chart.hide();
    QTest::qWait(20);
    int before = chart.paintCount();
    for (int i = 0; i < 100; ++i) {
        chart.historyChanged();
        QTest::qWait(1);
    }
    EXPECT_EQ(chart.paintCount(), before);

    chart.showMinimized();
    QTest::qWait(20);
    ASSERT_TRUE(chart.isMinimized());
    before = chart.paintCount();
    for (int i = 0; i < 100; ++i) {
        chart.historyChanged();
        QTest::qWait(1);
    }
    EXPECT_EQ(chart.paintCount(), before);

    chart.showNormal(); // shown again, it paints what the history holds now
    ASSERT_TRUE(QTest::qWaitFor([&] { return chart.paintCount() > before; }, 2000));
}

TEST_F(PriceChartTest, FollowsADarkPalette)
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    dark.setColor(QPalette::Mid, QColor(0x44, 0x46, 0x4a));
    paint(); // a picture in the light palette first: the dark one replaces all of it
    chart.setPalette(dark);
    EXPECT_EQ(chart.grab().toImage().pixelColor(2, 2), dark.color(QPalette::Base));
    history.append(minuteT0 + 301'000, 130'100'000); // a rise: the line is red
    const QImage image = chart.grab().toImage();
    EXPECT_EQ(image.pixelColor(2, 2), dark.color(QPalette::Base));
    // The line is drawn in the dark palette's lighter red or blue, never the light one's.
    bool lightShade = false, darkShade = false;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            darkShade = darkShade || c == risingColor(dark) || c == fallingColor(dark);
            lightShade
                = lightShade || c == risingColor(QPalette()) || c == fallingColor(QPalette());
        }
    }
    EXPECT_TRUE(darkShade); // the last tick's dot is solid
    EXPECT_FALSE(lightShade);
    saveScreenshot("chart-dark");
}

TEST_F(PriceChartTest, DecimatesToTheScreensPixelsNotTheWidgetsPoints)
{
    history.clear();
    QRandomGenerator random(3);
    for (int i = 0; i < 20'000; ++i) // jagged: every column has four distinct points
        history.append(minuteT0 + i * 15, 100 + random.bounded(1000));
    paint();
    const double columns = chart.width() * chart.devicePixelRatioF();
    EXPECT_LE(double(chart.drawnPoints()), 4 * columns);
    // Most of the plot's columns (device pixels) hold four points, whatever the scale.
    EXPECT_GT(double(chart.drawnPoints()), 2.5 * 0.7 * columns);
}

TEST_F(PriceChartTest, ATickInsideTheViewRepaintsOnlyTheStripAtTheRight)
{
    paint();
    const qint64 start = chart.viewStartMs(), end = chart.viewEndMs();
    const PricePoint newest = history.newest();
    ASSERT_LT(newest.timeMs + 1, end);
    history.append(newest.timeMs + 1, newest.price); // in the range shown, in the same column
    ASSERT_TRUE(changedAndPainted());
    // The time axis stayed; only the newest columns, the line into them and the dot repainted.
    EXPECT_EQ(chart.viewStartMs(), start);
    EXPECT_EQ(chart.viewEndMs(), end);
    const QRect strip = chart.lastPaintRect();
    EXPECT_GT(strip.left(), chart.width() / 2) << strip.left();
    EXPECT_LT(strip.width(), chart.width() / 10) << strip.width();
    EXPECT_LT(strip.bottom(), chart.height() - 10); // not the time labels
}

TEST_F(PriceChartTest, ATickPastTheViewANewExtremeOrAnotherRangeRepaintsAll)
{
    paint();
    history.append(chart.viewEndMs(), history.newest().price); // the view scrolls
    ASSERT_TRUE(changedAndPainted());
    EXPECT_EQ(chart.lastPaintRect(), chart.rect());
    EXPECT_GT(chart.viewEndMs(), history.newest().timeMs);

    history.append(history.newest().timeMs + 1, 131'000'000); // out of the price range
    ASSERT_TRUE(changedAndPainted());
    EXPECT_EQ(chart.lastPaintRect(), chart.rect());

    const int before = chart.paintCount();
    chart.setSpanMs(PriceChart::oneHourMs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return chart.paintCount() > before; }, 2000));
    EXPECT_EQ(chart.lastPaintRect(), chart.rect());
}

TEST_F(PriceChartTest, APartialRepaintDrawsWhatAFullOneWould)
{
    // A tick in the newest column; then, in a history shorter than the range (it fills the
    // width with room to grow), one far right of the last, which the line must reach.
    const auto check = [&](qint64 timeMs, double price) {
        paint();
        QImage shown = chart.grab().toImage();
        history.append(timeMs, price);
        ASSERT_TRUE(changedAndPainted());
        const QRect strip = chart.lastPaintRect();
        ASSERT_NE(strip, chart.rect());
        // The strip painted over the old picture is the new picture.
        chart.render(&shown, strip.topLeft(), QRegion(strip));
        EXPECT_TRUE(shown == chart.grab().toImage());
    };
    check(history.newest().timeMs + 1, history.newest().price + 2'000);
    history.clear();
    for (int i = 0; i <= 60; ++i)
        history.append(minuteT0 + i * 1000, 130'000'000 + (i % 17) * 1000); // rising
    paint();
    ASSERT_GT(chart.viewEndMs() - history.newest().timeMs, 5'000);
    check(chart.viewEndMs() - 1, 130'010'000);
}

TEST_F(PriceChartTest, AfterAQuietSpellTheLastPriceRunsInFromTheLeftEdge)
{
    // Ten minutes without a trade, then a few higher ones: the view scrolls past every older
    // point, and the price before it holds until the first of the new.
    paint();
    const qint64 startBefore = chart.viewStartMs();
    const PricePoint last = history.newest();
    for (int i = 0; i < 5; ++i)
        history.append(last.timeMs + 600'000 + i * 1000, last.price + 50'000);
    ASSERT_TRUE(changedAndPainted());
    ASSERT_GT(chart.viewStartMs(), last.timeMs);
    ASSERT_NE(chart.viewStartMs(), startBefore);
    ASSERT_TRUE(chart.carriedIn().has_value());
    EXPECT_EQ(*chart.carriedIn(), last);
    saveScreenshot("chart-after-a-quiet-spell");

    // The line is drawn in the rising colour (new ticks above the carried price, the range's
    // opening) near the left edge of the plot, where no tick of the view lies.
    const QImage shot = chart.grab().toImage();
    const QColor rising = risingColor(chart.palette());
    const auto lineAt = [&](int x) {
        for (int y = 0; y < shot.height(); ++y) {
            const QColor c = shot.pixelColor(QPoint(x, y) * shot.devicePixelRatio());
            if (std::abs(c.red() - rising.red()) + std::abs(c.green() - rising.green())
                    + std::abs(c.blue() - rising.blue())
                < 40)
                return true;
        }
        return false;
    };
    EXPECT_TRUE(lineAt(20));
    EXPECT_TRUE(lineAt(chart.width() / 2));
}

TEST_F(PriceChartTest, CandlesMergedBeforeTheViewChangeThePriceCarriedIn)
{
    // After a quiet spell, the backfill brings the minutes of the spell: the price carried in
    // is now the last of them, though no column of the view changed.
    const PricePoint last = history.newest();
    history.append(last.timeMs + 600'000, last.price + 50'000);
    ASSERT_TRUE(changedAndPainted());
    ASSERT_EQ(chart.carriedIn(), last);
    const qint64 minute = (chart.viewStartMs() - 120'000) / 60'000 * 60'000;
    const Candle candle {minute, 130'070'000, 130'090'000, 130'060'000, 130'080'000};
    ASSERT_GT(history.mergeCandles(std::span(&candle, 1), history.newest().timeMs), 0u);
    ASSERT_TRUE(changedAndPainted());
    ASSERT_TRUE(chart.carriedIn().has_value());
    EXPECT_LT(chart.carriedIn()->timeMs, chart.viewStartMs());
    EXPECT_GE(chart.carriedIn()->timeMs, minute);
    EXPECT_EQ(chart.carriedIn()->price, 130'080'000); // the candle's close
    EXPECT_EQ(chart.lastPaintRect(), chart.rect());   // the opening, the range: all repainted
}

TEST_F(PriceChartTest, NoPriceIsCarriedInOnceTheDayHasDroppedIt)
{
    // A day of minutes on the day's range; a tick at the end of the view (no scroll) drops
    // from the history the day's oldest, up to and past the tick before the view.
    history.clear();
    for (qint64 m = 0; m <= 24 * 60; ++m)
        history.append(minuteT0 + m * 60'000, 130'000'000 + double(m % 7) * 1000);
    chart.setSpanMs(PriceChart::oneDayMs);
    paint();
    ASSERT_TRUE(chart.carriedIn().has_value());
    const PricePoint carried = *chart.carriedIn();
    const qint64 start = chart.viewStartMs();
    history.append(chart.viewEndMs() - 1, history.newest().price);
    ASSERT_TRUE(changedAndPainted());
    ASSERT_EQ(chart.viewStartMs(), start);
    ASSERT_GT(history.at(0).timeMs, carried.timeMs);
    EXPECT_FALSE(chart.carriedIn().has_value());
}

namespace {

// Each column's M4, from scratch: what the chart's kept columns must equal.
void expectColumnsHoldTheirM4(const PriceChart &chart, const PriceHistory &history)
{
    std::vector<PricePoint> expected;
    const qint64 columnMs = (chart.viewEndMs() - chart.viewStartMs()) / chart.columnCount();
    for (int i = 0; i < chart.columnCount(); ++i) {
        const qint64 from = chart.viewStartMs() + i * columnMs, to = from + columnMs - 1;
        const std::vector<PricePoint> m4 = decimateM4(history.range(from, to), from, to, 1);
        expected.insert(expected.end(), m4.begin(), m4.end());
    }
    const std::vector<PricePoint> kept = chart.columnPoints();
    ASSERT_EQ(kept.size(), expected.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        EXPECT_EQ(kept[i].timeMs, expected[i].timeMs) << i;
        EXPECT_EQ(kept[i].price, expected[i].price) << i;
    }
}

} // namespace

TEST_F(PriceChartTest, KeptColumnsEqualTheirM4AfterManyChanges)
{
    // Short of the range and capped: the view zooms out as it grows, and once full it loses
    // its oldest points inside the view. Then a history longer than the range: it scrolls, and
    // candles fill a gap of two minutes in the middle of the view.
    chart.setFrameIntervalMs(1);
    PriceHistory capped(2'000);
    PriceHistory long_;
    QRandomGenerator random(5);
    for (PriceHistory *target : {&capped, &long_}) {
        chart.setHistory(target);
        qint64 t = minuteT0;
        double price = 1'000;
        qint64 gapFrom = 0;
        for (int frame = 0; frame < 30; ++frame) {
            if (target == &long_ && frame == 25) {
                gapFrom = (t / 60'000 + 1) * 60'000;
                t = gapFrom + 2 * 60'000;
            }
            for (int i = 0; i < 200; ++i) {
                t += random.bounded(200); // ties too
                price += random.bounded(21) - 10;
                target->append(t, price);
            }
            ASSERT_TRUE(changedAndPainted());
            if (frame % 10 == 9)
                expectColumnsHoldTheirM4(chart, *target);
        }
        if (target == &long_) {
            std::vector<Candle> candles;
            for (int m = 0; m < 2; ++m)
                candles.push_back({gapFrom + m * 60'000, 990.0 + m, 1'010, 980, 1'000});
            ASSERT_EQ(target->mergeCandles(candles, t), 8u);
            ASSERT_TRUE(changedAndPainted());
            expectColumnsHoldTheirM4(chart, *target);
        }
    }
}

// A day's sparkline of a history that is all in its newest column (every tick of the last
// minutes): appends keep the column's M4 exact without summarising it again, and points gone
// from its front are summarised again.
TEST(ChartColumnsTest, TheOldestColumnIsSummarisedAgainOnlyWhenItLosesPoints)
{
    constexpr qint64 start = 1'700'000'000'000;
    constexpr qint64 columnMs = 450'000;
    PriceHistory history(5'000); // capped: the oldest points go once it is full
    QRandomGenerator random(7);
    qint64 t = start;
    double price = 1'000;
    const auto append = [&](int n) {
        for (int i = 0; i < n; ++i) {
            price += random.bounded(21) - 10;
            history.append(t += 1 + random.bounded(3), price);
        }
    };
    append(1);
    ChartColumns columns;
    columns.reset(history, columnMs, ChartColumns::columnAt(start, columnMs) - 191, 192);
    for (int round = 0; round < 6; ++round) { // the last rounds drop points from the front
        append(1'500);
        const ChartColumns::Changes changes = columns.update(history);
        ASSERT_FALSE(changes.lost);
        ASSERT_EQ(columns.newest(), 191);
        const qint64 from = columns.columnStartMs(191), to = from + columnMs - 1;
        const PriceHistory::Range all = history.range(from, to);
        ASSERT_EQ(columns[191].count, all.size()) << round;
        std::vector<PricePoint> kept;
        columns.appendM4(191, kept);
        const std::vector<PricePoint> expected = decimateM4(all, from, to, 1);
        ASSERT_EQ(kept.size(), expected.size()) << round;
        for (std::size_t i = 0; i < kept.size(); ++i) {
            EXPECT_EQ(kept[i].timeMs, expected[i].timeMs) << round << " " << i;
            EXPECT_EQ(kept[i].price, expected[i].price) << round << " " << i;
        }
    }
    EXPECT_GT(history.at(0).timeMs, start); // the front did go
}
