// The catalogue as a list model: labels, roles, the caution mark, refreshes and tooltips.
#include "marketlistmodel.h"

#include "marketentries.h"
#include "qtprinters.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace ticker;
using namespace Qt::StringLiterals;

using test::catalogEntry;

namespace {

std::vector<MarketCatalog::Entry> threeMarkets()
{
    return {catalogEntry("KRW-BTC", "비트코인", "Bitcoin"),
        catalogEntry("KRW-PEPE", "페페", "Pepe", "CAUTION"),
        catalogEntry("BTC-ETH", "이더리움", "Ethereum")};
}

class MarketListModelTest : public ::testing::Test
{
protected:
    MarketListModel model;
    QAbstractItemModelTester tester {&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace

TEST_F(MarketListModelTest, OneRowPerMarketSymbolThenNames)
{
    model.setEntries(threeMarkets());
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0).data().toString(), u"BTC · 비트코인 · Bitcoin"_s);
    EXPECT_EQ(model.index(2).data().toString(), u"ETH/BTC · 이더리움 · Ethereum"_s);
    EXPECT_EQ(model.index(0).data(Qt::EditRole).toString(), u"BTC · 비트코인 · Bitcoin"_s);
    EXPECT_EQ(
        model.index(2).data(MarketListModel::MarketRole).value<MarketId>().toV1(), u"ETH_BTC"_s);
    EXPECT_EQ(model.index(1).data(MarketListModel::SymbolRole).toString(), u"PEPE_KRW"_s);
    EXPECT_EQ(model.rowOf(*MarketId::fromV1("ETH_BTC")), 2);
    EXPECT_EQ(model.rowOf(*MarketId::fromV1("ETH_KRW")), -1);
}

TEST_F(MarketListModelTest, CautionMarketsCarryAVisibleMark)
{
    model.setEntries(threeMarkets());
    const QString pepe = model.index(1).data().toString();
    EXPECT_TRUE(pepe.startsWith(u"PEPE · 페페 · Pepe"_s)) << pepe.toStdString();
    EXPECT_TRUE(pepe.endsWith(MarketListModel::cautionMark())) << pepe.toStdString();
    EXPECT_TRUE(pepe.contains(u"⚠"_s));
    EXPECT_TRUE(model.index(1).data(MarketListModel::CautionRole).toBool());
    EXPECT_TRUE(model.index(1).data(Qt::ToolTipRole).toString().contains(u"투자유의"_s));
    // The line a chosen market leaves in the picker has no mark.
    EXPECT_EQ(model.index(1).data(Qt::EditRole).toString(), u"PEPE · 페페 · Pepe"_s);
    EXPECT_FALSE(model.index(0).data().toString().contains(MarketListModel::cautionMark()));
    EXPECT_FALSE(model.index(0).data(MarketListModel::CautionRole).toBool());
}

TEST_F(MarketListModelTest, ARefreshIsAResetAndNamesFollowIt)
{
    model.setEntries(threeMarkets());
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // Bithumb has reused tickers: the same market, another name.
    model.setEntries({catalogEntry("KRW-BTC", "비트코인", "Bitcoin"),
        catalogEntry("KRW-PEPE", "새페페", "NewPepe")});
    EXPECT_EQ(aboutToReset.count(), 1);
    EXPECT_EQ(reset.count(), 1);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(1).data().toString(), u"PEPE · 새페페 · NewPepe"_s);
    EXPECT_EQ(model.rowOf(*MarketId::fromV1("ETH_BTC")), -1);
    model.setEntries({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(MarketListModelTest, TooltipsStayWithTheirMarketAcrossRefreshes)
{
    model.setEntries(threeMarkets());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto eth = *MarketId::fromV1("ETH_BTC");
    model.setToolTip(eth, u"last trade 3 s ago"_s);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).toModelIndex().row(), 2);
    EXPECT_EQ(changed.at(0).at(2).value<QList<int>>(), QList<int> {Qt::ToolTipRole});
    EXPECT_EQ(model.index(2).data(Qt::ToolTipRole).toString(), u"last trade 3 s ago"_s);
    model.setToolTip(eth, u"last trade 3 s ago"_s); // unchanged: no signal
    EXPECT_EQ(changed.count(), 1);
    // Not listed yet: kept, and shown once it is.
    const auto sol = *MarketId::fromV1("SOL_KRW");
    model.setToolTip(sol, u"last trade 1 s ago"_s);
    EXPECT_EQ(changed.count(), 1);
    auto entries = threeMarkets();
    entries.insert(entries.begin(), catalogEntry("KRW-SOL", "솔라나", "Solana"));
    model.setEntries(entries);
    EXPECT_EQ(model.index(0).data(Qt::ToolTipRole).toString(), u"last trade 1 s ago"_s);
    EXPECT_EQ(model.index(3).data(Qt::ToolTipRole).toString(), u"last trade 3 s ago"_s);
    // A caution market says so above the window's text.
    model.setToolTip(*MarketId::fromV1("PEPE_KRW"), u"last trade 9 s ago"_s);
    const QString tip = model.index(2).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(u"투자유의"_s) && tip.endsWith(u"\nlast trade 9 s ago"_s))
        << tip.toStdString();
}

TEST_F(MarketListModelTest, ATooltipSourceIsAskedOnlyWhenATooltipIsShown)
{
    model.setEntries(threeMarkets());
    model.setToolTip(*MarketId::fromV1("BTC_KRW"), u"set text"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QStringList asked;
    model.setToolTipSource([&](const MarketId &market) {
        asked.append(market.toV1());
        return u"last trade of %1"_s.arg(market.toV1());
    });
    EXPECT_TRUE(asked.isEmpty());
    EXPECT_EQ(model.index(0).data(Qt::ToolTipRole).toString(), u"last trade of BTC_KRW"_s);
    EXPECT_EQ(asked, QStringList {u"BTC_KRW"_s});
    const QString pepe = model.index(1).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(pepe.contains(u"투자유의"_s) && pepe.endsWith(u"\nlast trade of PEPE_KRW"_s))
        << pepe.toStdString();
    EXPECT_EQ(changed.count(), 0);
}

TEST_F(MarketListModelTest, TheWholeBundledCatalogue)
{
    model.setEntries(MarketCatalog::bundled());
    EXPECT_EQ(model.rowCount(), int(MarketCatalog::bundled().size()));
    EXPECT_EQ(model.index(0).data().toString(), u"BTC · 비트코인 · Bitcoin"_s);
}
