#pragma once

#include "bithumbticker/historybackfill.h"
#include "bithumbticker/marketrhythm.h"
#include "bithumbticker/tickerfeed.h"
#include "pricechart.h"

#include <QHash>

#include <QMainWindow>
#include <unordered_map>

class QButtonGroup;
class QComboBox;
class QLabel;
class QTimer;
class QToolButton;

namespace ticker {

// The window: the current price large, its change in the Korean colours, a small chart, a
// market picker that switches without a restart, and a status bar that says how live it is.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(
        TickerFeed *feed, const QStringList &suggestions, bool demo, QWidget *parent = nullptr);
    ~MainWindow() override;

    MarketId currentMarket() const { return m_current; }
    QString priceText() const; // what the large label shows
    QString changeText() const;
    QString statusText() const;
    QString marketStatusText() const; // the badge about the shown market's status; empty: none
    bool isPriceStale() const;        // the link is down, or the market is silent beyond its rhythm
    QString marketAgeText(const QString &market) const; // the picker's tooltip for it
    PriceChart *chart() const { return m_chart; }
    void setChartSpan(qint64 spanMs); // one of PriceChart's three ranges, as if clicked
    std::size_t historySize(const MarketId &market) const;

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // Recording from the window (the Record button asks for the file): the status bar shows
    // the file's size while it grows, or why it stopped.
    bool startRecording(const QString &path);
    void stopRecording();
    QString recordingText() const; // the status bar's recording label
    // Fills each market's chart from REST candles when it is shown and after a lost link.
    void setBackfill(HistoryBackfill *backfill);

public Q_SLOTS:
    void showTicks(const ticker::TickBatch &ticks);
    bool selectMarket(const QString &name); // false if the name is not a market
    void refreshStatus();
    void setNetworkOnline(bool online); // from WakeWatcher: "offline" beats "reconnecting"

private:
    void showState(FeedClient::State state, const QString &detail, int redialInMs);
    void showRecording(qint64 fileBytes);
    void toggleRecording(bool on);
    void showCurrent();
    void showMarketStatus(const MarketStatus &status);
    void backfillCurrent();
    void mergeHistory(
        const MarketId &market, const std::vector<Candle> &candles, const QString &error);
    qint64 now() const;

    TickerFeed *m_feed;
    HistoryBackfill *m_backfill = nullptr;
    QList<MarketId> m_baseMarkets; // what the feed was started with
    MarketId m_current;
    QHash<MarketId, Tick> m_last;
    // Node-based, so the chart's pointer to a market's history survives new markets.
    std::unordered_map<MarketId, PriceHistory, MarketIdHasher> m_history;
    QHash<MarketId, MarketRhythm> m_rhythm;
    FeedClient::State m_linkState = FeedClient::State::Idle;
    QString m_linkDetail;
    qint64 m_redialAtMs = 0;
    bool m_networkOnline = true;
    bool m_linkWasLost = false; // since the last time the link was live
    QColor m_changeColor;       // red or blue of the current change; invalid when flat

    QComboBox *m_picker;
    QButtonGroup *m_ranges;
    QLabel *m_price;
    QLabel *m_quote;
    QLabel *m_change;
    QLabel *m_marketStatus;
    PriceChart *m_chart;
    QLabel *m_state;
    QLabel *m_age;
    QToolButton *m_record;
    QLabel *m_recording;
    QTimer *m_statusTimer;
    std::function<qint64()> m_clock;
};

} // namespace ticker
