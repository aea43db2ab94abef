// The picker's filter: which markets a query finds and in what order, through refreshes.
#include "marketfiltermodel.h"

#include "marketentries.h"
#include "marketlistmodel.h"
#include "qtprinters.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

using test::catalogEntry;
using test::fakeCatalogEntries;

namespace {

class MarketFilterModelTest : public ::testing::Test
{
protected:
    // The symbols the filter shows, in its order.
    QStringList shown() const
    {
        QStringList symbols;
        for (int row = 0; row < filter.rowCount(); ++row)
            symbols.append(filter.index(row, 0).data(MarketListModel::SymbolRole).toString());
        return symbols;
    }

    MarketListModel markets;
    MarketFilterModel filter {&markets};
    QAbstractItemModelTester tester {
        &filter, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

TEST_F(MarketFilterModelTest, NoQueryShowsTheCatalogueInItsOrder)
{
    markets.setEntries(MarketCatalog::bundled());
    EXPECT_EQ(filter.rowCount(), markets.rowCount());
    EXPECT_EQ(shown().value(0), u"BTC_KRW"_s);
    EXPECT_EQ(shown().value(1), u"ETH_KRW"_s);
}

TEST_F(MarketFilterModelTest, FindsKoreanInitialsAndEnglish)
{
    markets.setEntries(MarketCatalog::bundled());
    // 아비트럼 (Arbitrum) has 비트 inside: after the names that start with it.
    filter.setQuery(u"비트");
    EXPECT_EQ(shown(), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s, u"ARB_KRW"_s}));
    filter.setQuery(u"ㅂㅌ");
    EXPECT_EQ(shown(), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s, u"ARB_KRW"_s}));
    filter.setQuery(u"bitcoin");
    EXPECT_EQ(shown(), (QStringList {u"BTC_KRW"_s, u"BCH_KRW"_s}));
    filter.setQuery(u"nope");
    EXPECT_TRUE(shown().isEmpty());
    filter.setQuery(u"");
    EXPECT_EQ(filter.rowCount(), markets.rowCount());
}

TEST_F(MarketFilterModelTest, BestMatchFirst)
{
    markets.setEntries({catalogEntry("KRW-SETH", "세스", "Seth"),
        catalogEntry("KRW-ETC", "이더리움 클래식", "Ethereum Classic"),
        catalogEntry("KRW-ETHFI", "이더파이", "Ether.fi"),
        catalogEntry("KRW-ETH", "이더리움", "Ethereum"),
        catalogEntry("KRW-BTC", "비트코인", "Bitcoin")});
    filter.setQuery(u"eth");
    // Exact symbol, symbol prefix, name prefix, anywhere.
    EXPECT_EQ(shown(), (QStringList {u"ETH_KRW"_s, u"ETHFI_KRW"_s, u"ETC_KRW"_s, u"SETH_KRW"_s}));
    filter.setQuery(u"");
    EXPECT_EQ(shown(),
        (QStringList {u"SETH_KRW"_s, u"ETC_KRW"_s, u"ETHFI_KRW"_s, u"ETH_KRW"_s, u"BTC_KRW"_s}));
}

TEST_F(MarketFilterModelTest, ARefreshIsFilteredByTheSameQuery)
{
    markets.setEntries(MarketCatalog::bundled());
    filter.setQuery(u"ㅂㅌ");
    ASSERT_EQ(filter.rowCount(), 3);
    markets.setEntries(fakeCatalogEntries());
    const QStringList found = shown();
    EXPECT_GT(found.size(), 2);
    EXPECT_EQ(found.value(0), u"BTC_KRW"_s);
    for (int row = 0; row < filter.rowCount(); ++row) {
        const auto market
            = filter.index(row, 0).data(MarketListModel::MarketRole).value<MarketId>();
        const int source = markets.rowOf(market);
        ASSERT_GE(source, 0);
        EXPECT_TRUE(filter.query().matches(markets.searchKey(source)));
    }
    markets.setEntries({});
    EXPECT_EQ(filter.rowCount(), 0);
}

TEST_F(MarketFilterModelTest, TheFakesWholeCatalogue)
{
    markets.setEntries(fakeCatalogEntries());
    ASSERT_EQ(markets.rowCount(), 493);
    EXPECT_EQ(filter.rowCount(), 493);
    filter.setQuery(u"krw-btc");
    EXPECT_EQ(shown(), (QStringList {u"BTC_KRW"_s}));
    filter.setQuery(u"_btc");
    EXPECT_EQ(filter.rowCount(), 13); // the BTC-quoted markets
    // A tooltip changing under a filter keeps the row where it is.
    filter.setQuery(u"bitcoin");
    const QStringList before = shown();
    markets.setToolTip(*MarketId::fromV1("BCH_KRW"), u"last trade 2 s ago"_s);
    EXPECT_EQ(shown(), before);
}
