// The market picker, offscreen, from the keyboard: keys go where a user's would (to the list
// while it is open), Hangul arrives as an input method's commit and composition.
#include "common.h"
#include "marketpicker.h"

#include "bithumbticker/fakemarkets.h"
#include "marketentries.h"
#include "marketlistmodel.h"
#include "qtprinters.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <gtest/gtest.h>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

using test::fakeCatalogEntries;

// The market a spy on marketChosen got at that emission, as BASE_QUOTE.
QString chosenAt(const QSignalSpy &chosen, int emission)
{
    return chosen.at(emission).at(0).value<MarketId>().toV1();
}

class MarketPickerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto *layout = new QVBoxLayout(&window);
        picker = new MarketPicker(&window);
        layout->addWidget(picker);
        layout->addStretch();
        picker->setEntries(fakeCatalogEntries());
        picker->setCurrentMarket(btc);
        window.resize(420, 300);
        window.show();
        window.activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        picker->setFocus(Qt::TabFocusReason);
        ASSERT_TRUE(QTest::qWaitFor([&] { return picker->lineEdit()->hasFocus(); }));
        // Focus selects the line, so typing replaces the current market's label.
        ASSERT_TRUE(QTest::qWaitFor([&] { return picker->lineEdit()->hasSelectedText(); }));
    }

    // Where a key goes: the list while it is open (as QApplication routes it), else the line.
    QWidget *keyTarget() const
    {
        QWidget *open = QApplication::activePopupWidget();
        return open ? open : picker->lineEdit();
    }

    void key(Qt::Key k) { QTest::keyClick(keyTarget(), k); }

    void typeLatin(const char *text)
    {
        for (const char *c = text; *c; ++c)
            QTest::keyClick(keyTarget(), *c);
    }

    // What a Korean input method sends: text it commits, and text still being composed.
    void inputMethod(const QString &commit, const QString &preedit = {})
    {
        QInputMethodEvent event(preedit, {});
        event.setCommitString(commit);
        QApplication::sendEvent(keyTarget(), &event);
    }

    bool isOpen() const { return picker->popup()->isVisible(); }

    // The rows the open list shows, as their display text.
    QStringList rows() const
    {
        QStringList texts;
        const auto *model = picker->popup()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            texts.append(model->index(row, 0).data().toString());
        return texts;
    }

    QString highlighted() const { return picker->popup()->currentIndex().data().toString(); }

    // TICKER_SCREENSHOT_DIR set: the window with its list open, for a person to check.
    void saveScreenshot(const char *name)
    {
        const QString dir = qEnvironmentVariable("TICKER_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QWidget *list = picker->popup();
        const QPoint at = window.mapFromGlobal(list->mapToGlobal(QPoint(0, 0)));
        QImage shot(QSize(std::max(window.width(), at.x() + list->width()),
                        std::max(window.height(), at.y() + list->height())),
            QImage::Format_ARGB32);
        shot.fill(Qt::white);
        QPainter painter(&shot);
        painter.drawPixmap(0, 0, window.grab());
        if (list->isVisible())
            painter.drawPixmap(at, list->grab());
        painter.end();
        shot.save(dir + u'/' + QString::fromLatin1(name) + u".png");
    }

    QWidget window;
    MarketPicker *picker = nullptr;
};

} // namespace

TEST_F(MarketPickerTest, ShowsTheCurrentMarketByName)
{
    EXPECT_EQ(picker->lineEdit()->text(), u"BTC · 비트코인 · Bitcoin"_s);
    EXPECT_EQ(picker->currentMarket(), btc);
    EXPECT_FALSE(isOpen());
}

TEST_F(MarketPickerTest, TypingBitcoinFindsTheBitcoins)
{
    typeLatin("bitcoin");
    EXPECT_EQ(picker->lineEdit()->text(), u"bitcoin"_s);
    ASSERT_TRUE(isOpen());
    const QStringList shown = rows();
    ASSERT_GE(shown.size(), 2);
    EXPECT_EQ(shown.value(0), u"BTC · 비트코인 · Bitcoin"_s);
    EXPECT_TRUE(shown.contains(u"BCH · 비트코인 캐시 · Bitcoin Cash"_s));
    for (const QString &row : shown)
        EXPECT_TRUE(row.contains(u"bitcoin"_s, Qt::CaseInsensitive)) << row.toStdString();
    // Nothing is highlighted until the user moves to it.
    EXPECT_FALSE(picker->popup()->currentIndex().isValid());
    saveScreenshot("picker-bitcoin");
}

TEST_F(MarketPickerTest, HangulFromAnInputMethodFilters)
{
    inputMethod(u"비트"_s);
    EXPECT_EQ(picker->lineEdit()->text(), u"비트"_s);
    ASSERT_TRUE(isOpen());
    // Names that start so first, then 아비트럼 (Arbitrum); BCH is listed in BTC too.
    EXPECT_EQ(rows(),
        (QStringList {u"BTC · 비트코인 · Bitcoin"_s, u"BCH · 비트코인 캐시 · Bitcoin Cash"_s,
            u"BCH/BTC · 비트코인 캐시 · Bitcoin Cash"_s, u"ARB · 아비트럼 · Arbitrum"_s}));
    saveScreenshot("picker-bitteu");
}

TEST_F(MarketPickerTest, InitialConsonantsFilterWhileTheLastIsStillComposed)
{
    // ㅂ committed, ㅌ still in composition: the list already shows what ㅂㅌ finds.
    inputMethod(u"ㅂ"_s, u"ㅌ"_s);
    EXPECT_EQ(picker->lineEdit()->text(), u"ㅂ"_s);
    ASSERT_TRUE(isOpen());
    const QStringList composing = rows();
    inputMethod(u"ㅌ"_s);
    EXPECT_EQ(picker->lineEdit()->text(), u"ㅂㅌ"_s);
    const QStringList committed = rows();
    EXPECT_EQ(composing, committed);
    ASSERT_GE(committed.size(), 2);
    EXPECT_EQ(committed.value(0), u"BTC · 비트코인 · Bitcoin"_s);
    EXPECT_TRUE(committed.contains(u"BCH · 비트코인 캐시 · Bitcoin Cash"_s));
    for (const QString &row : committed) {
        const QString korean = row.section(u" · "_s, 1, 1);
        EXPECT_TRUE(hangulInitials(korean).remove(u' ').contains(u"ㅂㅌ"_s)) << row.toStdString();
    }
    // ㅂ alone finds more.
    key(Qt::Key_Backspace);
    EXPECT_EQ(picker->lineEdit()->text(), u"ㅂ"_s);
    const QStringList initial = rows();
    EXPECT_GT(initial.size(), committed.size());
    // A composition abandoned without a commit leaves the filter as the text says.
    inputMethod({}, u"ㅌ"_s);
    EXPECT_EQ(rows(), committed);
    inputMethod({}, {});
    EXPECT_EQ(picker->lineEdit()->text(), u"ㅂ"_s);
    EXPECT_EQ(rows(), initial);
    saveScreenshot("picker-initials");
}

TEST_F(MarketPickerTest, ArrowsAndEnterPickTheHighlightedMarket)
{
    QSignalSpy chosen(picker, &MarketPicker::marketChosen);
    typeLatin("bitcoin");
    ASSERT_TRUE(isOpen());
    key(Qt::Key_Down);
    EXPECT_EQ(highlighted(), rows().value(0));
    key(Qt::Key_Down);
    const QString second = rows().value(1);
    EXPECT_EQ(highlighted(), second);
    key(Qt::Key_Up);
    key(Qt::Key_Down);
    // The line keeps what was typed while the highlight moves.
    EXPECT_EQ(picker->lineEdit()->text(), u"bitcoin"_s);
    saveScreenshot("picker-highlighted");
    key(Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 1);
    const auto market = chosen.at(0).at(0).value<MarketId>();
    EXPECT_TRUE(second.startsWith(market.base() + u" · "_s)) << second.toStdString();
    EXPECT_EQ(picker->currentMarket(), market);
    EXPECT_EQ(picker->lineEdit()->text(), second);
    EXPECT_FALSE(isOpen());
}

TEST_F(MarketPickerTest, DownOnTheClosedLineOpensTheWholeList)
{
    QSignalSpy chosen(picker, &MarketPicker::marketChosen);
    key(Qt::Key_Down);
    ASSERT_TRUE(isOpen());
    EXPECT_EQ(rows().size(), int(fakeCatalog().size()));
    EXPECT_EQ(highlighted(), u"BTC · 비트코인 · Bitcoin"_s);
    key(Qt::Key_Down);
    key(Qt::Key_Enter);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosenAt(chosen, 0), u"ETH_KRW"_s);
}

TEST_F(MarketPickerTest, EnterTakesAMarketTypedInEitherSpelling)
{
    QSignalSpy chosen(picker, &MarketPicker::marketChosen);
    QSignalSpy refused(picker, &MarketPicker::refused);
    typeLatin("krw-eth");
    key(Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosenAt(chosen, 0), u"ETH_KRW"_s);
    EXPECT_EQ(picker->lineEdit()->text(), u"ETH · 이더리움 · Ethereum"_s);
    EXPECT_FALSE(isOpen());
    picker->lineEdit()->selectAll();
    typeLatin("xrp_krw");
    key(Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 2);
    EXPECT_EQ(chosenAt(chosen, 1), u"XRP_KRW"_s);
    // A whole name, with nothing highlighted.
    picker->lineEdit()->selectAll();
    inputMethod(u"솔라나"_s);
    key(Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 3);
    EXPECT_EQ(chosenAt(chosen, 2), u"SOL_KRW"_s);
    EXPECT_EQ(refused.count(), 0);
}

TEST_F(MarketPickerTest, AnUnlistedMarketIsRefused)
{
    QSignalSpy chosen(picker, &MarketPicker::marketChosen);
    QSignalSpy refused(picker, &MarketPicker::refused);
    typeLatin("KRW-NOPE");
    key(Qt::Key_Return);
    EXPECT_EQ(chosen.count(), 0);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(refused.at(0).at(0).toString(), u"KRW-NOPE is not listed on Bithumb"_s);
    EXPECT_EQ(picker->currentMarket(), btc);
    // The text stays, to be corrected; Escape puts the current market back.
    EXPECT_EQ(picker->lineEdit()->text(), u"KRW-NOPE"_s);
    key(Qt::Key_Escape);
    EXPECT_EQ(picker->lineEdit()->text(), u"BTC · 비트코인 · Bitcoin"_s);
}

TEST_F(MarketPickerTest, AnUnlistedMarketIsTakenWhenTheCatalogueIsPartial)
{
    picker->setRefusesUnlisted(false);
    QSignalSpy chosen(picker, &MarketPicker::marketChosen);
    typeLatin("nope_krw");
    key(Qt::Key_Return);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosenAt(chosen, 0), u"NOPE_KRW"_s);
    EXPECT_EQ(picker->lineEdit()->text(), u"NOPE_KRW"_s);
}

TEST_F(MarketPickerTest, TextThatNamesNoMarketOrSeveralIsRefusedWithAReason)
{
    QSignalSpy chosen(picker, &MarketPicker::marketChosen);
    QSignalSpy refused(picker, &MarketPicker::refused);
    typeLatin("zzzz");
    EXPECT_FALSE(isOpen()); // nothing to list
    key(Qt::Key_Return);
    ASSERT_EQ(refused.count(), 1);
    EXPECT_TRUE(refused.at(0).at(0).toString().startsWith(u"No market is called “zzzz”"_s))
        << refused.at(0).at(0).toString().toStdString();
    picker->lineEdit()->selectAll();
    inputMethod(u"ㅂㅌ"_s);
    ASSERT_TRUE(isOpen());
    const int found = int(rows().size());
    key(Qt::Key_Return);
    ASSERT_EQ(refused.count(), 2);
    EXPECT_EQ(refused.at(1).at(0).toString(),
        u"“ㅂㅌ” matches %1 markets: pick one with ↓ and Enter"_s.arg(found));
    EXPECT_EQ(chosen.count(), 0);
}

TEST_F(MarketPickerTest, CautionMarketsAreMarkedInTheList)
{
    typeLatin("pepe");
    ASSERT_TRUE(isOpen());
    ASSERT_FALSE(rows().isEmpty());
    EXPECT_EQ(rows().value(0), u"PEPE · 페페 · Pepe   "_s + MarketListModel::cautionMark());
    EXPECT_TRUE(rows().value(0).contains(u"⚠"_s));
    // Among others (p), still marked.
    for (int i = 0; i < 3; ++i)
        key(Qt::Key_Backspace);
    EXPECT_GT(rows().size(), 1);
    EXPECT_EQ(rows().value(0).section(u" · "_s, 0, 0), u"PEPE"_s);
    saveScreenshot("picker-caution");
}

TEST_F(MarketPickerTest, ARefreshKeepsTheCurrentMarketAndSaysNothing)
{
    QSignalSpy chosen(picker, &MarketPicker::marketChosen);
    const auto eth = *MarketId::fromV1("ETH_KRW");
    picker->setCurrentMarket(eth);
    picker->setEntries(MarketCatalog::bundled());
    EXPECT_EQ(picker->currentMarket(), eth);
    EXPECT_EQ(picker->lineEdit()->text(), u"ETH · 이더리움 · Ethereum"_s);
    // A current market the catalogue does not list is shown by its symbol.
    const auto unlisted = *MarketId::fromV1("NOPE_KRW");
    picker->setCurrentMarket(unlisted);
    picker->setEntries(fakeCatalogEntries());
    EXPECT_EQ(picker->currentMarket(), unlisted);
    EXPECT_EQ(picker->lineEdit()->text(), u"NOPE_KRW"_s);
    EXPECT_EQ(chosen.count(), 0);
}

TEST_F(MarketPickerTest, ARefreshWhileTypingKeepsTheTextAndItsFilter)
{
    inputMethod(u"비트"_s);
    ASSERT_EQ(rows().size(), 4);
    picker->setEntries({MarketCatalog::bundled().front()});
    EXPECT_EQ(picker->lineEdit()->text(), u"비트"_s);
    EXPECT_EQ(rows(), QStringList {u"BTC · 비트코인 · Bitcoin"_s});
}

TEST_F(MarketPickerTest, EachMarketCanSayHowFreshItIs)
{
    const auto bch = *MarketId::fromV1("BCH_KRW");
    picker->setMarketToolTip(bch, u"last trade 4 s ago"_s);
    EXPECT_EQ(picker->marketToolTip(bch), u"last trade 4 s ago"_s);
    typeLatin("cash");
    ASSERT_TRUE(isOpen());
    const auto *model = picker->popup()->model();
    int row = 0;
    while (row < model->rowCount()
        && model->index(row, 0).data(MarketListModel::MarketRole).value<MarketId>() != bch)
        ++row;
    ASSERT_LT(row, model->rowCount());
    EXPECT_EQ(model->index(row, 0).data(Qt::ToolTipRole).toString(), u"last trade 4 s ago"_s);
}
