#include "bithumbticker/linkdetail.h"

using namespace Qt::StringLiterals;

namespace ticker {

QString LinkDetail::logText() const
{
    switch (why) {
    case Why::None:
    case Why::SocketError:
        return text;
    case Why::Tls:
        return u"TLS: "_s + text;
    case Why::ConnectTimeout:
        return u"connect timed out"_s;
    case Why::NoAnswer:
        return u"no answer from the server"_s;
    case Why::ServerClosed:
        return text.isEmpty() ? u"closed by the server (%1)"_s.arg(code) : text;
    case Why::NetworkBack:
        return u"the network is back"_s;
    case Why::Woke:
        return u"the machine woke up"_s;
    }
    return text;
}

} // namespace ticker
