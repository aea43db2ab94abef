#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace ticker {

// Shows a fired alert on the desktop, the best way there is: a freedesktop notification over
// D-Bus (org.freedesktop.Notifications.Notify) when that service runs or can be started on
// the session bus, else the tray icon's message, else nothing here (the window says it anyway).
// The choice is made once, at construction, from what is there; a Notify call that fails
// falls back to the tray for that alert.
class Notifier : public QObject
{
    Q_OBJECT
public:
    enum class Backend { Desktop, Tray, WindowOnly };
    Q_ENUM(Backend)

    static constexpr const char *service = "org.freedesktop.Notifications";
    static constexpr const char *path = "/org/freedesktop/Notifications";

    // Pure: the first that is there.
    static Backend choose(bool notificationService, bool tray);
    // Whether bus has the notification service, running or activatable.
    static bool hasNotificationService(const QDBusConnection &bus);

    // tray may be null: there is none.
    explicit Notifier(QSystemTrayIcon *tray, QObject *parent = nullptr); // the session bus
    Notifier(const QDBusConnection &bus, QSystemTrayIcon *tray, QObject *parent = nullptr);

    Backend backend() const { return m_backend; }
    void notify(const QString &title, const QString &body);

Q_SIGNALS:
    void shown(ticker::Notifier::Backend backend); // after Notify answered, or the tray showed it

private:
    void showInTray(const QString &title, const QString &body);

    QDBusConnection m_bus;
    QPointer<QSystemTrayIcon> m_tray;
    Backend m_backend;
};

} // namespace ticker
