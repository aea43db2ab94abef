#pragma once

#include "bithumbticker/marketstore.h"
#include "bithumbticker/subscriptions.h"
#include "marketstatustext.h"
#include "pricechart.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QButtonGroup;
class QLabel;
class QMenu;
class QSplitter;
class QTimer;
class QToolButton;

namespace ticker {

class FrameClock;
class MarketPicker;
class TickerFeed;
class ValueLabel;
class WatchlistModel;
class WatchlistView;

// The window, a view of the MarketStore: the shown market's price large, its change in the
// Korean colours, a small chart, a market picker that switches without a restart, and a status
// bar that says how live it is. What it wants live it tells Subscriptions; it never talks to
// the feed.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(
        MarketStore *store, Subscriptions *subscriptions, bool demo, QWidget *parent = nullptr);
    ~MainWindow() override;

    MarketId currentMarket() const { return m_current; }
    QString priceText() const; // what the large label shows
    QString changeText() const;
    QString statusText() const;
    QString marketStatusText() const; // the badge about the shown market's status; empty: none
    bool isPriceStale() const;        // the link is down, or the market is silent beyond its rhythm
    QString marketAgeText(const QString &market) const; // the picker's tooltip for it
    QString noticeText() const; // "no longer listed", "no data … is it listed?"; empty: none
    PriceChart *chart() const { return m_chart; }
    FrameClock *frameClock() const { return m_frameClock; } // the beat its views paint on
    void setChartSpan(qint64 spanMs); // one of PriceChart's three ranges, as if clicked
    std::size_t historySize(const MarketId &market) const;
    WatchlistView *watchlist() const { return m_watchlist; }
    WatchlistModel *watchlistModel() const { return m_watchlistModel; }
    QSplitter *splitter() const { return m_splitter; }
    MarketPicker *picker() const { return m_picker; }
    QString statusMessage() const; // the status bar's passing message, if any
    bool isSeen() const;           // shown and not minimised: worth updating

    // Recording from the window (the Record button asks for the file) goes through the feed,
    // which taps the frames: the status bar shows the file's size while it grows, or why it
    // stopped. Without a recorder the button is not shown.
    void setRecorder(TickerFeed *feed);
    bool startRecording(const QString &path);
    void stopRecording();
    QString recordingText() const; // the status bar's recording label

    // The menu bar's actions others share (the tray's menu, the compact window's): they emit,
    // the app decides. The View menu takes the desktop's own choices too.
    QAction *compactAction() const { return m_compactAction; }
    QAction *alertsAction() const { return m_alertsAction; }
    QAction *quitAction() const { return m_quitAction; }
    QMenu *viewMenu() const { return m_viewMenu; }
    // On: closing the window only hides it (the tray keeps the app); off: closing quits.
    void setHidesOnClose(bool on) { m_hidesOnClose = on; }
    bool hidesOnClose() const { return m_hidesOnClose; }

Q_SIGNALS:
    // The user changed the watchlist (add, remove, reorder) or picked another market.
    void watchlistEdited(const QList<ticker::MarketId> &markets);
    void marketShown(const ticker::MarketId &market);
    void chartSpanChosen(qint64 spanMs); // a range toggle clicked
    void hiddenOnClose();                // closed while it hides on close
    void seenChanged(bool seen);         // shown and not minimised, or no longer

public Q_SLOTS:
    bool selectMarket(const QString &name); // false if the name is not a market, or not listed
    void refreshStatus();
    void watchCurrent(); // adds the shown market to the watchlist

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void showCurrent();
    void followSeen();
    void showCurrentOnFrame(); // the labels change with the chart and the watchlist
    void showMarketStatus(const StatusBadge &badge);
    void fillPicker();
    void showWatchState();
    void showRecording(qint64 fileBytes);
    void toggleRecording(bool on);

    MarketStore *m_store;
    Subscriptions *m_subscriptions;
    MarketId m_current;

    MarketPicker *m_picker;
    QToolButton *m_watch;
    WatchlistModel *m_watchlistModel;
    WatchlistView *m_watchlist;
    QSplitter *m_splitter;
    QButtonGroup *m_ranges;
    ValueLabel *m_price;
    ValueLabel *m_quote;
    ValueLabel *m_change;
    QLabel *m_marketStatus;
    QLabel *m_notice;
    PriceChart *m_chart;
    QLabel *m_state;
    ValueLabel *m_age;
    TickerFeed *m_recorder = nullptr;
    bool m_missedChanges = false; // the store changed while nothing could be seen
    QToolButton *m_record;
    QLabel *m_recording;
    QAction *m_recordAction = nullptr;
    QAction *m_stopAction = nullptr; // both follow the Record button
    QAction *m_compactAction = nullptr;
    QAction *m_alertsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QMenu *m_viewMenu = nullptr;
    bool m_hidesOnClose = false;
    std::optional<bool> m_seen; // as last said by seenChanged
    FrameClock *m_frameClock;   // labels, chart and watchlist paint on one beat
    bool m_labelsDue = false;   // the shown market changed: its labels wait for the frame
};

} // namespace ticker
