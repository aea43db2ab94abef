#pragma once

#include "bithumbticker/restsource.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace ticker {

// What every REST GET of the app holds to: an answer within timeoutMs, a body no larger than
// maxBodyBytes, TLS verified against the system's CAs plus any extra ones (--ca-file).
struct RestLimits
{
    int timeoutMs = 10'000;
    qint64 maxBodyBytes = 4 << 20;
    QList<QSslCertificate> extraCaCertificates;
};

inline RestLimits limitsOf(const RestSource &source)
{
    return {source.timeoutMs, source.maxBodyBytes, source.extraCaCertificates};
}

// Starts a GET for JSON under these limits: the reply is aborted once its body passes
// maxBodyBytes (restFailure says so) or it stalls for timeoutMs.
QNetworkReply *getRest(QNetworkAccessManager *network, const QUrl &url, const RestLimits &limits);

// Why a finished reply from getRest() brought no usable body, or an empty string when it did:
// too large, no answer in time (an abort() counts as that), a network error, or an HTTP error
// with the API's own error text when the body has one.
QString restFailure(QNetworkReply *reply, const RestLimits &limits);

} // namespace ticker
