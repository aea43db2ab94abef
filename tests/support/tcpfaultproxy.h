#pragma once

#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <vector>

class QTcpSocket;

namespace ticker {

// A TCP relay on 127.0.0.1 between the feed and FakeExchange that can break the link the ways
// networks do: abort it mid-stream, freeze it (a half-open link: nothing passes either way, not
// even pongs), or accept dials and never answer them.
class TcpFaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Forward, // relay everything
        Freeze,  // keep the sockets open, pass nothing in either direction
        Hang,    // new connections are accepted and never relayed
    };

    explicit TcpFaultProxy(quint16 targetPort, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setMode(Mode mode); // back to Forward, what was held back flows on
    void abortAll();         // every link dies at once, as on a TCP reset
    int accepted() const { return m_accepted; }

Q_SIGNALS:
    void connectionAccepted();

private:
    struct Link
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };

    void accept();
    void relay(QTcpSocket *from, QTcpSocket *to);

    QTcpServer m_server;
    quint16 m_targetPort;
    Mode m_mode = Mode::Forward;
    int m_accepted = 0;
    std::vector<Link> m_links;
};

} // namespace ticker
