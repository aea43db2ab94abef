#include "restrequest.h"

#include "restjson.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

const char *const tooLargeProperty = "tickerTooLarge";

} // namespace

QNetworkReply *getRest(QNetworkAccessManager *network, const QUrl &url, const RestLimits &limits)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(limits.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!limits.extraCaCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(limits.extraCaCertificates); // verification stays on
        request.setSslConfiguration(tls);
    }
    QNetworkReply *reply = network->get(request);
    const qint64 maxBodyBytes = limits.maxBodyBytes;
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
        [reply, maxBodyBytes](qint64 received, qint64) {
            if (received > maxBodyBytes && !reply->property(tooLargeProperty).toBool()) {
                reply->setProperty(tooLargeProperty, true);
                reply->abort();
            }
        });
    return reply;
}

QString restFailure(QNetworkReply *reply, const RestLimits &limits)
{
    if (reply->property(tooLargeProperty).toBool())
        return u"response larger than %1 bytes"_s.arg(limits.maxBodyBytes);
    if (reply->error() == QNetworkReply::OperationCanceledError) // the transfer timeout
        return u"no answer within %1 ms"_s.arg(limits.timeoutMs);
    if (reply->error() == QNetworkReply::NoError)
        return {};
    // An HTTP error may still carry the API's own error body: say what the server said.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 400)
        return reply->errorString();
    QString notJson, bodyError;
    if (const auto body = parseRestBody(reply->read(limits.maxBodyBytes), &notJson))
        bodyError = restError(*body);
    return bodyError.isEmpty() ? u"HTTP %1"_s.arg(status)
                               : u"HTTP %1 (%2)"_s.arg(QString::number(status), bodyError);
}

} // namespace ticker
