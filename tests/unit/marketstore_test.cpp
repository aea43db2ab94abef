#include "bithumbticker/marketstore.h"
#include "bithumbticker/subscriptions.h"
#include "bithumbticker/tickerfeed.h"
#include "common.h"
#include "ticks.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using test::listing;
using test::tickAt;

namespace {

class MarketStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store.setClock([this] { return now; });
        store.setLinkState(FeedClient::State::Live, {}, 0);
    }

    qint64 now = t0;
    MarketStore store;
};

} // namespace

TEST_F(MarketStoreTest, ABatchIsAppliedOnceAndSaysWhichMarketsChanged)
{
    QSignalSpy changed(&store, &MarketStore::marketsChanged);
    store.applyTicks({tickAt("BTC_KRW", "100", t0), tickAt("ETH_KRW", "5", t0 + 1),
        tickAt("BTC_KRW", "101", t0 + 2)});
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QList<MarketId>>(), (QList<MarketId> {btc, eth}));
    ASSERT_NE(store.find(btc), nullptr);
    EXPECT_EQ(store.find(btc)->last->priceText, u"101");
    EXPECT_EQ(store.find(btc)->history.size(), 2u);
    EXPECT_EQ(store.find(btc)->rhythm.lastMs(), t0 + 2);
    EXPECT_EQ(store.find(eth)->history.size(), 1u);
    EXPECT_EQ(store.find(MarketId::fromV1("XRP_KRW").value()), nullptr);
}

TEST_F(MarketStoreTest, ASilentMarketTurnsStaleAndATickEndsIt)
{
    store.applyTicks({tickAt("BTC_KRW", "100", t0)});
    QSignalSpy staleChanged(&store, &MarketStore::staleChanged);
    now = t0 + MarketRhythm::minimumStaleMs - 1000;
    store.checkStaleness();
    EXPECT_EQ(staleChanged.size(), 0);
    EXPECT_FALSE(store.isStale(btc));
    now = t0 + MarketRhythm::minimumStaleMs + 1000;
    store.checkStaleness();
    ASSERT_EQ(staleChanged.size(), 1);
    EXPECT_EQ(staleChanged.at(0).at(0).value<QList<MarketId>>(), QList<MarketId> {btc});
    EXPECT_TRUE(store.isStale(btc));
    store.checkStaleness(); // no news, no signal
    EXPECT_EQ(staleChanged.size(), 1);
    store.applyTicks({tickAt("BTC_KRW", "101", now)});
    EXPECT_FALSE(store.isStale(btc));
    EXPECT_EQ(staleChanged.size(), 2);
}

TEST_F(MarketStoreTest, ALostLinkMakesEveryPriceStaleButNotAMarketNeverSeen)
{
    store.applyTicks({tickAt("BTC_KRW", "100", t0)});
    store.state(eth);
    store.setLinkState(FeedClient::State::Redialing, {LinkDetail::Why::NoAnswer}, 2000);
    EXPECT_TRUE(store.isStale(btc));
    EXPECT_FALSE(store.isStale(eth)); // nothing shown, so nothing stale
    EXPECT_EQ(store.link().redialAtMs, t0 + 2000);
    EXPECT_EQ(store.link().detail.why, LinkDetail::Why::NoAnswer);
}

TEST_F(MarketStoreTest, TheCatalogueSaysWhatIsListedOnlyWhenItCanKnow)
{
    const MarketId nope = *MarketId::fromV1("NOPE_KRW");
    store.state(nope);
    store.setCatalog({listing("KRW-BTC", "비트코인", "Bitcoin", MarketCatalog::Source::Bundled)},
        MarketCatalog::Source::Bundled);
    EXPECT_EQ(store.find(nope)->listing, MarketState::Listing::Unknown); // bundled: no verdict
    EXPECT_FALSE(store.isKnownUnlisted(nope));
    EXPECT_EQ(store.state(btc).listing, MarketState::Listing::Listed);
    EXPECT_EQ(store.state(btc).entry->koreanName, u"비트코인");

    store.setCatalog({listing("KRW-BTC", "비트코인", "Bitcoin")}, MarketCatalog::Source::Exchange);
    EXPECT_EQ(store.find(nope)->listing, MarketState::Listing::NotListed);
    EXPECT_TRUE(store.isKnownUnlisted(nope));
    EXPECT_FALSE(store.isKnownUnlisted(btc));
}

TEST_F(MarketStoreTest, ADelistedMarketIsMarkedAndNamesFollowTheLatestList)
{
    store.setCatalog({listing("KRW-BTC", "비트코인", "Bitcoin"), listing("KRW-ETH", "이더", "Eth")},
        MarketCatalog::Source::Exchange);
    EXPECT_EQ(store.state(eth).listing, MarketState::Listing::Listed);
    // Bithumb has reused tickers: the same code, another coin.
    store.setCatalog(
        {listing("KRW-BTC", "비트코인 새", "Bitcoin New")}, MarketCatalog::Source::Cache);
    EXPECT_EQ(store.state(eth).listing, MarketState::Listing::NotListed);
    EXPECT_FALSE(store.state(eth).entry);
    EXPECT_EQ(store.state(btc).entry->englishName, u"Bitcoin New");
}

TEST_F(MarketStoreTest, AWantedMarketWithoutDataIsQuestionedAfterTenLiveSeconds)
{
    store.noteWanted({btc});
    const auto withoutData
        = [&] { return MarketStore::judgeWithoutData(store.state(btc), store.link(), now); };
    now = t0 + MarketStore::noDataAfterMs - 1;
    EXPECT_FALSE(withoutData());
    now = t0 + MarketStore::noDataAfterMs;
    EXPECT_TRUE(withoutData());
    // A link that was down: the ten seconds count from when it came back.
    store.setLinkState(FeedClient::State::Redialing, {}, 0);
    EXPECT_FALSE(withoutData());
    store.setLinkState(FeedClient::State::Live, {}, 0);
    EXPECT_FALSE(withoutData());
    now += MarketStore::noDataAfterMs;
    EXPECT_TRUE(withoutData());
    // The exchange's catalogue can say instead; data ends the question too.
    store.setCatalog({listing("KRW-BTC", "비트코인", "Bitcoin")}, MarketCatalog::Source::Exchange);
    EXPECT_FALSE(withoutData());
    store.setCatalog({}, MarketCatalog::Source::Bundled);
    EXPECT_TRUE(withoutData());
    store.applyTicks({tickAt("BTC_KRW", "100", now)});
    EXPECT_FALSE(withoutData());
}

TEST_F(MarketStoreTest, ShowingAMarketCreatesItOnceAndSaysSo)
{
    QSignalSpy shown(&store, &MarketStore::shownMarketChanged);
    store.showMarket(eth);
    store.showMarket(eth);
    EXPECT_EQ(shown.size(), 1);
    EXPECT_EQ(store.shownMarket(), eth);
    EXPECT_NE(store.find(eth), nullptr);
}

TEST_F(MarketStoreTest, OnlyTheShownMarketKeepsEveryTickOfItsDay)
{
    store.showMarket(btc);
    store.applyTicks({tickAt("ETH_KRW", "5", t0)});
    EXPECT_EQ(store.find(btc)->history.fullResolutionWindow(), PriceHistory::windowMs);
    EXPECT_EQ(store.find(eth)->history.fullResolutionWindow(), PriceHistory::lastHourMs);
    store.showMarket(eth);
    EXPECT_EQ(store.find(btc)->history.fullResolutionWindow(), PriceHistory::lastHourMs);
    EXPECT_EQ(store.find(eth)->history.fullResolutionWindow(), PriceHistory::windowMs);
}

TEST_F(MarketStoreTest, HourlyCandlesBecomeAnOverviewApartFromTheHistory)
{
    const qint64 hour = t0 / hourMs * hourMs;
    now = hour + 10 * 60'000; // ten minutes into the running hour
    store.applyTicks({tickAt("BTC_KRW", "100", now - 1000)});
    QSignalSpy changed(&store, &MarketStore::marketsChanged);
    QSignalSpy arrived(&store, &MarketStore::historyArrived);
    // Too old for the day, the hour before, the one running; rising and falling.
    store.applyOverview(btc,
        {{hour - 26 * hourMs, 1, 1, 1, 1}, {hour - hourMs, 90, 99, 80, 95},
            {hour, 95, 96, 85, 88}});
    ASSERT_EQ(changed.size(), 1);
    ASSERT_EQ(arrived.size(), 1); // unlike a tick's, which says nothing of the kind
    EXPECT_EQ(arrived.first().at(0).value<MarketId>(), btc);
    const PriceHistory &overview = store.find(btc)->overview;
    ASSERT_EQ(overview.size(), 8u);
    // Open, then the low and high in the order a rising hour took them, close near its end.
    EXPECT_EQ(overview.at(0).timeMs, hour - hourMs);
    EXPECT_EQ(overview.at(0).price, 90.0);
    EXPECT_EQ(overview.at(1).timeMs, hour - hourMs + 20 * 60'000);
    EXPECT_EQ(overview.at(1).price, 80.0);
    EXPECT_EQ(overview.at(2).price, 99.0);
    EXPECT_EQ(overview.at(3).timeMs, hour - 60'000);
    EXPECT_EQ(overview.at(3).price, 95.0);
    // The running hour: falling, and nothing after now.
    EXPECT_EQ(overview.at(5).price, 96.0);
    EXPECT_EQ(overview.at(6).price, 85.0);
    EXPECT_EQ(overview.newest().timeMs, now);
    EXPECT_EQ(overview.newest().price, 88.0);
    EXPECT_EQ(store.find(btc)->history.size(), 1u); // the live ticks' history is untouched
    // A new overview replaces the old one.
    store.applyOverview(btc, {{hour, 95, 96, 85, 88}});
    EXPECT_EQ(store.find(btc)->overview.size(), 4u);
}

TEST(Subscriptions, TheFeedGetsTheUnionInAStableOrderAndOnlyWhenItChanges)
{
    Subscriptions subscriptions;
    QSignalSpy changed(&subscriptions, &Subscriptions::marketsChanged);
    subscriptions.setWanted(Subscriptions::Need::Watchlist, {eth, btc});
    subscriptions.setWanted(Subscriptions::Need::Shown, {btc});
    ASSERT_EQ(changed.size(), 2);
    EXPECT_EQ(subscriptions.markets(), (QList<MarketId> {btc, eth})); // the shown one first
    subscriptions.setWanted(Subscriptions::Need::Shown, {eth});       // in the watchlist already
    EXPECT_EQ(changed.size(), 3);
    EXPECT_EQ(subscriptions.markets(), (QList<MarketId> {eth, btc}));
    subscriptions.setWanted(Subscriptions::Need::Watchlist, {btc, eth}); // same set, same order
    EXPECT_EQ(changed.size(), 3);
    subscriptions.setWanted(Subscriptions::Need::Watchlist, {});
    EXPECT_EQ(subscriptions.markets(), QList<MarketId> {eth});
    EXPECT_EQ(changed.size(), 4);
}

TEST(ConnectFeed, TheFeedIsToldTheShownMarketThenAndWheneverItChanges)
{
    TickerFeed unshown {FeedConfig {}}; // never started: nothing dials
    MarketStore headless;
    Subscriptions subscriptions;
    connectFeed(&unshown, &headless, &subscriptions);
    EXPECT_FALSE(unshown.shownMarkets()) << "no window: every market is shown";

    TickerFeed feed {FeedConfig {}};
    MarketStore store;
    store.showMarket(btc);
    connectFeed(&feed, &store, &subscriptions);
    EXPECT_EQ(feed.shownMarkets(), QList<MarketId> {btc});
    store.showMarket(eth);
    EXPECT_EQ(feed.shownMarkets(), QList<MarketId> {eth});
}
