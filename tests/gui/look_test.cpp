// The window's look and language: Korean words from the built-in translation, the Language
// menu, a dark palette's contrast, and the order Tab walks the controls in.
#include "common.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "tickcolors.h"
#include "ticks.h"
#include "uilanguage.h"
#include "watchlistmodel.h"
#include "watchlistview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

using namespace ticker;
using namespace ticker::test;
using namespace Qt::StringLiterals;

namespace {

// WCAG's contrast ratio: 4.5 is enough for body text, 3 for large text.
double luminance(const QColor &color)
{
    const auto channel
        = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Fusion's own light palette (the style is the caller's to delete, hence the pointer).
QPalette fusionPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    return fusion->standardPalette();
}

// A dark palette as a desktop's dark theme gives one (Fusion's roles, dark values).
QPalette darkPalette()
{
    QPalette dark = fusionPalette();
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    dark.setColor(QPalette::Mid, QColor(0x44, 0x46, 0x4a));
    return dark;
}

class LookTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        store.setClock([this] { return now; });
        store.setCatalog(MarketCatalog::bundled(), MarketCatalog::Source::Bundled);
        store.showMarket(btc);
        subscriptions.setWanted(Subscriptions::Need::Shown, {btc});
        subscriptions.setWanted(Subscriptions::Need::Watchlist, {btc, eth});
        store.setLinkState(FeedClient::State::Live, {}, 0);
    }

    void TearDown() override
    {
        window.reset();
        translators.reset();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QApplication::setPalette(QPalette());
    }

    void openWindow()
    {
        window = std::make_unique<MainWindow>(&store, &subscriptions, true);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        Tick up = test::tickAt("BTC_KRW", "131000000", now, 0.68);
        up.status = MarketStatus::active();
        up.status.warning = u"CAUTION"_s; // the amber badge
        up.tradedValue = 8'230'696'760.35;
        store.applyTicks({up, test::tickAt("ETH_KRW", "4300000", now, -1.2)});
        // The labels paint on the next frame.
        ASSERT_TRUE(QTest::qWaitFor([this] { return window->priceText() == u"131,000,000"; }));
    }

    // TICKER_SCREENSHOT_DIR set: the window as it looks now, for a person to check.
    void saveScreenshot(const char *name)
    {
        const QString dir = qEnvironmentVariable("TICKER_SCREENSHOT_DIR");
        QTest::qWait(50); // let the layout settle
        if (!dir.isEmpty())
            window->grab().save(dir + u'/' + QString::fromLatin1(name) + u".png");
    }

    QLabel *labelSaying(const QString &text) const
    {
        for (QLabel *label : window->findChildren<QLabel *>()) {
            if (label->text() == text && label->isVisible())
                return label;
        }
        return nullptr;
    }

    qint64 now = t0;
    MarketStore store;
    Subscriptions subscriptions;
    std::unique_ptr<QObject> translators = std::make_unique<QObject>();
    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(LookTest, InKoreanEveryPartOfTheWindowSpeaksKorean)
{
    ASSERT_TRUE(
        installUiLanguage(QLocale(QLocale::Korean, QLocale::SouthKorea), translators.get()));
    openWindow();
    EXPECT_EQ(window->windowTitle(), u"빗썸 시세 — 데모");
    EXPECT_EQ(window->statusText(), u"● 실시간 마지막 체결 방금 전");
    EXPECT_EQ(window->marketStatusText(), u"투자유의");
    EXPECT_EQ(window->priceText(), u"131,000,000");
    const WatchlistModel *model = window->watchlistModel();
    EXPECT_EQ(model->headerData(WatchlistModel::PriceColumn, Qt::Horizontal).toString(), u"현재가");
    EXPECT_EQ(
        model->headerData(WatchlistModel::ChangeColumn, Qt::Horizontal).toString(), u"전일대비");
    EXPECT_EQ(
        model->headerData(WatchlistModel::ValueColumn, Qt::Horizontal).toString(), u"거래대금");
    // The catalogue's Korean names, and amounts in Korean units.
    EXPECT_TRUE(
        model->index(0, WatchlistModel::MarketColumn).data().toString().contains(u"비트코인"))
        << model->index(0, WatchlistModel::MarketColumn).data().toString().toStdString();
    EXPECT_EQ(model->index(0, WatchlistModel::ValueColumn).data().toString(), u"82.3억");
    auto *menu = window->findChild<LanguageMenu *>();
    ASSERT_TRUE(menu);
    EXPECT_EQ(menu->title(), u"언어(&L)");
    EXPECT_EQ(menu->actions().constFirst()->text(), u"시스템 설정");
    EXPECT_EQ(menu->actions().constLast()->text(), u"다시 시작하면 적용됩니다");
    if (const QString dir = qEnvironmentVariable("TICKER_SCREENSHOT_DIR"); !dir.isEmpty())
        menu->grab().save(dir + u"/language-menu-ko.png"_s);
    now += 5000;
    window->refreshStatus();
    EXPECT_EQ(window->statusText(), u"● 실시간 마지막 체결 5초 전");
    saveScreenshot("window-ko");
}

TEST_F(LookTest, TheLanguageMenuOffersSystemKoreanAndEnglishAndSaysWhenItApplies)
{
    openWindow();
    auto *menu = window->findChild<LanguageMenu *>();
    ASSERT_TRUE(menu);
    EXPECT_TRUE(window->menuBar()->actions().contains(menu->menuAction()));
    QStringList labels;
    for (const QAction *action : menu->actions())
        labels.append(action->text());
    EXPECT_EQ(labels,
        (QStringList {
            u"System"_s, u"한국어"_s, u"English"_s, QString(), u"Applies after a restart"_s}));
    EXPECT_EQ(menu->choice(), UiLanguage::System);
    menu->setChoice(UiLanguage::English);
    EXPECT_EQ(menu->choice(), UiLanguage::English);
    QSignalSpy chosen(menu, &LanguageMenu::chosen);
    menu->actions().at(1)->trigger();
    ASSERT_EQ(chosen.size(), 1);
    EXPECT_EQ(chosen.at(0).at(0).value<UiLanguage>(), UiLanguage::Korean);
    EXPECT_EQ(menu->choice(), UiLanguage::Korean);
}

TEST_F(LookTest, TabWalksThePickerTheStarTheRangesThenTheWatchlist)
{
    subscriptions.setWanted(Subscriptions::Need::Watchlist, {eth}); // ☆ enabled: BTC not watched
    openWindow();
    QApplication::setActiveWindow(window.get());
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    window->picker()->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return window->picker()->isAncestorOf(QApplication::focusWidget()); }));
    const auto focusName = [&] {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return u"nothing"_s;
        if (focus == window->watchlist())
            return u"watchlist"_s;
        if (auto *button = qobject_cast<QToolButton *>(focus))
            return button->text();
        if (window->picker()->isAncestorOf(focus))
            return u"picker"_s;
        return QString::fromLatin1(focus->metaObject()->className());
    };
    QStringList walked;
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        walked.append(focusName());
    }
    // The ranges are one exclusive group: Tab stops at the chosen one, the arrows move within.
    // No recorder set, so ● Record is hidden and skipped; after the watchlist, round again.
    EXPECT_EQ(walked, (QStringList {u"☆"_s, u"5m"_s, u"watchlist"_s, u"picker"_s}));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    EXPECT_EQ(focusName(), u"watchlist");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    EXPECT_EQ(focusName(), u"5m");
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    EXPECT_EQ(focusName(), u"1h");
}

TEST_F(LookTest, ADarkPaletteKeepsEveryTextReadable)
{
    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    openWindow();
    const QPalette &palette = window->palette();
    ASSERT_EQ(palette.color(QPalette::Window), dark.color(QPalette::Window));
    // The price and the change as the window paints them, on the window's background.
    const QColor window_ = palette.color(QPalette::Window);
    EXPECT_GE(contrast(palette.color(QPalette::WindowText), window_), 4.5);
    EXPECT_GE(contrast(risingColor(palette), window_), 4.5);
    EXPECT_GE(contrast(fallingColor(palette), window_), 4.5);
    EXPECT_GE(contrast(palette.color(QPalette::PlaceholderText), window_), 4.5);
    // The watchlist's coloured cells, on its base.
    const QColor base = palette.color(QPalette::Base);
    EXPECT_GE(contrast(risingColor(palette), base), 4.5);
    EXPECT_GE(contrast(fallingColor(palette), base), 4.5);
    EXPECT_GE(contrast(cautionColor(palette), base), 4.5);
    const WatchlistModel *model = window->watchlistModel();
    EXPECT_EQ(
        model->index(0, WatchlistModel::StatusColumn).data(Qt::ForegroundRole).value<QColor>(),
        cautionColor(dark));
    // Badges are surfaces of their own: drawn in their colours, not the palette's.
    for (const BadgeColors &badge : {dangerBadge(), cautionBadge()})
        EXPECT_GE(contrast(badge.text, badge.background), 4.5);
    QLabel *status = labelSaying(window->marketStatusText());
    ASSERT_TRUE(status);
    const QImage badge = status->grab().toImage();
    EXPECT_EQ(badge.pixelColor(badge.width() / 2, 2), cautionBadge().background);
    auto *demo = window->findChild<QLabel *>(u"demoBadge"_s);
    ASSERT_TRUE(demo);
    const QImage demoImage = demo->grab().toImage();
    EXPECT_EQ(demoImage.pixelColor(demoImage.width() / 2, 2), cautionBadge().background);
    // A few minutes of trades, so the screenshot shows the chart's line and labels too.
    for (int i = 1; i <= 40; ++i) {
        now += 6000;
        const int step = int(std::lround(std::sin(i / 6.0) * 60 + i * 2)); // a gentle swell
        Tick tick = test::tickAt(
            "BTC_KRW", QByteArray::number(131'000'000 + step * 2'000).constData(), now, 0.68);
        tick.status = MarketStatus::active();
        tick.status.warning = u"CAUTION"_s;
        store.applyTicks({tick});
    }
    saveScreenshot("window-dark");
}

TEST_F(LookTest, ALightPaletteKeepsEveryTextReadableToo)
{
    QApplication::setPalette(fusionPalette());
    openWindow();
    const QPalette &palette = window->palette();
    const QColor base = palette.color(QPalette::Base);
    for (const QColor &color : {risingColor(palette), fallingColor(palette), cautionColor(palette)})
        EXPECT_GE(contrast(color, base), 4.5) << color.name().toStdString();
    EXPECT_GE(contrast(risingColor(palette), palette.color(QPalette::Window)), 4.5);
    EXPECT_GE(contrast(fallingColor(palette), palette.color(QPalette::Window)), 4.5);
}
