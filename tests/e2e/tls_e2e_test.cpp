// wss:// against FakeExchange with a self-signed certificate made at test time: refused by
// default with a clear reason, accepted when that certificate is given as a CA (--ca-file).
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/tickerfeed.h"
#include "common.h"
#include "linkstates.h"
#include "selfsignedtls.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

class TlsE2E : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(tls.make()) << "openssl could not make a certificate";
        exchange = std::make_unique<FakeExchange>(tls.serverConfiguration());
        ASSERT_TRUE(exchange->listen());
        exchange->setStreamInterval(0);
    }

    QString certPath() const { return tls.certPath(); }

    FeedConfig config() const
    {
        FeedConfig config;
        config.url = exchange->url(ApiVersion::V2);
        config.markets = {btc};
        config.backoff = {50, 200, 50};
        return config;
    }

    test::SelfSignedTls tls;
    std::unique_ptr<FakeExchange> exchange;
};

} // namespace

TEST_F(TlsE2E, UnknownCertificateIsRefusedWithAClearReason)
{
    ASSERT_EQ(exchange->url(ApiVersion::V2).scheme(), u"wss");
    TickerFeed feed(config());
    QSignalSpy states(&feed, &TickerFeed::stateChanged);
    QSignalSpy subscribed(exchange.get(), &FakeExchange::subscribed);
    feed.start();
    const QString reason = test::lostLinkReason(states);
    EXPECT_TRUE(reason.startsWith(u"TLS: ")) << reason.toStdString();
    EXPECT_TRUE(reason.contains(u"self-signed", Qt::CaseInsensitive)) << reason.toStdString();
    EXPECT_EQ(subscribed.size(), 0);
    EXPECT_EQ(feed.stop().ticks, 0u);
}

TEST_F(TlsE2E, CertificateGivenAsCaIsAccepted)
{
    FeedConfig trusting = config();
    trusting.extraCaCertificates = QSslCertificate::fromPath(certPath());
    ASSERT_EQ(trusting.extraCaCertificates.size(), 1);
    TickerFeed feed(trusting);
    TickBatch ticks;
    QObject::connect(&feed, &TickerFeed::ticksReceived, [&](const TickBatch &b) { ticks += b; });
    QSignalSpy subscribed(exchange.get(), &FakeExchange::subscribed);
    feed.start();
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !ticks.isEmpty(); }, timeoutMs)); // the snapshot
    exchange->publish(btc, u"130112000"_s);
    ASSERT_TRUE(QTest::qWaitFor([&] { return ticks.size() >= 2; }, timeoutMs));
    EXPECT_EQ(ticks.last().priceText, u"130112000");
}

TEST_F(TlsE2E, CliCaFileOption)
{
    const QStringList common {u"--headless"_s, u"--rest-url"_s, u"http://127.0.0.1:1"_s, u"--url"_s,
        exchange->url(ApiVersion::V2).toString()};
    QProcess refused;
    refused.start(
        QStringLiteral(BITHUMB_TICKER_BINARY), common + QStringList {u"--duration"_s, u"1.5"_s});
    QProcess trusted;
    trusted.start(QStringLiteral(BITHUMB_TICKER_BINARY),
        common
            + QStringList {
                u"--ca-file"_s, certPath(), u"--exit-after"_s, u"1"_s, u"--duration"_s, u"8"_s});
    // Both run at once against the one exchange; this loop serves them.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return refused.state() == QProcess::NotRunning
                && trusted.state() == QProcess::NotRunning;
        },
        timeoutMs));
    EXPECT_EQ(trusted.exitCode(), 0);
    EXPECT_TRUE(trusted.readAllStandardOutput().contains("\"closePrice\""));
    EXPECT_EQ(refused.exitCode(), 0);
    EXPECT_TRUE(refused.readAllStandardOutput().isEmpty());
    EXPECT_TRUE(refused.readAllStandardError().contains("link lost (TLS: "));
}
