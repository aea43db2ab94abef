#pragma once

#include "bithumbticker/tickerfeed.h"
#include "pricechart.h"

#include <QHash>
#include <QMainWindow>

class QComboBox;
class QLabel;
class QTimer;

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

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

public Q_SLOTS:
    void showTicks(const ticker::TickBatch &ticks);
    bool selectMarket(const QString &name); // false if the name is not a market

private:
    void showState(FeedClient::State state, const QString &detail);
    void showCurrent();
    void refreshStatus();
    qint64 now() const;

    TickerFeed *m_feed;
    QList<MarketId> m_baseMarkets; // what the feed was started with
    MarketId m_current;
    QHash<MarketId, Tick> m_last;
    QHash<MarketId, PriceChart::Points> m_history;

    QComboBox *m_picker;
    QLabel *m_price;
    QLabel *m_quote;
    QLabel *m_change;
    PriceChart *m_chart;
    QLabel *m_state;
    QLabel *m_age;
    QTimer *m_statusTimer;
    QString m_stateText;
    std::function<qint64()> m_clock;
};

} // namespace ticker
