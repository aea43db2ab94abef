#pragma once

#include "bithumbticker/alertspec.h"
#include "bithumbticker/tick.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace ticker {

class AlertBook;
class AlertsDialog;
class AppSettings;
class CompactWindow;
class MainWindow;
class MarketStore;
class Notifier;
class TrayIcon;

// What makes the ticker a desktop companion, around the main window: the tray icon and its
// menu, the compact window and the switch between it and the full one, the Alerts dialog,
// and a fired alert's notification (besides the window's status bar). Without a tray the
// rest works the same and closing the window quits; with one, closing hides to it (a
// setting, on by default).
class DesktopShell : public QObject
{
    Q_OBJECT
public:
    // settings may be null (nothing remembered); notifier null: one on the session bus.
    DesktopShell(MainWindow *window, MarketStore *store, AlertBook *alerts, AppSettings *settings,
        bool trayAvailable, QObject *parent = nullptr);
    ~DesktopShell() override;

    void setNotifier(Notifier *notifier); // tests: another bus; taken over
    Notifier *notifier() const { return m_notifier; }
    TrayIcon *tray() const { return m_tray; } // null without a tray
    CompactWindow *compactWindow() const { return m_compact; }
    AlertsDialog *alertsDialog() const; // null until opened, and once closed
    bool isCompact() const;
    QAction *closesToTrayAction() const { return m_closesToTray; } // null without a tray

public Q_SLOTS:
    void showCompact();
    void showFull();
    void toggleCompact();
    void toggleWindow(); // the tray's Show/Hide
    void openAlerts();
    void alertFired(const ticker::AlertSpec &alert, const ticker::Tick &tick);

private:
    QAction *addSetting(QMenu *menu, const QString &text, bool on);
    void placeCompact();
    // A choice the user made, written at once (a second instance may be running).
    template<typename... Args, typename... Values>
    void save(void (AppSettings::*setter)(Args...), const Values &...values);

    MainWindow *m_window;
    MarketStore *m_store;
    AlertBook *m_alerts;
    AppSettings *m_settings;
    CompactWindow *m_compact;
    TrayIcon *m_tray = nullptr;
    QMenu *m_trayMenu = nullptr;
    QMenu *m_compactMenu = nullptr;
    QAction *m_closesToTray = nullptr;
    Notifier *m_notifier = nullptr;
    QPointer<AlertsDialog> m_dialog;
};

} // namespace ticker
