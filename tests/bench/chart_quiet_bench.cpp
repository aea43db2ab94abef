// The chart's cost on a quiet feed, in a real event loop: one PriceChart in a shown top-level
// widget (offscreen unless QT_QPA_PLATFORM says otherwise), fed `--rate` ticks a second by a
// QTimer, optionally over `--history` points preloaded across the last `--spread` (default: the
// chart's range, so every one of them is in range). After `--warmup` seconds it measures
// `--seconds` of wall time and prints this process's CPU time over it as % of a core, with the
// paints and the share of the chart's area they covered. Prints, never asserts.
//
//   chart_quiet_bench [--seconds 60] [--warmup 5] [--rate 5] [--history 0] [--range 5m|1h|24h]
//                     [--spread 5m|1h|24h] [--mode shown|minimised|hidden] [--width 480]
#include "pricechart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QPaintEvent>
#include <QRandomGenerator>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

// utime + stime of this process from /proc/self/stat, in seconds (clock-tick resolution).
double procStatCpuSeconds()
{
    QFile file(u"/proc/self/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // Fields after the parenthesised command name, which may hold spaces.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// The same with nanosecond resolution: a 0.1% load over 60 s is only six clock ticks.
double processCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

qint64 spanOf(const QString &name)
{
    if (name == u"1h"_s)
        return PriceChart::oneHourMs;
    if (name == u"24h"_s)
        return PriceChart::oneDayMs;
    return PriceChart::fiveMinutesMs;
}

// Counts the chart's paints and the area they covered.
class PaintMeter : public QObject
{
public:
    bool counting = false;
    int paints = 0;
    int fullPaints = 0; // of the whole chart
    double area = 0;    // logical px²

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (counting && event->type() == QEvent::Paint) {
            ++paints;
            const QRect all = static_cast<QWidget *>(watched)->rect();
            fullPaints += static_cast<QPaintEvent *>(event)->rect() == all;
            for (const QRect &r : static_cast<QPaintEvent *>(event)->region())
                area += double(r.width()) * r.height();
        }
        return false;
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption seconds(u"seconds"_s, u"measured seconds"_s, u"s"_s, u"60"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"seconds before measuring"_s, u"s"_s, u"5"_s);
    const QCommandLineOption rate(u"rate"_s, u"ticks a second"_s, u"n"_s, u"5"_s);
    const QCommandLineOption historyPoints(u"history"_s, u"points preloaded"_s, u"n"_s, u"0"_s);
    const QCommandLineOption range(u"range"_s, u"5m, 1h or 24h"_s, u"r"_s, u"5m"_s);
    const QCommandLineOption spread(u"spread"_s, u"preload over 5m, 1h or 24h"_s, u"r"_s);
    const QCommandLineOption mode(u"mode"_s, u"shown, minimised or hidden"_s, u"m"_s, u"shown"_s);
    const QCommandLineOption width(u"width"_s, u"chart width"_s, u"px"_s, u"480"_s);
    parser.addOptions({seconds, warmup, rate, historyPoints, range, spread, mode, width});
    parser.addHelpOption();
    parser.process(app);

    const qint64 spanMs = spanOf(parser.value(range));
    const qint64 spreadMs = parser.isSet(spread) ? spanOf(parser.value(spread)) : spanMs;
    const auto preload = parser.value(historyPoints).toLongLong();
    PriceHistory history;
    QRandomGenerator random(11);
    double price = 130'000'000;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 i = 0; i < preload; ++i) {
        price += (random.generateDouble() - 0.5) * 20'000;
        history.append(now - spreadMs + spreadMs * i / preload, price);
    }

    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *chart = new PriceChart(&window);
    layout->addWidget(chart);
    chart->setHistory(&history);
    chart->setSpanMs(spanMs);
    window.resize(parser.value(width).toInt() + 20, 220);
    const QString shown = parser.value(mode);
    if (shown == u"minimised"_s)
        window.showMinimized();
    else if (shown != u"hidden"_s)
        window.show();

    PaintMeter meter;
    chart->installEventFilter(&meter);
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    feed.setInterval(int(1000 / std::max(0.001, parser.value(rate).toDouble())));
    QObject::connect(&feed, &QTimer::timeout, [&] {
        price += (random.generateDouble() - 0.5) * 20'000;
        history.append(QDateTime::currentMSecsSinceEpoch(), price);
        chart->historyChanged();
    });
    feed.start();

    double cpu0 = 0, stat0 = 0;
    QElapsedTimer wall;
    QTimer::singleShot(int(parser.value(warmup).toDouble() * 1000), [&] {
        meter.counting = true;
        cpu0 = processCpuSeconds();
        stat0 = procStatCpuSeconds();
        wall.start();
    });
    QTimer::singleShot(
        int((parser.value(warmup).toDouble() + parser.value(seconds).toDouble()) * 1000), [&] {
            const double elapsed = double(wall.nsecsElapsed()) * 1e-9;
            const double cpu = processCpuSeconds() - cpu0;
            const double stat = procStatCpuSeconds() - stat0;
            const double chartArea = double(chart->width()) * chart->height();
            std::printf("range=%s history=%lld spread=%s mode=%s rate=%s width=%d dpr=%.1f "
                        "points=%zu\n",
                qPrintable(parser.value(range)), preload,
                qPrintable(parser.isSet(spread) ? parser.value(spread) : parser.value(range)),
                qPrintable(shown), qPrintable(parser.value(rate)), chart->width(),
                chart->devicePixelRatioF(), history.size());
            std::printf("wall %.1f s  cpu %.3f s = %.3f%% of a core  (/proc/self/stat: %.2f s = "
                        "%.2f%%)\n",
                elapsed, cpu, 100 * cpu / elapsed, stat, 100 * stat / elapsed);
            std::printf("paints %d = %.2f/s (%d of the whole chart)  painted area %.1f%% of the "
                        "chart's per paint, %.2f charts/s\n",
                meter.paints, meter.paints / elapsed, meter.fullPaints,
                meter.paints ? 100 * meter.area / meter.paints / chartArea : 0.0,
                meter.area / chartArea / elapsed);
            std::fflush(stdout);
            app.quit();
        });
    return app.exec();
}
