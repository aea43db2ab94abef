// Paint time of PriceChart next to Qt Charts on the same data, offscreen into a QImage of the
// same size: 1k to 2M points of a 24 h history at 400 and 1200 px. PriceChart decimates (M4)
// to the width; Qt Charts gets the points through QLineSeries::replace, as a live chart would.
// priceChart is a full repaint of an unchanged history (what a scroll, an expose or a hover
// costs); priceChartNewHistory hands it the history anew each time, so it summarises every
// point in range again (a span change, a merge); priceChartStrip repaints the strip a tick
// inside the view repaints.
#include "pricechart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QRandomGenerator>
#include <QValueAxis>

#include <benchmark/benchmark.h>

using namespace ticker;

namespace {

constexpr int chartHeight = 200;

// A random walk of `count` ticks over 24 h, the same for both charts.
const PriceHistory &history(std::size_t count)
{
    static std::map<std::size_t, PriceHistory> made;
    auto [it, fresh] = made.try_emplace(count, count);
    if (fresh) {
        QRandomGenerator random(7);
        double price = 130'000'000;
        const double step = double(PriceHistory::windowMs - 1) / double(count);
        for (std::size_t i = 0; i < count; ++i) {
            price += (random.generateDouble() - 0.5) * 20'000;
            it->second.append(qint64(double(i) * step), price);
        }
    }
    return it->second;
}

enum class Repaint { Unchanged, NewHistory, Strip };

// PriceChart over the 24 h of a history, painted offscreen into an image as `repaint` says.
void paintChart(benchmark::State &state, Repaint repaint)
{
    const PriceHistory &data = history(std::size_t(state.range(0)));
    const int width = int(state.range(1));
    PriceChart chart;
    chart.setHistory(&data);
    chart.setSpanMs(PriceChart::oneDayMs);
    chart.resize(width, chartHeight);
    QImage image(width, chartHeight, QImage::Format_ARGB32_Premultiplied);
    chart.render(&image);
    const QRect strip(width - 80, 0, 16, chartHeight); // what a tick inside the view repaints
    for (auto _ : state) {
        if (repaint == Repaint::NewHistory)
            chart.setHistory(&data);
        if (repaint == Repaint::Strip)
            chart.render(&image, strip.topLeft(), QRegion(strip));
        else
            chart.render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["drawn"] = double(chart.drawnPoints());
}

void priceChart(benchmark::State &state)
{
    paintChart(state, Repaint::Unchanged);
}

void priceChartNewHistory(benchmark::State &state)
{
    paintChart(state, Repaint::NewHistory);
}

void priceChartStrip(benchmark::State &state)
{
    paintChart(state, Repaint::Strip);
}

void qtCharts(benchmark::State &state)
{
    const PriceHistory &data = history(std::size_t(state.range(0)));
    const int width = int(state.range(1));
    QList<QPointF> points;
    points.reserve(qsizetype(data.size()));
    double low = data.at(0).price, high = low;
    for (std::size_t i = 0; i < data.size(); ++i) {
        points.append(QPointF(double(data.at(i).timeMs), data.at(i).price));
        low = std::min(low, data.at(i).price);
        high = std::max(high, data.at(i).price);
    }
    auto *series = new QLineSeries;
    auto *chart = new QChart;
    chart->addSeries(series);
    auto *axisX = new QValueAxis;
    auto *axisY = new QValueAxis;
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignRight);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    chart->legend()->hide();
    QChartView view(chart); // owns the chart, which owns the series and axes
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(width, chartHeight);
    QImage image(width, chartHeight, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        series->replace(points);
        axisX->setRange(points.front().x(), points.back().x());
        axisY->setRange(low, high);
        view.QWidget::render(&image); // the widget, as it would be painted
        benchmark::DoNotOptimize(image.constBits());
    }
}

void sizes(benchmark::internal::Benchmark *bench)
{
    for (const int points : {1'000, 10'000, 86'400, 100'000, 1'000'000, 2'000'000}) {
        for (const int width : {400, 1200})
            bench->Args({points, width});
    }
    bench->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(priceChart)->Apply(sizes);
BENCHMARK(priceChartNewHistory)->Apply(sizes);
BENCHMARK(priceChartStrip)->Apply(sizes);
BENCHMARK(qtCharts)->Apply(sizes);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
