#include "desktopshell.h"

#include "alertbook.h"
#include "alertsdialog.h"
#include "appsettings.h"
#include "bithumbticker/logging.h"
#include "compactwindow.h"
#include "mainwindow.h"
#include "notifier.h"
#include "presentation.h"
#include "trayicon.h"

#include <QAction>
#include <QGuiApplication>
#include <QLayout>
#include <QMenu>
#include <QScreen>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace ticker {

namespace {

constexpr int alertMessageMs = 60'000;
constexpr int compactMargin = 24;

} // namespace

template<typename... Args, typename... Values>
void DesktopShell::save(void (AppSettings::*setter)(Args...), const Values &...values)
{
    if (!m_settings)
        return;
    (m_settings->*setter)(values...);
    m_settings->sync();
}

DesktopShell::DesktopShell(MainWindow *window, MarketStore *store, AlertBook *alerts,
    AppSettings *settings, bool trayAvailable, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_store(store)
    , m_alerts(alerts)
    , m_settings(settings)
    , m_compact(new CompactWindow(store))
{
    // Never the window whose closing quits: it only stands in for the main one.
    m_compact->setAttribute(Qt::WA_QuitOnClose, false);
    m_compact->setTranslucent(settings && settings->compactTranslucent());
    connect(m_compact, &CompactWindow::fullWindowRequested, this, &DesktopShell::showFull);
    connect(m_compact, &CompactWindow::moved, this,
        [this](const QString &screenName, const QPoint &position) {
            save(&AppSettings::setCompactPosition, screenName, position);
        });
    m_compactMenu = new QMenu(m_compact);
    m_compactMenu->addAction(tr("&Full window"), this, &DesktopShell::showFull);
    m_compactMenu->addAction(window->alertsAction());
    m_compactMenu->addSeparator();
    m_compactMenu->addAction(window->quitAction());
    m_compact->setContextMenu(m_compactMenu);

    connect(window->compactAction(), &QAction::triggered, this, &DesktopShell::toggleCompact);
    connect(window->alertsAction(), &QAction::triggered, this, &DesktopShell::openAlerts);

    QMenu *view = window->viewMenu();
    if (trayAvailable) {
        m_tray = new TrayIcon(store, this);
        m_trayMenu = new QMenu(window);
        QAction *showHide
            = m_trayMenu->addAction(tr("&Hide window"), this, &DesktopShell::toggleWindow);
        connect(m_trayMenu, &QMenu::aboutToShow, this, [this, showHide] {
            showHide->setText(
                m_window->isVisible() || isCompact() ? tr("&Hide window") : tr("&Show window"));
        });
        m_trayMenu->addAction(window->compactAction());
        m_trayMenu->addAction(window->alertsAction());
        m_trayMenu->addSeparator();
        m_trayMenu->addAction(window->quitAction());
        m_tray->setMenu(m_trayMenu);
        connect(m_tray, &TrayIcon::activated, this, &DesktopShell::toggleWindow);

        const bool closes = settings ? settings->closesToTray(true) : true;
        window->setHidesOnClose(closes);
        m_closesToTray = addSetting(view, tr("Close to &tray"), closes);
        connect(m_closesToTray, &QAction::toggled, this, [this](bool on) {
            m_window->setHidesOnClose(on);
            save(&AppSettings::setClosesToTray, on);
        });
        const bool price = settings && settings->trayShowsPrice();
        m_tray->setShowsPrice(price);
        QAction *priceInIcon = addSetting(view, tr("&Price in the tray icon"), price);
        connect(priceInIcon, &QAction::toggled, this, [this](bool on) {
            m_tray->setShowsPrice(on);
            save(&AppSettings::setTrayShowsPrice, on);
        });
        m_tray->icon()->show();
    } else {
        qCInfo(lcUi) << "no system tray: closing the window quits";
    }
    QAction *translucent = addSetting(
        view, tr("&Translucent compact window"), settings && settings->compactTranslucent());
    connect(translucent, &QAction::toggled, this, [this](bool on) {
        m_compact->setTranslucent(on);
        save(&AppSettings::setCompactTranslucent, on);
    });
}

DesktopShell::~DesktopShell()
{
    delete m_compact; // a window of its own, no parent
}

QAction *DesktopShell::addSetting(QMenu *menu, const QString &text, bool on)
{
    QAction *action = menu->addAction(text);
    action->setCheckable(true);
    action->setChecked(on);
    return action;
}

void DesktopShell::setNotifier(Notifier *notifier)
{
    delete m_notifier;
    m_notifier = notifier;
    notifier->setParent(this);
}

AlertsDialog *DesktopShell::alertsDialog() const
{
    return m_dialog;
}

bool DesktopShell::isCompact() const
{
    return m_compact->isVisible();
}

void DesktopShell::placeCompact()
{
    m_compact->layout()->activate();
    m_compact->adjustSize();
    QScreen *screen = m_window->screen() ? m_window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect room = screen->availableGeometry();
    const std::optional<QPoint> saved
        = m_settings ? m_settings->compactPosition(screen->name()) : std::nullopt;
    // A remembered place only if the window still fits there (screens change size).
    if (saved && room.contains(QRect(*saved, m_compact->size()))) {
        m_compact->move(*saved);
        return;
    }
    m_compact->move(room.right() - m_compact->width() - compactMargin, room.top() + compactMargin);
}

void DesktopShell::showCompact()
{
    m_window->hide();
    m_compact->show(); // its labels filled first: it is placed at its size
    placeCompact();
    m_compact->raise();
    qCInfo(lcUi).noquote() << "compact window at" << m_compact->pos().x() << m_compact->pos().y();
}

void DesktopShell::showFull()
{
    m_compact->hide();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopShell::toggleCompact()
{
    if (isCompact())
        showFull();
    else
        showCompact();
}

void DesktopShell::toggleWindow()
{
    if (m_window->isVisible() || isCompact()) {
        m_compact->hide();
        m_window->hide();
    } else {
        showFull();
    }
}

void DesktopShell::openAlerts()
{
    if (!m_dialog) {
        m_dialog = new AlertsDialog(m_alerts, m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog->setAttribute(
            Qt::WA_QuitOnClose, false); // opened from the tray, the window hidden
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void DesktopShell::alertFired(const AlertSpec &alert, const Tick &tick)
{
    const AlertPresentation shown = presentAlert(alert, tick, m_window->locale());
    m_window->statusBar()->showMessage(shown.line, alertMessageMs);
    if (!m_notifier)
        setNotifier(new Notifier(m_tray ? m_tray->icon() : nullptr));
    m_notifier->notify(shown.title, shown.body);
}

} // namespace ticker
