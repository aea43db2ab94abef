// MarketCatalog against the loopback REST server: fresh from the exchange, then the cache
// when the exchange fails, then the bundled list when there is no cache either.
#include "bithumbticker/fakeexchange.h"
#include "bithumbticker/fakerestserver.h"
#include "bithumbticker/marketcatalog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

class CatalogE2E : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(cacheHome.isValid());
        // QStandardPaths reads XDG_CACHE_HOME on each call: this test's cache is its own.
        hadCacheHome = qEnvironmentVariableIsSet("XDG_CACHE_HOME");
        previousCacheHome = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
        ASSERT_TRUE(exchange.listenRest());
    }
    void TearDown() override
    {
        if (hadCacheHome)
            qputenv("XDG_CACHE_HOME", previousCacheHome);
        else
            qunsetenv("XDG_CACHE_HOME");
    }

    MarketCatalog::Config config(const QUrl &restBase) const
    {
        MarketCatalog::Config config;
        config.restBase = restBase;
        config.timeoutMs = 2'000;
        return config;
    }

    // Loads, refreshes once and returns the refresh's error.
    static QString loadAndRefresh(MarketCatalog &catalog)
    {
        catalog.load();
        QSignalSpy refreshed(&catalog, &MarketCatalog::refreshed);
        catalog.refresh();
        EXPECT_TRUE(refreshed.count() > 0 || refreshed.wait(10'000));
        return refreshed.isEmpty() ? u"no answer"_s : refreshed.first().first().toString();
    }

    // A port nothing listens on.
    static QUrl closedPort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        return QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
    }

    QTemporaryDir cacheHome;
    bool hadCacheHome = false;
    QByteArray previousCacheHome;
    FakeExchange exchange;
};

} // namespace

TEST_F(CatalogE2E, AFreshListComesFromTheExchangeAndIsCached)
{
    MarketCatalog catalog(config(exchange.restUrl()));
    EXPECT_TRUE(catalog.cacheFile().startsWith(cacheHome.path()))
        << catalog.cacheFile().toStdString();
    EXPECT_EQ(loadAndRefresh(catalog), QString());
    EXPECT_EQ(catalog.source(), MarketCatalog::Source::Exchange);
    ASSERT_EQ(catalog.entries().size(), 493u);
    const auto pepe = catalog.find(*MarketId::fromV1("PEPE_KRW"));
    ASSERT_TRUE(pepe);
    EXPECT_TRUE(pepe->isCaution());
    EXPECT_EQ(pepe->koreanName, u"페페"_s);
    EXPECT_EQ(pepe->source, MarketCatalog::Source::Exchange);
    const auto ethBtc = catalog.find(*MarketId::fromV2("BTC-ETH"));
    ASSERT_TRUE(ethBtc);
    EXPECT_EQ(ethBtc->market.toV1(), u"ETH_BTC"_s);
    EXPECT_TRUE(QFile::exists(catalog.cacheFile()));
}

TEST_F(CatalogE2E, AFailingExchangeLeavesTheCache)
{
    {
        MarketCatalog first(config(exchange.restUrl()));
        ASSERT_EQ(loadAndRefresh(first), QString());
    }
    for (const auto fault : {FakeRestServer::Fault::ServerError, FakeRestServer::Fault::Garbage,
             FakeRestServer::Fault::ErrorBody}) {
        exchange.rest()->setFault(fault);
        MarketCatalog catalog(config(exchange.restUrl()));
        const QString error = loadAndRefresh(catalog);
        EXPECT_FALSE(error.isEmpty());
        EXPECT_EQ(catalog.source(), MarketCatalog::Source::Cache) << error.toStdString();
        EXPECT_EQ(catalog.entries().size(), 493u);
        ASSERT_TRUE(catalog.find(*MarketId::fromV1("PEPE_KRW")));
        EXPECT_TRUE(catalog.find(*MarketId::fromV1("PEPE_KRW"))->isCaution());
        EXPECT_EQ(catalog.entries().front().source, MarketCatalog::Source::Cache);
        if (fault == FakeRestServer::Fault::ErrorBody) {
            EXPECT_EQ(error, u"404: Code not found"_s); // the exchange's own words
        }
    }
}

TEST_F(CatalogE2E, NoExchangeAndNoCacheLeavesTheBundledList)
{
    MarketCatalog catalog(config(closedPort()));
    EXPECT_FALSE(loadAndRefresh(catalog).isEmpty());
    EXPECT_EQ(catalog.source(), MarketCatalog::Source::Bundled);
    ASSERT_GE(catalog.entries().size(), 30u);
    EXPECT_EQ(catalog.entries().front().koreanName, u"비트코인"_s);
    EXPECT_FALSE(QFile::exists(catalog.cacheFile())); // nothing fresh, nothing written
}

TEST_F(CatalogE2E, AnUnreadableCacheLeavesTheBundledList)
{
    MarketCatalog catalog(config(closedPort()));
    QDir().mkpath(QFileInfo(catalog.cacheFile()).absolutePath());
    QFile cache(catalog.cacheFile());
    ASSERT_TRUE(cache.open(QIODevice::WriteOnly));
    cache.write("[{\"market\":"); // cut off
    cache.close();
    catalog.load();
    EXPECT_EQ(catalog.source(), MarketCatalog::Source::Bundled);
}

TEST_F(CatalogE2E, ASilentServerIsGivenUpWithinTheTimeout)
{
    QTcpServer silent; // accepts, never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    MarketCatalog::Config slow = config(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())));
    slow.timeoutMs = 300;
    MarketCatalog catalog(slow);
    QElapsedTimer timer;
    timer.start();
    EXPECT_EQ(loadAndRefresh(catalog), u"no answer within 300 ms"_s);
    EXPECT_LT(timer.elapsed(), 3'000);
    EXPECT_EQ(catalog.source(), MarketCatalog::Source::Bundled);
}

TEST_F(CatalogE2E, AnOversizeAnswerIsRefused)
{
    MarketCatalog::Config small = config(exchange.restUrl());
    small.maxBodyBytes = 10'000; // the fake's list is about 40 kB
    MarketCatalog catalog(small);
    EXPECT_EQ(loadAndRefresh(catalog), u"response larger than 10000 bytes"_s);
    EXPECT_EQ(catalog.source(), MarketCatalog::Source::Bundled);
}
