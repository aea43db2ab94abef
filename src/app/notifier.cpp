#include "notifier.h"

#include "bithumbticker/logging.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

const QString desktopEntry = u"io.github.bithumbticker.BithumbTicker"_s;
constexpr int trayMessageMs = 10'000;

} // namespace

Notifier::Backend Notifier::choose(bool notificationService, bool tray)
{
    if (notificationService)
        return Backend::Desktop;
    return tray ? Backend::Tray : Backend::WindowOnly;
}

bool Notifier::hasNotificationService(const QDBusConnection &bus)
{
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QString name = QString::fromLatin1(service);
    if (bus.interface()->isServiceRegistered(name))
        return true;
    // Most daemons are started by the bus on the first call.
    const QDBusReply<QStringList> activatable = bus.interface()->call(u"ListActivatableNames"_s);
    return activatable.isValid() && activatable.value().contains(name);
}

Notifier::Notifier(QSystemTrayIcon *tray, QObject *parent)
    : Notifier(QDBusConnection::sessionBus(), tray, parent)
{ }

Notifier::Notifier(const QDBusConnection &bus, QSystemTrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_tray(tray)
    , m_backend(choose(hasNotificationService(bus), tray != nullptr))
{
    qCInfo(lcUi) << "alerts notify by"
                 << (m_backend == Backend::Desktop       ? "desktop notifications"
                            : m_backend == Backend::Tray ? "the tray's message"
                                                         : "the window only");
}

void Notifier::notify(const QString &title, const QString &body)
{
    if (m_backend == Backend::Tray) {
        showInTray(title, body);
        return;
    }
    if (m_backend != Backend::Desktop)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(service),
        QString::fromLatin1(path), QString::fromLatin1(service), u"Notify"_s);
    const QVariantMap hints {{u"desktop-entry"_s, desktopEntry}};
    call << tr("Bithumb Ticker") << uint(0) << desktopEntry << title << body << QStringList()
         << hints << int(-1);
    // Asynchronous: a slow daemon never holds up the window.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, title, body](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            const QDBusPendingReply<uint> reply = *finished;
            if (reply.isError()) {
                qCWarning(lcUi).noquote()
                    << "desktop notification failed:" << reply.error().message();
                showInTray(title, body);
                return;
            }
            Q_EMIT shown(Backend::Desktop);
        });
}

void Notifier::showInTray(const QString &title, const QString &body)
{
    if (!m_tray)
        return;
    m_tray->showMessage(title, body, QSystemTrayIcon::Information, trayMessageMs);
    Q_EMIT shown(Backend::Tray);
}

} // namespace ticker
