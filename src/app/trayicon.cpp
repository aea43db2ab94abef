#include "trayicon.h"

#include "bithumbticker/marketstore.h"
#include "presentation.h"
#include "shownmarketsignals.h"
#include "tickcolors.h"

#include <QGuiApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace ticker {

TrayIcon::TrayIcon(const MarketStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_icon(new QSystemTrayIcon(this))
    , m_refresh(new QTimer(this))
    , m_appIcon(QGuiApplication::windowIcon())
{
    m_icon->setIcon(m_appIcon);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(defaultRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &TrayIcon::refresh);
    connectShownMarket(store, this, &TrayIcon::schedule);
    connect(
        m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason why) {
            if (why == QSystemTrayIcon::Trigger)
                Q_EMIT activated();
        });
    refresh();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::setMenu(QMenu *menu)
{
    m_icon->setContextMenu(menu);
}

void TrayIcon::setShowsPrice(bool on)
{
    if (on == m_showsPrice)
        return;
    m_showsPrice = on;
    m_iconText.clear();
    m_iconColor = {};
    if (!on)
        m_icon->setIcon(m_appIcon);
    refresh();
}

bool TrayIcon::isRefreshPending() const
{
    return m_refresh->isActive();
}

void TrayIcon::setRefreshMs(int ms)
{
    m_refresh->setInterval(ms);
}

void TrayIcon::schedule()
{
    // The first change starts the wait; the ones during it ride along.
    if (!m_refresh->isActive())
        m_refresh->start();
}

void TrayIcon::refresh()
{
    const MarketId shown = m_store->shownMarket();
    if (!shown.isValid())
        return;
    const MarketState *market = m_store->find(shown);
    const MarketPresentation view
        = present(shown, market, m_store->link(), m_store->now(), QLocale());
    const QString toolTip = presentSummary(view);
    if (toolTip != m_toolTip) {
        m_toolTip = toolTip;
        m_icon->setToolTip(toolTip);
        Q_EMIT toolTipChanged(toolTip);
    }
    if (!m_showsPrice)
        return;
    // A few characters fit: the price as short as the watchlist's traded value.
    const QString text
        = market && market->last ? formatTradedValue(market->last->price, QLocale()) : QString();
    const QPalette palette = QGuiApplication::palette();
    QColor color = toneColor(palette, view.tone);
    if (!color.isValid())
        color = palette.color(QPalette::Mid);
    if (text == m_iconText && color == m_iconColor)
        return;
    m_iconText = text;
    m_iconColor = color;
    m_icon->setIcon(text.isEmpty() ? m_appIcon : priceIcon(text, color));
}

QIcon TrayIcon::priceIcon(const QString &text, const QColor &background) const
{
    constexpr int side = 64;
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawRoundedRect(QRectF(0, 0, side, side), 10, 10);
    QFont font = QGuiApplication::font();
    font.setBold(true);
    font.setPixelSize(side / 2);
    // Shrunk until it fits the square.
    while (font.pixelSize() > 10 && QFontMetrics(font).horizontalAdvance(text) > side - 4)
        font.setPixelSize(font.pixelSize() - 2);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRect(0, 0, side, side), Qt::AlignCenter, text);
    return QIcon(pixmap);
}

} // namespace ticker
