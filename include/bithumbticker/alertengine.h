#pragma once

#include "bithumbticker/alertspec.h"
#include "bithumbticker/tick.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <deque>
#include <functional>
#include <vector>

namespace ticker {

class MarketStore;

// Watches the prices MarketStore accepts and says when an alert fires. GUI thread, no display:
// every rule below is a function of the ticks and an injected clock.
//
// - Above fires at or above its price, Below at or below; Move when the price now is at least
//   percent above the lowest price of the window (its trades within windowMs before this one)
//   or percent below its highest, either way unless the spec says + or -.
// - An armed alert fires once, on the first fresh price beyond (the first price seen counts),
//   and is then disarmed. It re-arms when a fresh price goes back past the hysteresis band
//   (Above: at or below threshold less hysteresis × threshold; Below: at or above threshold
//   plus it; Move: a move of at most percent × (1 − hysteresis)), or when its snooze (counted
//   from the fire, on the clock) has ended. Re-arming does not fire by itself: the next fresh
//   price beyond does, which may be the very tick that ends the snooze.
// - Never on a stale price (MarketStore::judgeStale for the tick: the link is not live, or the
//   trade is older than its market's rhythm allows, e.g. a quiet market's snapshot) nor on an
//   out-of-order one (traded before the last tick seen of its market). A stale price neither
//   fires nor re-arms, but is a true past price, so it stays in a Move's window; an out-of-order
//   one is ignored whole.
class AlertEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr double defaultHysteresis = 0.005; // of the threshold
    static constexpr qint64 defaultSnoozeMs = 10 * 60'000;
    // A Move keeps the window's running low and high (monotonic queues): usually a few points,
    // at most this many each, oldest forgotten first (so a move may be missed, never invented).
    static constexpr std::size_t maxWindowPoints = 4096;

    // Fed by the store's ticksApplied.
    explicit AlertEngine(const MarketStore *store, QObject *parent = nullptr);
    ~AlertEngine() override;

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const;
    void setHysteresis(double fraction) { m_hysteresis = fraction; }
    void setSnoozeMs(qint64 ms) { m_snoozeMs = ms; }
    double hysteresis() const { return m_hysteresis; }
    qint64 snoozeMs() const { return m_snoozeMs; }

    void add(const AlertSpec &alert);
    // Forgets the alert at index (in the order added); its market stays ordered: a tick older
    // than the last one seen is still out of order for an alert added again later.
    void removeAt(int index);
    QList<AlertSpec> alerts() const; // in the order added
    int count() const { return int(m_alerts.size()); }
    bool isArmed(int index) const { return m_alerts.at(std::size_t(index)).armed; }
    std::size_t windowPoints(int index) const; // a Move's low and high queues, together
    // The markets alerts watch, in the order first added: what they need subscribed.
    QList<MarketId> markets() const;

    quint64 staleSkipped() const { return m_staleSkipped; }
    quint64 outOfOrderSkipped() const { return m_outOfOrderSkipped; }

public Q_SLOTS:
    void applyTicks(const ticker::TickBatch &ticks);

Q_SIGNALS:
    void fired(const ticker::AlertSpec &alert, const ticker::Tick &tick);
    void marketsChanged(const QList<ticker::MarketId> &markets);

private:
    struct Point
    {
        qint64 timeMs;
        double price;
    };
    struct Alert
    {
        AlertSpec spec;
        bool armed = true;
        qint64 snoozedUntilMs = 0;
        std::deque<Point> lows;  // Move: increasing prices, the window's low first
        std::deque<Point> highs; // Move: decreasing prices, the window's high first
    };

    void remember(Alert &alert, const Tick &tick) const;
    bool isBeyond(const Alert &alert, double price) const;
    bool isBackInside(const Alert &alert, double price) const;

    const MarketStore *m_store;
    std::function<qint64()> m_clock;
    double m_hysteresis = defaultHysteresis;
    qint64 m_snoozeMs = defaultSnoozeMs;
    std::vector<Alert> m_alerts;
    QHash<MarketId, qint64> m_lastTradeMs; // per watched market, by the exchange's clock
    quint64 m_staleSkipped = 0;
    quint64 m_outOfOrderSkipped = 0;
};

} // namespace ticker

Q_DECLARE_METATYPE(ticker::AlertSpec)
