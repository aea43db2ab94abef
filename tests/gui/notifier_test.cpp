// Notifier's choice, its tray fallback, and a real freedesktop notification: a private
// dbus-daemon, a fake org.freedesktop.Notifications in this process, and the Notify call it got.
#include "common.h"
#include "notifier.h"

#include <QDBusConnectionInterface>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QString appName, summary, body;
    QVariantMap hints;
    int calls = 0;

public Q_SLOTS:
    uint Notify(const QString &app, uint, const QString &, const QString &summaryText,
        const QString &bodyText, const QStringList &, const QVariantMap &hintMap, int)
    {
        ++calls;
        appName = app;
        summary = summaryText;
        body = bodyText;
        hints = hintMap;
        return 42;
    }
};

// A session bus of the test's own, gone with it.
class PrivateBus
{
public:
    PrivateBus()
    {
        if (QStandardPaths::findExecutable(u"dbus-daemon"_s).isEmpty())
            return;
        // A bus of its own, without the system's activatable services (a notification daemon
        // installed here would answer in place of the fake).
        const QString config = m_dir.filePath(u"session.conf"_s);
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return;
        file.write(
            R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=)"
            + m_dir.path().toUtf8() + R"(</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)");
        file.close();
        m_daemon.start(
            u"dbus-daemon"_s, {u"--config-file="_s + config, u"--nofork"_s, u"--print-address"_s});
        if (!m_daemon.waitForStarted(timeoutMs))
            return;
        QByteArray line;
        while (!line.contains('\n') && m_daemon.waitForReadyRead(timeoutMs))
            line += m_daemon.readAllStandardOutput();
        address = QString::fromUtf8(line.trimmed());
    }
    ~PrivateBus()
    {
        for (const QString &name : std::as_const(m_names))
            QDBusConnection::disconnectFromBus(name);
        m_daemon.kill();
        m_daemon.waitForFinished(timeoutMs);
    }
    QDBusConnection connect(const QString &name)
    {
        m_names.append(name);
        return QDBusConnection::connectToBus(address, name);
    }

    QString address; // empty: no dbus-daemon here

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QStringList m_names;
};

} // namespace

TEST(Notifier, ChoosesTheDesktopThenTheTrayThenTheWindow)
{
    EXPECT_EQ(Notifier::choose(true, true), Notifier::Backend::Desktop);
    EXPECT_EQ(Notifier::choose(true, false), Notifier::Backend::Desktop);
    EXPECT_EQ(Notifier::choose(false, true), Notifier::Backend::Tray);
    EXPECT_EQ(Notifier::choose(false, false), Notifier::Backend::WindowOnly);
}

TEST(Notifier, WithoutABusTheTrayShowsIt)
{
    QSystemTrayIcon tray;
    Notifier notifier(QDBusConnection(u"none"_s), &tray);
    EXPECT_EQ(notifier.backend(), Notifier::Backend::Tray);
    QSignalSpy shown(&notifier, &Notifier::shown);
    notifier.notify(u"Alert BTC_KRW>1"_s, u"2 KRW"_s);
    ASSERT_EQ(shown.count(), 1);
    EXPECT_EQ(shown.at(0).at(0).value<Notifier::Backend>(), Notifier::Backend::Tray);

    Notifier alone(QDBusConnection(u"none"_s), nullptr);
    EXPECT_EQ(alone.backend(), Notifier::Backend::WindowOnly);
    QSignalSpy none(&alone, &Notifier::shown);
    alone.notify(u"Alert"_s, u"body"_s);
    EXPECT_EQ(none.count(), 0); // the window says it; nothing here
}

TEST(Notifier, SendsAFreedesktopNotificationOverDBus)
{
    PrivateBus bus;
    if (bus.address.isEmpty())
        GTEST_SKIP() << "no dbus-daemon";
    QDBusConnection serviceBus = bus.connect(u"fake-notifications"_s);
    ASSERT_TRUE(serviceBus.isConnected()) << serviceBus.lastError().message().toStdString();
    QDBusConnection clientBus = bus.connect(u"ticker"_s);
    ASSERT_TRUE(clientBus.isConnected());
    EXPECT_FALSE(Notifier::hasNotificationService(clientBus)); // not yet there

    FakeNotifications fake;
    ASSERT_TRUE(serviceBus.registerObject(
        QString::fromLatin1(Notifier::path), &fake, QDBusConnection::ExportAllSlots));
    ASSERT_TRUE(serviceBus.registerService(QString::fromLatin1(Notifier::service)));

    QSystemTrayIcon tray;
    Notifier notifier(clientBus, &tray);
    ASSERT_EQ(notifier.backend(), Notifier::Backend::Desktop);
    QSignalSpy shown(&notifier, &Notifier::shown);
    notifier.notify(u"Alert BTC_KRW>135000000"_s, u"135,500,000 KRW"_s);
    ASSERT_TRUE(shown.wait(timeoutMs));
    EXPECT_EQ(shown.at(0).at(0).value<Notifier::Backend>(), Notifier::Backend::Desktop);
    EXPECT_EQ(fake.calls, 1);
    EXPECT_EQ(fake.summary, u"Alert BTC_KRW>135000000");
    EXPECT_EQ(fake.body, u"135,500,000 KRW");
    EXPECT_EQ(fake.appName, u"Bithumb Ticker");
    EXPECT_EQ(
        fake.hints.value(u"desktop-entry"_s).toString(), u"io.github.bithumbticker.BithumbTicker");
}

TEST(Notifier, AFailedNotifyFallsBackToTheTray)
{
    PrivateBus bus;
    if (bus.address.isEmpty())
        GTEST_SKIP() << "no dbus-daemon";
    // The name is taken, but nothing answers at the path: Notify fails.
    QDBusConnection serviceBus = bus.connect(u"broken-notifications"_s);
    ASSERT_TRUE(serviceBus.registerService(QString::fromLatin1(Notifier::service)));
    QSystemTrayIcon tray;
    Notifier notifier(bus.connect(u"ticker"_s), &tray);
    ASSERT_EQ(notifier.backend(), Notifier::Backend::Desktop);
    QSignalSpy shown(&notifier, &Notifier::shown);
    notifier.notify(u"Alert"_s, u"body"_s);
    ASSERT_TRUE(shown.wait(timeoutMs));
    EXPECT_EQ(shown.at(0).at(0).value<Notifier::Backend>(), Notifier::Backend::Tray);
}

#include "notifier_test.moc"
