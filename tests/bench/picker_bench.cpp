// The market picker on the loopback exchange's whole catalogue (493 markets): what one
// keystroke costs, in the filter alone and in the widget with its list open (offscreen).
#include "marketentries.h"
#include "marketfiltermodel.h"
#include "marketlistmodel.h"
#include "marketpicker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLineEdit>
#include <QTest>

#include <benchmark/benchmark.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

// Two queries, one a keystroke longer, in turn: each setQuery really filters.
const std::pair<QString, QString> queries[]
    = {{u"b"_s, u"bi"_s}, {u"ㅂ"_s, u"ㅂㅌ"_s}, {u"비"_s, u"비트"_s}, {u"krw-"_s, u"krw-b"_s}};

void filterKeystroke(benchmark::State &state)
{
    MarketListModel markets;
    markets.setEntries(test::fakeCatalogEntries());
    MarketFilterModel filter(&markets);
    const auto &[shorter, longer] = queries[state.range(0)];
    bool flip = false;
    for (auto _ : state) {
        filter.setQuery((flip = !flip) ? longer : shorter);
        benchmark::DoNotOptimize(filter.rowCount());
    }
    state.SetLabel(longer.toStdString());
}

void pickerKeystroke(benchmark::State &state)
{
    QWidget window;
    auto *picker = new MarketPicker(&window);
    picker->setEntries(test::fakeCatalogEntries());
    window.resize(420, 300);
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window)) {
        state.SkipWithError("no active window");
        return;
    }
    picker->lineEdit()->setFocus();
    const auto &[shorter, longer] = queries[state.range(0)];
    bool flip = false;
    for (auto _ : state) {
        // What QLineEdit does on a key: the text, then textEdited, then a paint of the list.
        const QString text = (flip = !flip) ? longer : shorter;
        picker->lineEdit()->setText(text);
        Q_EMIT picker->lineEdit()->textEdited(text);
        picker->popup()->viewport()->repaint();
        benchmark::DoNotOptimize(picker->popup()->model()->rowCount());
    }
    state.SetLabel(longer.toStdString());
}

void refresh(benchmark::State &state)
{
    const auto entries = test::fakeCatalogEntries();
    MarketPicker picker;
    for (auto _ : state)
        picker.setEntries(entries);
}

} // namespace

BENCHMARK(filterKeystroke)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);
BENCHMARK(pickerKeystroke)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);
BENCHMARK(refresh)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
