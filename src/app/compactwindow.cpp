#include "compactwindow.h"

#include "bithumbticker/marketstore.h"
#include "presentation.h"
#include "shownmarketsignals.h"
#include "tickcolors.h"
#include "valuelabel.h"

#include <QContextMenuEvent>
#include <QGridLayout>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScreen>
#include <QTimer>

#include <algorithm>

namespace ticker {

CompactWindow::CompactWindow(MarketStore *store, QWidget *parent)
    : QWidget(parent, Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint | Qt::Tool)
    , m_store(store)
{
    setWindowTitle(tr("Bithumb Ticker — compact"));
    setObjectName(QStringLiteral("compactWindow"));
    m_symbol = new ValueLabel(this, 1, true);
    m_status = new ValueLabel(this, 0.85, false);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_price = new ValueLabel(this, 1.8, true);
    m_quote = new ValueLabel(this, 1, false);
    m_quote->setForegroundRole(QPalette::PlaceholderText);
    m_change = new ValueLabel(this, 1, true);
    m_age = new ValueLabel(this, 0.85, false);
    m_age->setForegroundRole(QPalette::PlaceholderText);
    m_age->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *layout = m_layout = new QGridLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_symbol, 0, 0);
    layout->addWidget(m_status, 0, 1);
    layout->addWidget(m_price, 1, 0);
    layout->addWidget(m_quote, 1, 1, Qt::AlignLeft | Qt::AlignBottom);
    layout->addWidget(m_change, 2, 0);
    layout->addWidget(m_age, 2, 1);
    // Room for a large price and a stale mark from the start, so it rarely grows once placed.
    layout->setColumnMinimumWidth(
        0, QFontMetrics(m_price->font()).horizontalAdvance(QStringLiteral("888,888,888")));
    layout->setColumnMinimumWidth(
        1, QFontMetrics(m_quote->font()).horizontalAdvance(tr("KRW · stale")));
    setToolTip(tr("Drag to move · double-click for the full window · right-click for more"));

    connectShownMarket(store, this, &CompactWindow::refresh);
    // Ages and the redial countdown move on by themselves; only while shown.
    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &CompactWindow::refresh);
    m_missed = true;
}

void CompactWindow::setTranslucent(bool on)
{
    setWindowOpacity(on ? translucentOpacity : 1.0);
}

QString CompactWindow::symbolText() const
{
    return m_symbol->text();
}

QString CompactWindow::priceText() const
{
    return m_price->text();
}

QString CompactWindow::quoteText() const
{
    return m_quote->text();
}

QString CompactWindow::changeText() const
{
    return m_change->text();
}

QColor CompactWindow::changeColor() const
{
    return m_change->color();
}

QString CompactWindow::ageText() const
{
    return m_age->text();
}

QString CompactWindow::statusText() const
{
    return m_status->toolTip();
}

void CompactWindow::refresh()
{
    if (!isVisible()) {
        m_missed = true;
        return;
    }
    m_missed = false;
    ++m_refreshes;
    const MarketId shown = m_store->shownMarket();
    const LinkState &link = m_store->link();
    const qint64 now = m_store->now();
    const MarketPresentation view = present(shown, m_store->find(shown), link, now, QLocale());
    m_symbol->setText(view.symbol);
    m_price->setText(view.price);
    m_price->setColor(view.stale ? palette().color(QPalette::PlaceholderText) : QColor());
    m_quote->setText(view.quote);
    m_change->setText(view.change);
    m_change->setColor(toneColor(palette(), view.tone));
    m_age->setText(view.shortAge.isEmpty() ? view.age : view.shortAge);
    // What is worth a corner of the screen: the link when it is not live, else the market's
    // own state.
    const QString status = !link.isLive() ? presentLink(link, now)
        : !view.badge.text.isEmpty()      ? view.badge.text
                                          : view.notice;
    if (status == m_status->toolTip())
        return;
    // Kept to its column, so a long link state (a URL) does not widen the window; whole in
    // the tooltip.
    m_status->setToolTip(status);
    m_status->setText(m_status->fontMetrics().elidedText(
        status, Qt::ElideRight, m_layout->columnMinimumWidth(1)));
}

void CompactWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Grown past the screen's edge (a longer text): back inside.
    if (!screen() || m_dragging)
        return;
    const QRect room = screen()->availableGeometry();
    const QRect frame = frameGeometry();
    if (frame.right() > room.right())
        move(std::max(room.left(), room.right() - frame.width()), frame.top());
}

void CompactWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_ageTimer->start();
    if (m_missed)
        refresh();
    Q_EMIT seenChanged(true);
}

void CompactWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_ageTimer->stop();
    Q_EMIT seenChanged(false);
}

void CompactWindow::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragged = false;
    m_dragOffset = event->globalPosition().toPoint() - frameGeometry().topLeft();
}

void CompactWindow::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    m_dragged = true;
    move(event->globalPosition().toPoint() - m_dragOffset);
}

void CompactWindow::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    if (m_dragged && screen())
        Q_EMIT moved(screen()->name(), pos());
}

void CompactWindow::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT fullWindowRequested();
}

void CompactWindow::contextMenuEvent(QContextMenuEvent *event)
{
    if (m_menu)
        m_menu->popup(event->globalPos());
}

void CompactWindow::paintEvent(QPaintEvent *)
{
    // Frameless: a hairline border keeps it apart from what is beneath.
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

} // namespace ticker
