#pragma once

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>

namespace ticker::test {

// A fresh key and self-signed certificate for 127.0.0.1, valid for a day, made by openssl at
// test time, and the server configuration that serves it.
struct SelfSignedTls
{
    // False if openssl could not make them.
    bool make()
    {
        if (!dir.isValid())
            return false;
        QProcess openssl;
        openssl.setStandardErrorFile(QProcess::nullDevice());
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                QStringLiteral("-keyout"), keyPath(), QStringLiteral("-out"), certPath()});
        return openssl.waitForFinished(10000) && openssl.exitCode() == 0;
    }

    QString certPath() const { return dir.filePath(QStringLiteral("cert.pem")); }
    QString keyPath() const { return dir.filePath(QStringLiteral("key.pem")); }

    QSslConfiguration serverConfiguration() const
    {
        QFile keyFile(keyPath());
        keyFile.open(QIODevice::ReadOnly);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate::fromPath(certPath()).value(0));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // the server asks no client certificate
        return tls;
    }

    QTemporaryDir dir;
};

} // namespace ticker::test
