// The window's language: chosen from --lang, the settings and the system locale; the built-in
// Korean and English translations reach every view's words.
#include "common.h"
#include "marketstatustext.h"
#include "presentation.h"
#include "ticks.h"
#include "uilanguage.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

#include <memory>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

const QLocale korea(QLocale::Korean, QLocale::SouthKorea);
const QLocale us(QLocale::English, QLocale::UnitedStates);

class UiLanguageTest : public ::testing::Test
{
protected:
    void TearDown() override
    {
        owner.reset();           // uninstalls the translators
        QLocale::setDefault(us); // what the other tests' texts are written for
    }

    std::unique_ptr<QObject> owner = std::make_unique<QObject>();
};

LinkState live()
{
    LinkState link;
    link.state = FeedClient::State::Live;
    link.liveSinceMs = t0;
    return link;
}

} // namespace

TEST(UiLanguage, ReadsTheCodesOfTheCommandLineAndTheSettings)
{
    EXPECT_EQ(parseUiLanguage(u"ko"_s), UiLanguage::Korean);
    EXPECT_EQ(parseUiLanguage(u"en"_s), UiLanguage::English);
    EXPECT_EQ(parseUiLanguage(u"system"_s), UiLanguage::System);
    EXPECT_EQ(parseUiLanguage(u"KO"_s), std::nullopt);
    EXPECT_EQ(parseUiLanguage(u"fr"_s), std::nullopt);
    EXPECT_EQ(parseUiLanguage(QString()), std::nullopt);
    for (UiLanguage language : {UiLanguage::System, UiLanguage::Korean, UiLanguage::English})
        EXPECT_EQ(parseUiLanguage(uiLanguageCode(language)), language);
}

TEST(UiLanguage, FollowsTheSystemLocaleUnlessTold)
{
    EXPECT_EQ(uiLocale(UiLanguage::System, korea), korea);
    EXPECT_EQ(uiLocale(UiLanguage::System, QLocale(QLocale::German, QLocale::Germany)), us);
    // A system that speaks the chosen language keeps its own habits (en_GB's dates).
    const QLocale britain(QLocale::English, QLocale::UnitedKingdom);
    EXPECT_EQ(uiLocale(UiLanguage::System, britain), britain);
    EXPECT_EQ(uiLocale(UiLanguage::English, britain), britain);
    EXPECT_EQ(uiLocale(UiLanguage::Korean, britain), korea);
    EXPECT_EQ(uiLocale(UiLanguage::English, korea), us);
}

TEST_F(UiLanguageTest, KoreanReachesEveryViewsWords)
{
    ASSERT_TRUE(installUiLanguage(korea, owner.get()));
    EXPECT_EQ(QLocale(), korea);
    EXPECT_EQ(formatAge(3000), u"3초 전");
    EXPECT_EQ(formatShortAge(125'000), u"2분");
    EXPECT_EQ(presentLink(live(), t0), u"● 실시간");

    MarketState market;
    market.market = *MarketId::fromV1("BTC_KRW");
    market.last = test::tickAt("BTC_KRW", "131000000", t0, 0.68);
    market.last->tradedValue = 8'230'696'760.35;
    market.rhythm.record(t0);
    market.entry = test::listing("KRW-BTC", "비트코인", "Bitcoin");
    const MarketPresentation view = present(market.market, &market, live(), t0 + 3000, QLocale());
    EXPECT_EQ(view.name, u"비트코인"); // the catalogue's Korean name where Korean is shown
    EXPECT_EQ(view.age, u"마지막 체결 3초 전");
    EXPECT_EQ(view.tradedValue, u"82.3억");
    EXPECT_EQ(view.price, u"131,000,000");

    MarketStatus caution = MarketStatus::active();
    caution.warning = u"CAUTION"_s;
    EXPECT_EQ(statusBadge(caution).text, u"투자유의");
}

TEST_F(UiLanguageTest, EnglishHasItsPluralForms)
{
    ASSERT_TRUE(installUiLanguage(us, owner.get()));
    EXPECT_EQ(formatAge(1000), u"1 s ago");
    EXPECT_EQ(formatAge(7'300'000), u"2 h ago");
    const char *matches = "“%1” matches %n markets: pick one with ↓ and Enter";
    EXPECT_EQ(QCoreApplication::translate("ticker::MarketPicker", matches, nullptr, 1).arg(u"b"_s),
        u"“b” matches 1 market: pick it with ↓ and Enter");
    EXPECT_EQ(QCoreApplication::translate("ticker::MarketPicker", matches, nullptr, 3).arg(u"b"_s),
        u"“b” matches 3 markets: pick one with ↓ and Enter");
}

TEST_F(UiLanguageTest, DeletingTheOwnerTakesTheTranslationAway)
{
    ASSERT_TRUE(installUiLanguage(korea, owner.get()));
    ASSERT_EQ(formatAge(3000), u"3초 전");
    owner.reset();
    EXPECT_EQ(formatAge(3000), u"3 s ago");
}
