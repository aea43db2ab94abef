// The window, offscreen, fed by the real feed from the loopback exchange.
#include "mainwindow.h"

#include "bithumbticker/fakeexchange.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 5000;

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(exchange.listen());
        exchange.setStreamInterval(0);
        FeedConfig config;
        config.url = exchange.url(ApiVersion::V2);
        config.markets = {*MarketId::fromV1("BTC_KRW")};
        feed = std::make_unique<TickerFeed>(config);
        window = std::make_unique<MainWindow>(feed.get(), QStringList {u"ETH_KRW"_s}, true);
        window->show();
        QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
        feed->start();
        ASSERT_TRUE(subscribed.wait(timeoutMs));
        // The exchange answers a subscription with a snapshot tick; start from it.
        ASSERT_TRUE(QTest::qWaitFor([&] { return window->priceText() != u"—"; }, timeoutMs));
    }

    FakeExchange exchange;
    std::unique_ptr<TickerFeed> feed;
    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(MainWindowTest, LabelShowsThePriceOfTheTickThatArrived)
{
    exchange.publish(*MarketId::fromV1("BTC_KRW"), u"131000000"_s);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->priceText() == u"131,000,000"; }, timeoutMs))
        << window->priceText().toStdString();
    // 131,000,000 against the exchange's previous close of 130,112,000.
    EXPECT_EQ(window->changeText(), u"+888,000 (+0.68%)");
    EXPECT_TRUE(window->statusText().contains(u"Live")) << window->statusText().toStdString();
    EXPECT_TRUE(window->statusText().contains(u"last tick")) << window->statusText().toStdString();
}

TEST_F(MainWindowTest, SwitchingMarketResubscribesAndShowsTheNewPrice)
{
    QSignalSpy subscribed(&exchange, &FakeExchange::subscribed);
    ASSERT_TRUE(window->selectMarket(u"krw-shib"_s));
    ASSERT_TRUE(subscribed.wait(timeoutMs));
    EXPECT_EQ(window->currentMarket().toV1(), u"SHIB_KRW");
    exchange.publish(*MarketId::fromV1("SHIB_KRW"), u"0.0124"_s);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->priceText() == u"0.0124"; }, timeoutMs))
        << window->priceText().toStdString();
}

TEST_F(MainWindowTest, RejectsANameThatIsNoMarket)
{
    EXPECT_FALSE(window->selectMarket(u"<b>bitcoin</b>"_s));
    EXPECT_EQ(window->currentMarket().toV1(), u"BTC_KRW");
}

TEST_F(MainWindowTest, AgeUsesTheInjectedClock)
{
    qint64 fakeNow = QDateTime::currentMSecsSinceEpoch() + 42'000;
    window->setClock([&] { return fakeNow; });
    window->showTicks({}); // nothing new: the age is what the status timer would show
    QTest::qWait(0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->statusText().contains(u"s ago"); }, 2000))
        << window->statusText().toStdString();
}
