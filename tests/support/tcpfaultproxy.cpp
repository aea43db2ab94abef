#include "tcpfaultproxy.h"

#include <QTcpSocket>

namespace ticker {

TcpFaultProxy::TcpFaultProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpFaultProxy::accept);
}

bool TcpFaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpFaultProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        client->setParent(this);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        std::erase_if(m_links, [](const Link &l) { return !l.client && !l.upstream; });
        Link link {client, nullptr};
        if (m_mode != Mode::Hang) {
            auto *upstream = new QTcpSocket(this);
            link.upstream = upstream;
            connect(client, &QTcpSocket::readyRead, this,
                [this, client, upstream] { relay(client, upstream); });
            connect(upstream, &QTcpSocket::readyRead, this,
                [this, client, upstream] { relay(upstream, client); });
            connect(upstream, &QTcpSocket::connected, this, [this, client, upstream] {
                relay(client, upstream); // what the client sent while we were dialling
            });
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(upstream, &QTcpSocket::disconnected, upstream, &QObject::deleteLater);
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        }
        m_links.push_back(link);
        Q_EMIT connectionAccepted();
    }
}

void TcpFaultProxy::setMode(Mode mode)
{
    m_mode = mode;
    if (mode != Mode::Forward)
        return;
    for (const auto &link : m_links) {
        if (link.client && link.upstream) {
            relay(link.client, link.upstream);
            relay(link.upstream, link.client);
        }
    }
}

void TcpFaultProxy::relay(QTcpSocket *from, QTcpSocket *to)
{
    // Frozen: the bytes stay in the sockets' buffers, as on a link that stopped moving.
    if (m_mode == Mode::Freeze || to->state() != QAbstractSocket::ConnectedState)
        return;
    to->write(from->readAll());
}

void TcpFaultProxy::abortAll()
{
    for (auto &link : m_links) {
        if (link.client)
            link.client->abort();
        if (link.upstream)
            link.upstream->abort();
    }
    m_links.clear();
}

} // namespace ticker
