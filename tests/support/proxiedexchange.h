#pragma once

#include "bithumbticker/fakeexchange.h"
#include "tcpfaultproxy.h"

#include <memory>

namespace ticker::test {

// FakeExchange with no stream of its own, reached through a TcpFaultProxy that can break
// the link.
struct ProxiedExchange
{
    bool listen()
    {
        exchange.setStreamInterval(0);
        if (!exchange.listen())
            return false;
        proxy = std::make_unique<TcpFaultProxy>(exchange.port());
        return proxy->listen();
    }

    // The exchange's URL for this API, through the proxy.
    QUrl proxiedUrl(ApiVersion api) const
    {
        QUrl url = exchange.url(api);
        url.setPort(proxy->port());
        return url;
    }

    FakeExchange exchange;
    std::unique_ptr<TcpFaultProxy> proxy;
};

} // namespace ticker::test
