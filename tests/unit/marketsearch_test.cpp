// Finding markets by symbol, Korean or English name and 초성, and what Enter on a text means.
#include "bithumbticker/marketsearch.h"

#include "marketentries.h"
#include "qtprinters.h"

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;
using ticker::test::catalogEntry;

namespace {

// The markets of the bundled list a query finds, as BASE_QUOTE, in the list's order.
QStringList found(QStringView query)
{
    QStringList markets;
    for (const auto &e : MarketCatalog::bundled()) {
        if (matchesMarketQuery(e, query))
            markets.append(e.market.toV1());
    }
    return markets;
}

} // namespace

TEST(HangulInitials, EachSyllableBecomesTheConsonantItStartsWith)
{
    EXPECT_EQ(hangulInitials(u"비트코인"), u"ㅂㅌㅋㅇ"_s);
    // The doubles and the ends of the block, whose compatibility jamo are not contiguous.
    EXPECT_EQ(hangulInitials(u"까따빠싸짜"), u"ㄲㄸㅃㅆㅉ"_s);
    EXPECT_EQ(hangulInitials(u"가힣"), u"ㄱㅎ"_s);
    EXPECT_EQ(hangulInitials(u"나라마사하"), u"ㄴㄹㅁㅅㅎ"_s);
}

TEST(HangulInitials, LeavesEverythingElse)
{
    EXPECT_EQ(hangulInitials(u"BTC 비트 (리플) ㅋ"), u"BTC ㅂㅌ (ㄹㅍ) ㅋ"_s);
    EXPECT_EQ(hangulInitials(u""), QString());
}

TEST(HangulConsonant, OnlyTheKeyboardsConsonants)
{
    EXPECT_TRUE(isHangulConsonant(u'ㄱ'));
    EXPECT_TRUE(isHangulConsonant(u'ㅎ'));
    EXPECT_TRUE(isHangulConsonant(u'ㄸ'));
    EXPECT_FALSE(isHangulConsonant(u'ㅏ')); // a vowel
    EXPECT_FALSE(isHangulConsonant(u'가'));
    EXPECT_FALSE(isHangulConsonant(u'b'));
}

TEST(MarketSearch, KoreanSyllablesAnywhereInTheName)
{
    // 비트코인, 비트코인 캐시, and 아비트럼 (Arbitrum) in the middle.
    EXPECT_EQ(found(u"비트"), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s, u"ARB_KRW"_s}));
    EXPECT_EQ(
        found(u"코인"), (QStringList {u"BTC_KRW"_s, u"DOGE_KRW"_s, u"BCH_KRW"_s, u"WLD_KRW"_s}));
    EXPECT_EQ(found(u"리플"), (QStringList {u"XRP_KRW"_s})); // 엑스알피 (리플)
}

TEST(MarketSearch, InitialConsonants)
{
    // 비트코인 and 비트코인 캐시 start ㅂㅌ, 아비트럼 has it inside.
    EXPECT_EQ(found(u"ㅂㅌ"), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s, u"ARB_KRW"_s}));
    EXPECT_EQ(found(u"ㅂㅌㅋㅇ"), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s}));
    EXPECT_EQ(found(u"ㅋㅇㅋㅅ"), (QStringList {u"BCH_KRW"_s})); // anywhere: 비트코인 캐시
    EXPECT_EQ(found(u"ㅇㄷㄹㅇ"), (QStringList {u"ETH_KRW"_s, u"ETC_KRW"_s}));
    EXPECT_TRUE(found(u"ㅂㅌㅋㅇㅋㅅㅋ").isEmpty());
    EXPECT_TRUE(found(u"ㅌㅂ").isEmpty()); // order counts
}

TEST(MarketSearch, DoubleConsonantsAreTheirOwnLetters)
{
    const auto ddao = catalogEntry("KRW-DDAO", "따오기", "Ddao");
    const auto dao = catalogEntry("KRW-DAO", "다오", "Dao");
    EXPECT_TRUE(matchesMarketQuery(ddao, u"ㄸ"));
    EXPECT_TRUE(matchesMarketQuery(ddao, u"ㄸㅇㄱ"));
    EXPECT_FALSE(matchesMarketQuery(dao, u"ㄸ"));
    EXPECT_FALSE(matchesMarketQuery(ddao, u"ㄷ"));
}

TEST(MarketSearch, SyllablesAndConsonantsMixed)
{
    const auto btc = MarketCatalog::bundled().front();
    ASSERT_EQ(btc.market.toV1(), u"BTC_KRW"_s);
    EXPECT_TRUE(matchesMarketQuery(btc, u"비ㅌ"));
    EXPECT_TRUE(matchesMarketQuery(btc, u"ㅂ트"));
    EXPECT_TRUE(matchesMarketQuery(btc, u"비트ㅋ인"));
    EXPECT_FALSE(matchesMarketQuery(btc, u"비ㅋ"));
    // A typed syllable matches only itself, not the consonant it starts with.
    EXPECT_FALSE(matchesMarketQuery(catalogEntry("KRW-X", "ㅂ트", "X"), u"비트"));
}

TEST(MarketSearch, ConsonantsNeverMatchLatinLetters)
{
    EXPECT_FALSE(matchesMarketQuery(catalogEntry("KRW-BT", "비트", "Bitcoin"), u"ㅋ"));
    EXPECT_FALSE(matchesMarketQuery(catalogEntry("KRW-BT", "BT", "Bitcoin"), u"ㅂ"));
}

TEST(MarketSearch, EnglishNamesAnyCase)
{
    EXPECT_EQ(found(u"bitcoin"), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s}));
    EXPECT_EQ(found(u"BiTcOiN"), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s}));
    EXPECT_EQ(found(u"cash"), (QStringList {u"BCH_KRW"_s}));
    EXPECT_EQ(found(u"TRON"), (QStringList {u"TRX_KRW"_s}));
}

TEST(MarketSearch, SymbolsInEverySpelling)
{
    // ETH itself, and ETC through its English name, Ethereum Classic (Tether and Ethena too).
    EXPECT_EQ(
        found(u"eth"), (QStringList {u"ETH_KRW"_s, u"USDT_KRW"_s, u"ETC_KRW"_s, u"ENA_KRW"_s}));
    EXPECT_EQ(found(u"BTC"), (QStringList {u"BTC_KRW"_s}));
    EXPECT_EQ(found(u"btc_krw"), (QStringList {u"BTC_KRW"_s}));
    EXPECT_EQ(found(u"KRW-BTC"), (QStringList {u"BTC_KRW"_s}));
    EXPECT_EQ(found(u"krw-bt"), (QStringList {u"BTC_KRW"_s}));
    // A bare quote is not a symbol: KRW names no market.
    EXPECT_TRUE(found(u"krw").isEmpty());
}

TEST(MarketSearch, BlanksAreIgnored)
{
    EXPECT_EQ(found(u"  bitcoin  "), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s}));
    EXPECT_EQ(found(u"비트코인캐시"), (QStringList {u"BCH_KRW"_s})); // listed as 비트코인 캐시
    EXPECT_EQ(found(u"bitcoin cash"), (QStringList {u"BCH_KRW"_s}));
    EXPECT_EQ(found(u"Bitcoin\tCash"), (QStringList {u"BCH_KRW"_s}));
    EXPECT_EQ(found(u"ㅂ ㅌ"), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s, u"ARB_KRW"_s}));
}

TEST(MarketSearch, TheEmptyQueryMatchesEverything)
{
    EXPECT_EQ(found(u"").size(), qsizetype(MarketCatalog::bundled().size()));
    EXPECT_EQ(found(u"   ").size(), qsizetype(MarketCatalog::bundled().size()));
}

TEST(MarketSearch, NothingMatchesWhatNoMarketIsCalled)
{
    EXPECT_TRUE(found(u"nope").isEmpty());
    EXPECT_TRUE(found(u"비트코인캐시캐시").isEmpty());
    EXPECT_TRUE(found(u"ㅎㅎㅎ").isEmpty());
    EXPECT_TRUE(found(u"KRW-NOPE").isEmpty());
}

TEST(MarketSearch, ConjoiningJamoFromAnInputMethodCountAsConsonants)
{
    const auto btc = MarketCatalog::bundled().front();
    EXPECT_TRUE(matchesMarketQuery(btc, u"\u1107\u1110")); // ᄇᄐ
    // A decomposed syllable is composed first: 비 as ᄇ + ᅵ.
    EXPECT_TRUE(matchesMarketQuery(btc, u"\u1107\u1175트"));
}

TEST(MarketSearch, RanksExactSymbolThenPrefixThenAnywhere)
{
    const auto eth = catalogEntry("KRW-ETH", "이더리움", "Ethereum");
    const auto ethfi = catalogEntry("KRW-ETHFI", "이더파이", "Ether.fi");
    const auto etc = catalogEntry("KRW-ETC", "이더리움 클래식", "Ethereum Classic");
    const auto seth = catalogEntry("KRW-SETH", "세스", "Seth");
    EXPECT_EQ(marketMatch(eth, u"eth"), MarketMatch::ExactSymbol);
    EXPECT_EQ(marketMatch(ethfi, u"ETH"), MarketMatch::SymbolPrefix);
    EXPECT_EQ(marketMatch(etc, u"eth"), MarketMatch::NamePrefix);
    EXPECT_EQ(marketMatch(seth, u"eth"), MarketMatch::Contains);
    EXPECT_EQ(marketMatch(etc, u"클래식"), MarketMatch::Contains);
    EXPECT_EQ(marketMatch(etc, u"ㅇㄷ"), MarketMatch::NamePrefix);
    EXPECT_EQ(marketMatch(eth, u"KRW-ETH"), MarketMatch::ExactSymbol);
    EXPECT_EQ(marketMatch(eth, u"btc"), MarketMatch::None);
    EXPECT_LT(MarketMatch::ExactSymbol, MarketMatch::SymbolPrefix);
    EXPECT_LT(MarketMatch::SymbolPrefix, MarketMatch::NamePrefix);
    EXPECT_LT(MarketMatch::NamePrefix, MarketMatch::Contains);
    EXPECT_LT(MarketMatch::Contains, MarketMatch::None);
}

TEST(MarketSearch, BtcQuotedMarketsAreFoundByTheirPair)
{
    const auto ethBtc = catalogEntry("BTC-ETH", "이더리움", "Ethereum");
    EXPECT_TRUE(matchesMarketQuery(ethBtc, u"eth"));
    EXPECT_TRUE(matchesMarketQuery(ethBtc, u"ETH_BTC"));
    EXPECT_TRUE(matchesMarketQuery(ethBtc, u"btc-"));
    // A bare BTC is the coin, not every market quoted in it.
    EXPECT_FALSE(matchesMarketQuery(ethBtc, u"btc"));
}

TEST(MarketLabel, SymbolThenBothNames)
{
    EXPECT_EQ(
        marketLabel(catalogEntry("KRW-BTC", "비트코인", "Bitcoin")), u"BTC · 비트코인 · Bitcoin"_s);
    EXPECT_EQ(marketLabel(catalogEntry("BTC-ETH", "이더리움", "Ethereum")),
        u"ETH/BTC · 이더리움 · Ethereum"_s);
}

TEST(ChooseMarket, AMarketSpellingListedOrNot)
{
    const auto entries = MarketCatalog::bundled();
    for (const auto text : {u"BTC_KRW", u"krw-btc", u"  btc_krw "}) {
        const auto choice = chooseMarket(entries, text);
        EXPECT_EQ(choice.outcome, MarketChoice::Outcome::Chosen);
        EXPECT_EQ(choice.market.toV1(), u"BTC_KRW"_s);
    }
    const auto refused = chooseMarket(entries, u"KRW-NOPE");
    EXPECT_EQ(refused.outcome, MarketChoice::Outcome::NotListed);
    EXPECT_EQ(refused.market.toV1(), u"NOPE_KRW"_s);
}

TEST(ChooseMarket, ALabelASymbolOrAWholeName)
{
    auto entries = MarketCatalog::bundled();
    entries.push_back(catalogEntry("BTC-ETH", "이더리움", "Ethereum"));
    const auto chosen = [&](QStringView text) {
        const auto choice = chooseMarket(entries, text);
        return choice.outcome == MarketChoice::Outcome::Chosen ? choice.market.toV1() : QString();
    };
    EXPECT_EQ(chosen(u"BTC · 비트코인 · Bitcoin"), u"BTC_KRW"_s);
    EXPECT_EQ(chosen(u"ETH/BTC · 이더리움 · Ethereum"), u"ETH_BTC"_s);
    EXPECT_EQ(chosen(u"btc"), u"BTC_KRW"_s);
    // ETH is listed in KRW and in BTC: the bare symbol and the name mean the KRW market.
    EXPECT_EQ(chosen(u"eth"), u"ETH_KRW"_s);
    EXPECT_EQ(chosen(u"이더리움"), u"ETH_KRW"_s);
    EXPECT_EQ(chosen(u"bitcoin"), u"BTC_KRW"_s);
    EXPECT_EQ(chosen(u"비트코인캐시"), u"BCH_KRW"_s);
    // Not a whole name, but only one market has it.
    EXPECT_EQ(chosen(u"리플"), u"XRP_KRW"_s);
}

TEST(ChooseMarket, NothingOrSeveral)
{
    const auto entries = MarketCatalog::bundled();
    EXPECT_EQ(chooseMarket(entries, u"  ").outcome, MarketChoice::Outcome::Empty);
    EXPECT_EQ(chooseMarket(entries, u"nope").outcome, MarketChoice::Outcome::NoMatch);
    const auto several = chooseMarket(entries, u"ㅂㅌ");
    EXPECT_EQ(several.outcome, MarketChoice::Outcome::Ambiguous);
    EXPECT_EQ(several.matches, 3);
    EXPECT_FALSE(several.market.isValid());
}

TEST(MarketSearch, TheFakesCatalogueFindsTheSameMarkets)
{
    int bitcoins = 0, initials = 0;
    for (const auto &e : test::fakeCatalogEntries()) {
        bitcoins += matchesMarketQuery(e, u"bitcoin") ? 1 : 0;
        initials += matchesMarketQuery(e, u"ㅂㅌ") ? 1 : 0;
        // Every listed market is found by its own symbol and its own names.
        EXPECT_TRUE(matchesMarketQuery(e, e.market.base()));
        EXPECT_TRUE(matchesMarketQuery(e, e.koreanName));
        EXPECT_TRUE(matchesMarketQuery(e, hangulInitials(e.koreanName)));
        EXPECT_TRUE(matchesMarketQuery(e, e.englishName.toUpper()));
    }
    EXPECT_GE(bitcoins, 2);
    EXPECT_GE(initials, 2);
}
