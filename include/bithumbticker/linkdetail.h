#pragma once

#include <QMetaType>
#include <QString>

#include <utility>

namespace ticker {

// What a link state is about: where a dial goes, or why a link was lost. A value, so core
// holds no user-visible English: the app phrases it (presentLink), and logs, stderr and
// recordings use logText().
struct LinkDetail
{
    enum class Why {
        None,           // Connecting: text is the URL; Live: text is the URL
        Tls,            // the TLS handshake was refused; text: the first TLS error, as Qt says it
        ConnectTimeout, // no handshake within the connect timeout
        NoAnswer,       // two heartbeats without a frame or a pong
        SocketError,    // text: the socket's error, as Qt says it (host not found, refused …)
        ServerClosed,   // a close frame; code, and text: its reason (may be empty)
        NetworkBack,    // the network came back: redialled at once
        Woke,           // the machine woke from sleep: redialled at once
    };

    LinkDetail() = default;
    LinkDetail(Why reason, QString what = {}, int closeCode = 0)
        : why(reason)
        , text(std::move(what))
        , code(closeCode)
    { }

    Why why = Why::None;
    QString text;
    int code = 0;

    // English, for logs, stderr and recordings (stable: scripts and fixtures read them).
    QString logText() const;

    friend bool operator==(const LinkDetail &, const LinkDetail &) = default;
};

} // namespace ticker

Q_DECLARE_METATYPE(ticker::LinkDetail)
