#include "common.h"
#include "presentation.h"
#include "ticks.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;
using test::listing;
using test::tickAt;

namespace {

const QLocale english(QLocale::English, QLocale::UnitedStates);

LinkState live()
{
    LinkState link;
    link.state = FeedClient::State::Live;
    link.liveSinceMs = t0;
    return link;
}

MarketState tradedAt(const char *price, qint64 timeMs, double changePercent)
{
    MarketState market;
    market.market = btc;
    market.last = tickAt("BTC_KRW", price, timeMs, changePercent);
    market.rhythm.record(timeMs);
    return market;
}

} // namespace

TEST(FormatAge, ReadsLikeAStatusBar)
{
    EXPECT_EQ(formatAge(-20), u"just now");
    EXPECT_EQ(formatAge(999), u"just now");
    EXPECT_EQ(formatAge(3000), u"3 s ago");
    EXPECT_EQ(formatAge(125'000), u"2 min ago");
    EXPECT_EQ(formatAge(7'300'000), u"2 h ago");
    EXPECT_EQ(formatShortAge(300), u"now");
    EXPECT_EQ(formatShortAge(3000), u"3 s");
    EXPECT_EQ(formatShortAge(7'300'000), u"2 h");
}

TEST(FormatTradedValue, ShortInTheLocalesUnits)
{
    EXPECT_EQ(formatTradedValue(8'230'696'760.35, english), u"8.23B");
    EXPECT_EQ(formatTradedValue(123'456'789'012'345.0, english), u"123T");
    EXPECT_EQ(formatTradedValue(950, english), u"950");
    const QLocale korean(QLocale::Korean);
    EXPECT_EQ(formatTradedValue(8'230'696'760.35, korean), u"82.3억");
    EXPECT_EQ(formatTradedValue(1'234'000'000'000.0, korean), u"1.23조");
    EXPECT_EQ(formatTradedValue(56'000, korean), u"5.60만");
    EXPECT_EQ(formatTradedValue(Tick::unknown, english), QString());
}

TEST(Present, AMarketNotSeenYetSaysWhatItWaitsFor)
{
    const MarketPresentation view = present(btc, nullptr, live(), t0, english);
    EXPECT_EQ(view.symbol, u"BTC_KRW");
    EXPECT_EQ(view.price, u"—");
    EXPECT_EQ(view.change, u"waiting for BTC_KRW…");
    EXPECT_EQ(view.age, u"no tick yet");
    EXPECT_FALSE(view.stale);
    EXPECT_TRUE(view.notice.isEmpty());
}

TEST(Present, ALivePriceInTheKoreanColours)
{
    MarketState market = tradedAt("131000000", t0, 0.68);
    market.entry = listing("KRW-BTC", "비트코인", "Bitcoin");
    MarketPresentation view = present(btc, &market, live(), t0 + 3000, english);
    EXPECT_EQ(view.price, u"131,000,000");
    EXPECT_EQ(view.change, u"+890,800 (+0.68%)");
    EXPECT_EQ(view.changePercent, u"+0.68%");
    EXPECT_EQ(view.tone, MarketPresentation::Tone::Rising);
    EXPECT_EQ(view.quote, u"KRW");
    EXPECT_EQ(view.age, u"last trade 3 s ago");
    EXPECT_EQ(view.shortAge, u"3 s");
    EXPECT_EQ(view.name, u"Bitcoin");
    EXPECT_EQ(present(btc, &market, live(), t0, QLocale(QLocale::Korean)).name, u"비트코인");

    market.last->changeAmount = -5;
    market.last->changePercent = -0.1;
    EXPECT_EQ(present(btc, &market, live(), t0, english).tone, MarketPresentation::Tone::Falling);
}

TEST(Present, AStalePriceLosesItsColourAndSaysWhy)
{
    const MarketState market = tradedAt("100", t0, 1);
    MarketPresentation view
        = present(btc, &market, live(), t0 + MarketRhythm::minimumStaleMs + 1000, english);
    EXPECT_TRUE(view.stale);
    EXPECT_EQ(view.tone, MarketPresentation::Tone::Muted);
    EXPECT_EQ(view.quote, u"KRW · stale");
    EXPECT_EQ(view.priceNote, u"No trade since 1 min ago: the last price traded");
    EXPECT_EQ(view.statusText(), u"stale");
    EXPECT_EQ(present(btc, &market, live(), t0, english).statusText(), QString());

    LinkState lost = live();
    lost.state = FeedClient::State::Redialing;
    view = present(btc, &market, lost, t0 + 2000, english);
    EXPECT_TRUE(view.stale);
    EXPECT_EQ(view.priceNote, u"Not live: this is the last price received, traded 2 s ago");
}

TEST(Present, ListingNoticesNameTheMarket)
{
    MarketState market;
    market.market = btc;
    market.wantedSinceMs = t0;
    EXPECT_TRUE(present(btc, &market, live(), t0 + 9999, english).notice.isEmpty());
    EXPECT_EQ(present(btc, &market, live(), t0 + 10'000, english).notice,
        u"no data from Bithumb for BTC_KRW — is it listed?");
    market.listing = MarketState::Listing::NotListed;
    EXPECT_EQ(present(btc, &market, live(), t0 + 10'000, english).notice, u"no longer listed");
    market = tradedAt("100", t0, 1);
    market.listing = MarketState::Listing::NotListed;
    EXPECT_EQ(present(btc, &market, live(), t0, english).notice, u"no longer listed");
    // A status column says the notice before "stale".
    EXPECT_EQ(present(btc, &market, live(), t0 + MarketRhythm::minimumStaleMs + 1000, english)
                  .statusText(),
        u"no longer listed");
}

TEST(PresentLink, WhyALinkWasLostIsPhrasedByTheAppAndLoggedInStableEnglish)
{
    using Why = LinkDetail::Why;
    const LinkDetail closed {Why::ServerClosed, {}, 1001};
    EXPECT_EQ(presentLinkDetail(closed), u"closed by the server (1001)");
    EXPECT_EQ(closed.logText(), u"closed by the server (1001)"); // what recordings hold
    const LinkDetail withReason {Why::ServerClosed, u"going away"_s, 1001};
    EXPECT_EQ(presentLinkDetail(withReason), u"closed by the server: going away");
    EXPECT_EQ(withReason.logText(), u"going away");
    const LinkDetail tls {Why::Tls, u"The certificate is self-signed"_s};
    EXPECT_EQ(presentLinkDetail(tls), u"TLS: The certificate is self-signed");
    EXPECT_EQ(tls.logText(), u"TLS: The certificate is self-signed");
    EXPECT_EQ(presentLinkDetail({Why::ConnectTimeout}), u"connect timed out");
    EXPECT_EQ(presentLinkDetail({Why::Woke}), u"the computer woke up");
    EXPECT_EQ(LinkDetail {Why::Woke}.logText(), u"the machine woke up");
}

TEST(PresentLink, EachStateInWords)
{
    LinkState link;
    EXPECT_EQ(presentLink(link, t0), u"Not connected");
    link.state = FeedClient::State::Connecting;
    link.detail = {LinkDetail::Why::None, u"ws://x"_s};
    EXPECT_EQ(presentLink(link, t0), u"Connecting to ws://x…");
    link.state = FeedClient::State::Redialing;
    link.detail = {LinkDetail::Why::SocketError, u"gone"_s};
    link.redialAtMs = t0 + 2500;
    EXPECT_EQ(presentLink(link, t0), u"Link lost: gone · reconnecting in 3 s");
    link.detail = {LinkDetail::Why::NoAnswer};
    EXPECT_EQ(presentLink(link, t0), u"Link lost: no answer from the server · reconnecting in 3 s");
    link.networkOnline = false;
    EXPECT_EQ(presentLink(link, t0), u"Offline · waiting for the network");
    link.state = FeedClient::State::RateLimited;
    link.redialAtMs = t0 + 630'000;
    EXPECT_EQ(presentLink(link, t0), u"Rate-limited by Bithumb · retrying in 11 min");
    link.state = FeedClient::State::Live;
    EXPECT_EQ(presentLink(link, t0), u"● Live");
}
