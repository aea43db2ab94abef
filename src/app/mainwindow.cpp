#include "mainwindow.h"

#include "bithumbticker/logging.h"
#include "bithumbticker/priceformat.h"
#include "marketstatustext.h"
#include "tickcolors.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

const char *const spanProperty = "tickerSpanMs";

QLabel *makeLabel(QWidget *parent, qreal pointSizeFactor, bool bold)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * pointSizeFactor);
    font.setBold(bold);
    label->setFont(font);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

MainWindow::MainWindow(TickerFeed *feed, const QStringList &suggestions, bool demo, QWidget *parent)
    : QMainWindow(parent)
    , m_feed(feed)
    , m_baseMarkets(feed->config().markets)
    , m_current(m_baseMarkets.value(0))
{
    setWindowTitle(demo ? tr("Bithumb Ticker — DEMO") : tr("Bithumb Ticker"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(16, 12, 16, 8);

    auto *top = new QHBoxLayout;
    m_picker = new QComboBox(central);
    m_picker->setEditable(true);
    m_picker->setInsertPolicy(QComboBox::NoInsert);
    m_picker->setMinimumContentsLength(10);
    m_picker->setToolTip(tr("Pick a market or type one (BTC_KRW or KRW-BTC) and press Enter"));
    QStringList items;
    for (const auto &market : std::as_const(m_baseMarkets))
        items.append(market.toV1());
    for (const auto &name : suggestions) {
        if (!items.contains(name))
            items.append(name);
    }
    m_picker->addItems(items);
    top->addWidget(m_picker);
    top->addSpacing(12);
    // The chart's range: three toggles, one always on.
    m_ranges = new QButtonGroup(this);
    for (const auto &[label, spanMs] : {std::pair {tr("5m"), PriceChart::fiveMinutesMs},
             std::pair {tr("1h"), PriceChart::oneHourMs},
             std::pair {tr("24h"), PriceChart::oneDayMs}}) {
        auto *button = new QToolButton(central);
        button->setText(label);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(spanMs == PriceChart::fiveMinutesMs);
        button->setProperty(spanProperty, spanMs);
        m_ranges->addButton(button);
        connect(button, &QToolButton::toggled, this, [this, spanMs](bool on) {
            if (on)
                m_chart->setSpanMs(spanMs);
        });
        top->addWidget(button);
    }
    top->addStretch();
    m_record = new QToolButton(central);
    m_record->setText(tr("● Record"));
    m_record->setCheckable(true);
    m_record->setAutoRaise(true);
    m_record->setToolTip(tr("Record every frame to a file (replay it with --replay)"));
    top->addWidget(m_record);
    if (demo) {
        auto *badge = new QLabel(tr("DEMO · simulated prices, not Bithumb"), central);
        badge->setStyleSheet(u"QLabel { background: #f0a020; color: black; font-weight: bold;"
                             " border-radius: 4px; padding: 3px 8px; }"_s);
        top->addWidget(badge);
    }
    layout->addLayout(top);

    auto *priceRow = new QHBoxLayout;
    m_price = makeLabel(central, 3.2, true);
    m_quote = makeLabel(central, 1.4, false);
    m_quote->setForegroundRole(QPalette::PlaceholderText);
    priceRow->addWidget(m_price, 0, Qt::AlignBaseline);
    priceRow->addWidget(m_quote, 0, Qt::AlignBaseline);
    priceRow->addStretch();
    layout->addLayout(priceRow);
    m_change = makeLabel(central, 1.3, true);
    // Suspended, delisting or caution: said next to the change, in words and colour.
    m_marketStatus = new QLabel(central);
    m_marketStatus->setVisible(false);
    auto *changeRow = new QHBoxLayout;
    changeRow->addWidget(m_change);
    changeRow->addSpacing(12);
    changeRow->addWidget(m_marketStatus);
    changeRow->addStretch();
    layout->addLayout(changeRow);
    m_chart = new PriceChart(central);
    m_chart->setHistory(&m_history[m_current]);
    layout->addWidget(m_chart, 1);
    setCentralWidget(central);

    m_state = new QLabel(this);
    m_age = new QLabel(this);
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_age);
    m_recording = new QLabel(this);
    statusBar()->addPermanentWidget(m_recording);
    connect(m_record, &QToolButton::toggled, this, &MainWindow::toggleRecording);
    connect(feed, &TickerFeed::recordingProgress, this, &MainWindow::showRecording);
    connect(feed, &TickerFeed::recordingFailed, this, [this](const QString &why) {
        const QSignalBlocker blocker(m_record);
        m_record->setChecked(false);
        m_recording->setText(tr("Recording stopped: %1").arg(why));
    });
    if (feed->isRecording()) { // --record
        const QSignalBlocker blocker(m_record);
        m_record->setChecked(true);
        showRecording(0);
    }

    connect(m_picker, &QComboBox::activated, this,
        [this](int index) { selectMarket(m_picker->itemText(index)); });
    connect(m_picker->lineEdit(), &QLineEdit::returnPressed, this,
        [this] { selectMarket(m_picker->currentText()); });
    connect(feed, &TickerFeed::ticksReceived, this, &MainWindow::showTicks);
    connect(feed, &TickerFeed::stateChanged, this, &MainWindow::showState);
    connect(feed, &TickerFeed::serverMessage, this,
        [this](const QString &code, const QString &message, bool isError) {
            if (isError)
                statusBar()->showMessage(tr("Server error %1: %2").arg(code, message), 10000);
        });

    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    m_statusTimer->start();

    showState(feed->state(), {}, 0);
    showCurrent();
    resize(560, 400);
}

bool MainWindow::startRecording(const QString &path)
{
    QString error;
    QStringList symbols;
    for (const MarketId &market : m_feed->config().markets)
        symbols.append(market.toV1());
    const bool started = m_feed->startRecording(path, symbols, &error);
    const QSignalBlocker blocker(m_record);
    m_record->setChecked(started);
    if (started)
        showRecording(0);
    else
        m_recording->setText(tr("Not recording: %1").arg(error));
    return started;
}

void MainWindow::stopRecording()
{
    const QString path = m_feed->recordingPath();
    const qint64 bytes = m_feed->stopRecording();
    const QSignalBlocker blocker(m_record);
    m_record->setChecked(false);
    if (!path.isEmpty())
        m_recording->setText(
            tr("Recorded %1 to %2")
                .arg(locale().formattedDataSize(bytes), QFileInfo(path).fileName()));
}

QString MainWindow::recordingText() const
{
    return m_recording->text();
}

void MainWindow::toggleRecording(bool on)
{
    if (!on) {
        stopRecording();
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Record to"),
        u"bithumb-%1.jsonl.gz"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)),
        tr("Recordings (*.jsonl.gz *.jsonl)"));
    if (path.isEmpty()) {
        const QSignalBlocker blocker(m_record);
        m_record->setChecked(false);
        return;
    }
    startRecording(path);
}

void MainWindow::showRecording(qint64 fileBytes)
{
    if (!m_feed->isRecording())
        return;
    m_recording->setText(tr("● Recording %1 · %2")
                             .arg(QFileInfo(m_feed->recordingPath()).fileName(),
                                 locale().formattedDataSize(fileBytes)));
}

MainWindow::~MainWindow()
{
    // An editable combo box commits its text when it loses focus, which closing the window
    // causes: by then this window is half destroyed.
    m_picker->disconnect(this);
    m_picker->lineEdit()->disconnect(this);
}

qint64 MainWindow::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString MainWindow::priceText() const
{
    return m_price->text();
}

QString MainWindow::changeText() const
{
    return m_change->text();
}

QString MainWindow::statusText() const
{
    return m_state->text() + u' ' + m_age->text();
}

QString MainWindow::marketStatusText() const
{
    return m_marketStatus->isVisibleTo(this) ? m_marketStatus->text() : QString();
}

bool MainWindow::selectMarket(const QString &name)
{
    const auto market = MarketId::fromUser(name);
    if (!market) {
        statusBar()->showMessage(tr("“%1” is not a market: write it like BTC_KRW").arg(name), 5000);
        return false;
    }
    m_current = *market;
    const QString spelled = market->toV1();
    if (m_picker->findText(spelled) < 0)
        m_picker->addItem(spelled);
    m_picker->setCurrentText(spelled);
    QList<MarketId> markets = m_baseMarkets;
    if (!markets.contains(*market))
        markets.append(*market);
    m_feed->setMarkets(markets);
    qCInfo(lcUi) << "showing" << spelled;
    m_chart->setHistory(&m_history[m_current]);
    showCurrent();
    backfillCurrent();
    return true;
}

void MainWindow::setChartSpan(qint64 spanMs)
{
    for (QAbstractButton *button : m_ranges->buttons()) {
        if (button->property(spanProperty).toLongLong() == spanMs)
            button->setChecked(true);
    }
}

void MainWindow::setBackfill(HistoryBackfill *backfill)
{
    m_backfill = backfill;
    connect(backfill, &HistoryBackfill::fetched, this, &MainWindow::mergeHistory);
    backfillCurrent();
}

void MainWindow::backfillCurrent()
{
    if (m_backfill)
        m_backfill->fetch(m_current);
}

void MainWindow::mergeHistory(
    const MarketId &market, const std::vector<Candle> &candles, const QString &)
{
    // A failure was logged by HistoryBackfill; the chart simply goes on from live ticks.
    if (m_history[market].mergeCandles(candles, now()) > 0 && market == m_current)
        m_chart->historyChanged();
}

void MainWindow::showTicks(const TickBatch &ticks)
{
    bool currentChanged = false;
    for (const Tick &tick : ticks) {
        // The feed drops ticks older than their market's last; a snapshot of a quiet market
        // lands at its trade's time, not at "now".
        m_last.insert(tick.market, tick);
        m_rhythm[tick.market].record(tick.localTimeMs, !tick.isSnapshot());
        m_history[tick.market].append(tick.localTimeMs, tick.price);
        currentChanged = currentChanged || tick.market == m_current;
    }
    if (!currentChanged)
        return;
    m_chart->historyChanged(); // one update per batch; Qt merges them into one paint a frame
    showCurrent();
}

void MainWindow::showCurrent()
{
    const QLocale locale;
    const auto it = m_last.constFind(m_current);
    if (it == m_last.constEnd()) {
        m_price->setText(u"—"_s);
        m_change->setText(tr("waiting for %1…").arg(m_current.toV1()));
        m_changeColor = QColor();
        showMarketStatus({});
        refreshStatus();
        return;
    }
    const Tick &tick = *it;
    showMarketStatus(tick.status);
    m_price->setText(formatPrice(tick.priceText, tick.price, locale));
    m_change->setText(formatChange(tick, locale));
    const double move = std::isnan(tick.changeAmount) ? tick.changePercent : tick.changeAmount;
    const QColor color = move > 0 ? risingColor(palette())
        : move < 0                ? fallingColor(palette())
                                  : QColor();
    m_changeColor = color;
    refreshStatus();
}

void MainWindow::showMarketStatus(const MarketStatus &status)
{
    const StatusBadge badge = statusBadge(status);
    if (badge.text == m_marketStatus->text() && badge.toolTip == m_marketStatus->toolTip())
        return; // unchanged: no restyle, no relayout
    m_marketStatus->setText(badge.text);
    m_marketStatus->setToolTip(badge.toolTip);
    m_marketStatus->setVisible(!badge.text.isEmpty());
    const QColor background = badge.severity == StatusBadge::Severity::Danger
        ? risingColor(palette()) // Bithumb's own red for halts and delistings
        : QColor(0xf0, 0xa0, 0x20);
    m_marketStatus->setStyleSheet(badge.text.isEmpty()
            ? QString()
            : u"QLabel { background: %1; color: %2; font-weight: bold; border-radius: 4px;"
              " padding: 2px 8px; }"_s.arg(background.name(),
                  badge.severity == StatusBadge::Severity::Danger ? u"white"_s : u"black"_s));
}

void MainWindow::showState(FeedClient::State state, const QString &detail, int redialInMs)
{
    // Back after a lost link (every dial says Connecting first): the minutes missed come from
    // the candles.
    if (state == FeedClient::State::Redialing || state == FeedClient::State::RateLimited)
        m_linkWasLost = true;
    if (state == FeedClient::State::Live && std::exchange(m_linkWasLost, false))
        backfillCurrent();
    m_linkState = state;
    m_linkDetail = detail;
    m_redialAtMs = now() + redialInMs;
    refreshStatus();
}

QString MainWindow::marketAgeText(const QString &market) const
{
    const int index = m_picker->findText(market);
    return index < 0 ? QString() : m_picker->itemData(index, Qt::ToolTipRole).toString();
}

void MainWindow::setNetworkOnline(bool online)
{
    m_networkOnline = online;
    refreshStatus();
}

std::size_t MainWindow::historySize(const MarketId &market) const
{
    const auto it = m_history.find(market);
    return it == m_history.end() ? 0 : it->second.size();
}

bool MainWindow::isPriceStale() const
{
    const MarketRhythm rhythm = m_rhythm.value(m_current);
    return rhythm.hasTicked() && (m_linkState != FeedClient::State::Live || rhythm.isStale(now()));
}

void MainWindow::refreshStatus()
{
    switch (m_linkState) {
    case FeedClient::State::Idle:
        m_state->setText(tr("Not connected"));
        break;
    case FeedClient::State::Connecting:
        m_state->setText(tr("Connecting to %1…").arg(m_linkDetail));
        break;
    case FeedClient::State::Live:
        m_state->setText(tr("● Live"));
        break;
    case FeedClient::State::Redialing: {
        if (!m_networkOnline) {
            m_state->setText(tr("Offline · waiting for the network"));
            break;
        }
        const qint64 seconds = std::max<qint64>(0, (m_redialAtMs - now() + 999) / 1000);
        m_state->setText(tr("Link lost: %1 · reconnecting in %2 s").arg(m_linkDetail).arg(seconds));
        break;
    }
    case FeedClient::State::RateLimited: {
        const qint64 minutes = std::max<qint64>(1, (m_redialAtMs - now() + 59'999) / 60'000);
        m_state->setText(tr("Rate-limited by Bithumb · retrying in %1 min").arg(minutes));
        break;
    }
    }
    m_state->setToolTip(m_linkState == FeedClient::State::RateLimited ? m_linkDetail : QString());
    const MarketRhythm rhythm = m_rhythm.value(m_current);
    m_age->setText(rhythm.hasTicked() ? tr("last trade %1").arg(formatAge(now() - rhythm.lastMs()))
                                      : tr("no tick yet"));
    // Every market in the picker says how fresh it is.
    for (int i = 0; i < m_picker->count(); ++i) {
        const auto market = MarketId::fromUser(m_picker->itemText(i));
        const auto known = market ? m_rhythm.constFind(*market) : m_rhythm.constEnd();
        m_picker->setItemData(i,
            known == m_rhythm.constEnd()
                ? tr("no tick yet")
                : tr("last trade %1").arg(formatAge(now() - known->lastMs())),
            Qt::ToolTipRole);
    }
    // Never show an old price as if it were current.
    const bool stale = isPriceStale();
    m_quote->setText(stale ? m_current.quote() + u" · "_s + tr("stale") : m_current.quote());
    m_price->setForegroundRole(stale ? QPalette::PlaceholderText : QPalette::WindowText);
    // A stale change is not news either: it loses its red or blue.
    const QColor changeColor = stale ? palette().color(QPalette::PlaceholderText) : m_changeColor;
    m_change->setStyleSheet(
        changeColor.isValid() ? u"color: "_s + changeColor.name(QColor::HexArgb) : QString());
    const QString age = formatAge(now() - rhythm.lastMs());
    m_price->setToolTip(!stale ? QString()
            : m_linkState == FeedClient::State::Live
            ? tr("No trade since %1: the last price traded").arg(age)
            : tr("Not live: this is the last price received, traded %1").arg(age));
}

} // namespace ticker
