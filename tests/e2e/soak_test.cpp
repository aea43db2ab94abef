// A hundred redials in a row: file descriptors and resident memory stay flat.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/tickerfeed.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <iostream>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

qsizetype openFileDescriptors()
{
    return QDir(u"/proc/self/fd"_s)
        .entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)
        .size();
}

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

TEST(Soak, HundredRedialsKeepDescriptorsAndMemoryFlat)
{
    FakeExchange exchange;
    ASSERT_TRUE(exchange.listen());
    exchange.setStreamInterval(0);
    // 110 redials back to back, as fast as a 5 ms backoff allows: far over Bithumb's 10 connects
    // a second, which would answer 429 and ban. This test is about leaks, not that limit (the
    // strict fake tests cover it), and keeping under it would make it 11 s long.
    exchange.setConnectLimit(1000);
    FeedConfig config;
    config.url = exchange.url(ApiVersion::V2);
    config.markets = {*MarketId::fromV1("BTC_KRW")};
    config.backoff = {5, 10, 5};
    TickerFeed feed(config);
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    feed.start();
    ASSERT_TRUE(subscribed.wait(10000));

    const auto redial = [&](int times) {
        for (int i = 0; i < times; ++i) {
            subscribed.clear();
            exchange.closeAll(1001);
            if (!subscribed.wait(10000))
                return false;
        }
        return true;
    };
    ASSERT_TRUE(redial(10)); // warm up: caches, allocator pools
    const qsizetype fdsBefore = openFileDescriptors();
    const qint64 rssBefore = residentKiB();
    // Unreadable /proc would compare nothing with nothing: that is no measurement.
    ASSERT_GT(fdsBefore, 0);
    ASSERT_GT(rssBefore, 0);
    ASSERT_TRUE(redial(100));
    const qsizetype fdsAfter = openFileDescriptors();
    const qint64 rssAfter = residentKiB();
    ASSERT_GT(rssAfter, 0);
    const FeedStats stats = feed.stop();

    std::cout << "fds " << fdsBefore << " -> " << fdsAfter << ", RSS " << rssBefore << " -> "
              << rssAfter << " KiB over 100 redials\n";
    EXPECT_EQ(stats.reconnects, 110u);
    EXPECT_LE(fdsAfter, fdsBefore + 1); // one link may be mid-teardown
// Memory is measured in the plain build: ASan's quarantine and TSan's shadow and allocator
// keep freed memory on purpose (under TSan: 37 to 79 MB, descriptors flat).
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    EXPECT_LT(rssAfter - rssBefore, 2048);
#endif
}
