#include "mainwindow.h"

#include "bithumbticker/logging.h"
#include "frameclock.h"
#include "languagemenu.h"
#include "marketpicker.h"
#include "presentation.h"
#include "sparklinedelegate.h"
#include "tickcolors.h"
#include "valuelabel.h"
#include "watchlistmodel.h"
#include "watchlistview.h"

#include "bithumbticker/tickerfeed.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCloseEvent>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

const char *const spanProperty = "tickerSpanMs";

QString badgeStyle(const BadgeColors &colors)
{
    return u"QLabel { background: %1; color: %2; font-weight: bold; border-radius: 4px;"
           " padding: 2px 8px; }"_s.arg(colors.background.name(), colors.text.name());
}

} // namespace

MainWindow::MainWindow(MarketStore *store, Subscriptions *subscriptions, bool demo, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_subscriptions(subscriptions)
    , m_current(store->shownMarket())
{
    setWindowTitle(demo ? tr("Bithumb Ticker — DEMO") : tr("Bithumb Ticker"));
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_frameClock = new FrameClock(this);
    m_watchlistModel = new WatchlistModel(store, this);
    m_watchlistModel->setFrameClock(m_frameClock);
    m_watchlistModel->setMarkets(subscriptions->wanted(Subscriptions::Need::Watchlist));
    m_watchlist = new WatchlistView(m_watchlistModel, m_splitter);
    m_watchlist->sparklines()->setClock([store] { return store->now(); });
    m_splitter->addWidget(m_watchlist);
    auto *central = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(16, 12, 16, 8);

    auto *top = new QHBoxLayout;
    m_picker = new MarketPicker(central);
    m_picker->setMinimumWidth(fontMetrics().horizontalAdvance(u"BTC · 비트코인 · Bitcoin"_s) + 40);
    m_picker->setToolTip(
        tr("Type a symbol, a Korean or English name, or 초성 (ㅂㅌ), then ↓ and Enter"));
    // Asked on hover only: how fresh each market is, in the words of every other view.
    m_picker->setMarketToolTipSource(
        [this](const MarketId &market) { return marketAgeText(market.toV1()); });
    fillPicker();
    top->addWidget(m_picker);
    m_watch = new QToolButton(central);
    m_watch->setAutoRaise(true);
    connect(m_watch, &QToolButton::clicked, this, &MainWindow::watchCurrent);
    top->addWidget(m_watch);
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
        connect(button, &QToolButton::clicked, this,
            [this, spanMs] { Q_EMIT chartSpanChosen(spanMs); });
        top->addWidget(button);
    }
    top->addStretch();
    m_record = new QToolButton(central);
    m_record->setText(tr("● Record"));
    m_record->setCheckable(true);
    m_record->setAutoRaise(true);
    m_record->setToolTip(tr("Record every frame to a file (replay it with --replay)"));
    m_record->setVisible(false);
    top->addWidget(m_record);
    layout->addLayout(top);

    auto *priceRow = new QHBoxLayout;
    m_price = new ValueLabel(central, 3.2, true);
    m_quote = new ValueLabel(central, 1.4, false);
    m_quote->setForegroundRole(QPalette::PlaceholderText);
    priceRow->addWidget(m_price, 0, Qt::AlignBottom);
    priceRow->addWidget(m_quote, 0, Qt::AlignBottom);
    priceRow->addStretch();
    if (demo) {
        // Beside the price it qualifies, on two lines ("DEMO" over what it means): in the top
        // row it made the chart's side so wide that the watchlist's sparklines were pushed out
        // of sight.
        auto *badge = new QLabel(
            tr("DEMO · simulated prices, not Bithumb").replace(u" · "_s, u"\n"_s), central);
        badge->setObjectName(u"demoBadge"_s);
        badge->setStyleSheet(badgeStyle(cautionBadge()));
        badge->setAlignment(Qt::AlignCenter);
        priceRow->addWidget(badge, 0, Qt::AlignTop);
    }
    layout->addLayout(priceRow);
    m_change = new ValueLabel(central, 1.3, true);
    // Suspended, delisting or caution: said next to the change, in words and colour.
    m_marketStatus = new QLabel(central);
    m_marketStatus->setVisible(false);
    m_notice = new QLabel(central);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    m_notice->setVisible(false);
    auto *changeRow = new QHBoxLayout;
    changeRow->addWidget(m_change);
    changeRow->addSpacing(12);
    changeRow->addWidget(m_marketStatus);
    changeRow->addWidget(m_notice);
    changeRow->addStretch();
    layout->addLayout(changeRow);
    m_chart = new PriceChart(central);
    m_chart->setFrameClock(m_frameClock);
    m_chart->setHistory(&m_store->state(m_current).history);
    layout->addWidget(m_chart, 1);
    m_splitter->addWidget(central);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({680, 560}); // room for every column, the sparklines too
    setCentralWidget(m_splitter);

    m_state = new QLabel(this);
    m_age = new ValueLabel(this);
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_age);
    m_recording = new QLabel(this);
    statusBar()->addPermanentWidget(m_recording);
    connect(m_record, &QToolButton::toggled, this, &MainWindow::toggleRecording);

    connect(m_picker, &MarketPicker::marketChosen, this,
        [this](const MarketId &market) { selectMarket(market.toV1()); });
    connect(m_picker, &MarketPicker::refused, this,
        [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_store, &MarketStore::marketsChanged, this, [this](const QList<MarketId> &markets) {
        if (!markets.contains(m_current))
            return;
        m_chart->historyChanged();
        showCurrentOnFrame();
    });
    connect(m_store, &MarketStore::staleChanged, this, [this](const QList<MarketId> &markets) {
        if (markets.contains(m_current))
            showCurrentOnFrame();
    });
    // The labels, the chart and the watchlist's cells change on the same frame: one paint.
    connect(m_frameClock, &FrameClock::frame, this, [this] {
        if (m_labelsDue)
            showCurrent();
    });
    connect(m_store, &MarketStore::linkChanged, this, &MainWindow::refreshStatus);
    connect(m_watchlist, &WatchlistView::marketActivated, this,
        [this](const MarketId &market) { selectMarket(market.toV1()); });
    connect(m_watchlist, &WatchlistView::visibleMarketsChanged, m_store,
        &MarketStore::setVisibleMarkets);
    connect(m_watchlistModel, &WatchlistModel::marketsEdited, this,
        [this](const QList<MarketId> &markets) {
            m_subscriptions->setWanted(Subscriptions::Need::Watchlist, markets);
            showWatchState();
            Q_EMIT watchlistEdited(markets);
        });
    connect(m_store, &MarketStore::catalogChanged, this, [this] {
        fillPicker();
        showCurrent();
    });

    // Ages and the redial countdown move on by themselves, on the watchlist's beat.
    connect(m_frameClock, &FrameClock::second, this, &MainWindow::refreshStatus);

    createMenus();
    menuBar()->addMenu(new LanguageMenu(this));

    // Tab goes as the eye reads: the picker, ☆, the ranges, ● Record, then the watchlist.
    QList<QWidget *> chain {m_picker, m_watch};
    for (QAbstractButton *button : m_ranges->buttons())
        chain.append(button);
    chain << m_record << m_watchlist;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);

    showCurrent();
    showWatchState();
    resize(1240, 560);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_recordAction = file->addAction(tr("&Record…"), this, [this] { m_record->setChecked(true); });
    m_stopAction
        = file->addAction(tr("&Stop recording"), this, [this] { m_record->setChecked(false); });
    // The Record button's state, whatever set it (--record, a failure, the button itself).
    connect(file, &QMenu::aboutToShow, this, [this] {
        m_recordAction->setEnabled(m_recorder && !m_record->isChecked());
        m_stopAction->setEnabled(m_recorder && m_record->isChecked());
    });
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setShortcutContext(Qt::ApplicationShortcut);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_compactAction = m_viewMenu->addAction(tr("&Compact mode"));
    m_compactAction->setShortcut(tr("Ctrl+M"));
    m_compactAction->setShortcutContext(Qt::ApplicationShortcut);
    QAction *switchMarket = m_viewMenu->addAction(tr("Switch &market"), this, [this] {
        m_picker->setFocus(Qt::ShortcutFocusReason);
        m_picker->lineEdit()->selectAll();
    });
    switchMarket->setShortcut(tr("Ctrl+L"));
    m_viewMenu->addSeparator();

    QMenu *alerts = menuBar()->addMenu(tr("&Alerts"));
    m_alertsAction = alerts->addAction(tr("&Alerts…"));
    m_alertsAction->setShortcut(tr("Ctrl+Shift+A"));
}

MainWindow::~MainWindow()
{
    // An editable combo box commits its text when it loses focus, which closing the window
    // causes: by then this window is half destroyed.
    m_picker->disconnect(this);
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

QString MainWindow::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void MainWindow::fillPicker()
{
    m_picker->setEntries(m_store->catalog());
    // Only the exchange's own list can say a market does not exist; the bundled one is short.
    const auto source = m_store->catalogSource();
    m_picker->setRefusesUnlisted(
        source == MarketCatalog::Source::Exchange || source == MarketCatalog::Source::Cache);
    m_picker->setCurrentMarket(m_current);
}

void MainWindow::setRecorder(TickerFeed *feed)
{
    m_recorder = feed;
    m_record->setVisible(true);
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
}

bool MainWindow::startRecording(const QString &path)
{
    if (!m_recorder)
        return false;
    QString error;
    QStringList symbols;
    for (const MarketId &market : m_subscriptions->markets())
        symbols.append(market.toV1());
    const bool started = m_recorder->startRecording(path, symbols, &error);
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
    if (!m_recorder)
        return;
    const QString path = m_recorder->recordingPath();
    const qint64 bytes = m_recorder->stopRecording();
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
    if (!m_recorder || !m_recorder->isRecording())
        return;
    m_recording->setText(tr("● Recording %1 · %2")
                             .arg(QFileInfo(m_recorder->recordingPath()).fileName(),
                                 locale().formattedDataSize(fileBytes)));
}

QString MainWindow::statusMessage() const
{
    return statusBar()->currentMessage();
}

void MainWindow::watchCurrent()
{
    m_watchlistModel->addMarket(m_current);
}

void MainWindow::showWatchState()
{
    const bool watched = m_watchlistModel->rowOf(m_current) >= 0;
    m_watch->setText(watched ? u"★"_s : u"☆"_s);
    m_watch->setEnabled(!watched);
    m_watch->setToolTip(watched ? tr("%1 is in the watchlist").arg(m_current.toV1())
                                : tr("Add %1 to the watchlist").arg(m_current.toV1()));
}

bool MainWindow::selectMarket(const QString &name)
{
    const auto market = MarketId::fromUser(name);
    if (!market) {
        statusBar()->showMessage(tr("“%1” is not a market: write it like BTC_KRW").arg(name), 5000);
        return false;
    }
    // Bithumb answers an unknown code with silence; the catalogue lets the app say so at once.
    if (m_store->isKnownUnlisted(*market)) {
        statusBar()->showMessage(tr("%1 is not listed on Bithumb").arg(market->toV1()), 5000);
        return false;
    }
    m_current = *market;
    m_picker->setCurrentMarket(m_current);
    qCInfo(lcUi) << "showing" << m_current.toV1();
    m_store->showMarket(m_current);
    m_subscriptions->setWanted(Subscriptions::Need::Shown, {m_current});
    m_chart->setHistory(&m_store->state(m_current).history);
    showCurrent();
    showWatchState();
    const int row = m_watchlistModel->rowOf(m_current);
    if (row >= 0) {
        const QModelIndex index
            = m_watchlist->proxy()->mapFromSource(m_watchlistModel->index(row, 0));
        if (m_watchlist->currentIndex().row() != index.row())
            m_watchlist->selectRow(index.row());
    }
    Q_EMIT marketShown(m_current);
    return true;
}

void MainWindow::setChartSpan(qint64 spanMs)
{
    for (QAbstractButton *button : m_ranges->buttons()) {
        if (button->property(spanProperty).toLongLong() == spanMs)
            button->setChecked(true);
    }
}

bool MainWindow::isSeen() const
{
    return isVisible() && !isMinimized();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::WindowStateChange)
        return;
    if (isSeen() && m_missedChanges)
        refreshStatus();
    followSeen();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_missedChanges)
        refreshStatus();
    followSeen();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    followSeen();
}

void MainWindow::followSeen()
{
    if (m_seen != isSeen()) {
        m_seen = isSeen();
        Q_EMIT seenChanged(*m_seen);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_hidesOnClose)
        return QMainWindow::closeEvent(event);
    event->ignore();
    hide();
    Q_EMIT hiddenOnClose();
}

void MainWindow::showCurrentOnFrame()
{
    // Unseen, nothing is asked of the clock: the labels catch up when the window is seen.
    if (!isSeen()) {
        m_missedChanges = true;
        return;
    }
    m_labelsDue = true;
    m_frameClock->request();
}

void MainWindow::showCurrent()
{
    // Minimised or hidden, a tick costs nothing here: the labels catch up when seen again.
    m_labelsDue = false;
    if (!isSeen()) {
        m_missedChanges = true;
        return;
    }
    m_missedChanges = false;
    const qint64 now = m_store->now();
    const MarketPresentation view
        = present(m_current, m_store->find(m_current), m_store->link(), now, QLocale());
    m_price->setText(view.price);
    m_price->setColor(view.stale ? palette().color(QPalette::PlaceholderText) : QColor());
    m_price->setToolTip(view.priceNote);
    m_quote->setText(view.quote);
    m_change->setText(view.change);
    m_change->setColor(toneColor(palette(), view.tone));
    showMarketStatus(view.badge);
    if (view.notice != m_notice->text()) {
        m_notice->setText(view.notice);
        m_notice->setVisible(!view.notice.isEmpty());
    }
    m_age->setText(view.age);
}

void MainWindow::showMarketStatus(const StatusBadge &badge)
{
    if (badge.text == m_marketStatus->text() && badge.toolTip == m_marketStatus->toolTip())
        return; // unchanged: no restyle, no relayout
    m_marketStatus->setText(badge.text);
    m_marketStatus->setToolTip(badge.toolTip);
    m_marketStatus->setVisible(!badge.text.isEmpty());
    const bool danger = badge.severity == StatusBadge::Severity::Danger;
    // Bithumb's own red for halts and delistings, amber for caution.
    m_marketStatus->setStyleSheet(badge.text.isEmpty() ? QString()
            : danger                                   ? badgeStyle(dangerBadge())
                                                       : badgeStyle(cautionBadge()));
}

QString MainWindow::marketAgeText(const QString &market) const
{
    const auto id = MarketId::fromUser(market);
    if (!id)
        return {};
    return present(*id, m_store->find(*id), m_store->link(), m_store->now(), QLocale()).age;
}

std::size_t MainWindow::historySize(const MarketId &market) const
{
    const MarketState *state = m_store->find(market);
    return state ? state->history.size() : 0;
}

bool MainWindow::isPriceStale() const
{
    return m_store->isStale(m_current);
}

void MainWindow::refreshStatus()
{
    if (!isSeen()) {
        m_missedChanges = true;
        return;
    }
    const LinkState &link = m_store->link();
    const QString state = presentLink(link, m_store->now());
    if (state != m_state->text())
        m_state->setText(state);
    const QString tip
        = link.state == FeedClient::State::RateLimited ? presentLinkDetail(link.detail) : QString();
    if (tip != m_state->toolTip())
        m_state->setToolTip(tip);
    showCurrent();
}

} // namespace ticker
