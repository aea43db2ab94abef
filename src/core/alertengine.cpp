#include "bithumbticker/alertengine.h"

#include "bithumbticker/logging.h"
#include "bithumbticker/marketstore.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

namespace ticker {

AlertEngine::AlertEngine(const MarketStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(store, &MarketStore::ticksApplied, this, &AlertEngine::applyTicks);
}

AlertEngine::~AlertEngine() = default;

qint64 AlertEngine::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void AlertEngine::add(const AlertSpec &alert)
{
    const QList<MarketId> before = markets();
    Alert added;
    added.spec = alert;
    m_alerts.push_back(std::move(added));
    if (!m_lastTradeMs.contains(alert.market))
        m_lastTradeMs.insert(alert.market, std::numeric_limits<qint64>::min());
    if (const QList<MarketId> after = markets(); after != before)
        Q_EMIT marketsChanged(after);
}

void AlertEngine::removeAt(int index)
{
    if (index < 0 || index >= count())
        return;
    const QList<MarketId> before = markets();
    m_alerts.erase(m_alerts.begin() + index);
    // Only a market let go is news; the others' order may shift.
    if (const QList<MarketId> after = markets(); after.size() != before.size())
        Q_EMIT marketsChanged(after);
}

QList<AlertSpec> AlertEngine::alerts() const
{
    QList<AlertSpec> specs;
    for (const Alert &alert : m_alerts)
        specs.append(alert.spec);
    return specs;
}

QList<MarketId> AlertEngine::markets() const
{
    QList<MarketId> markets;
    for (const Alert &alert : m_alerts) {
        if (!markets.contains(alert.spec.market))
            markets.append(alert.spec.market);
    }
    return markets;
}

std::size_t AlertEngine::windowPoints(int index) const
{
    const Alert &alert = m_alerts.at(std::size_t(index));
    return alert.lows.size() + alert.highs.size();
}

void AlertEngine::remember(Alert &alert, const Tick &tick) const
{
    if (alert.spec.kind != AlertSpec::Kind::Move)
        return;
    // Each queue keeps only the points that can still be the window's low (or high): a later
    // price at or below an earlier one outlives it, so the earlier can never be the low again.
    // Local trade times can step back when the clock offset is re-learned; the queues stay
    // in order.
    const qint64 timeMs = alert.lows.empty() ? tick.localTimeMs
                                             : std::max(tick.localTimeMs, alert.lows.back().timeMs);
    const Point point {timeMs, tick.price};
    while (!alert.lows.empty() && alert.lows.back().price >= point.price)
        alert.lows.pop_back();
    while (!alert.highs.empty() && alert.highs.back().price <= point.price)
        alert.highs.pop_back();
    alert.lows.push_back(point);
    alert.highs.push_back(point);
    const qint64 since = timeMs - alert.spec.windowMs;
    for (std::deque<Point> *queue : {&alert.lows, &alert.highs}) {
        while (queue->front().timeMs < since || queue->size() > maxWindowPoints)
            queue->pop_front();
    }
}

// Moves are compared as products, so that 100 → 105 is exactly 5 %.
bool AlertEngine::isBeyond(const Alert &alert, double price) const
{
    const AlertSpec &spec = alert.spec;
    switch (spec.kind) {
    case AlertSpec::Kind::Above:
        return price >= spec.threshold;
    case AlertSpec::Kind::Below:
        return price <= spec.threshold;
    case AlertSpec::Kind::Move: {
        const bool up = spec.direction != AlertSpec::Direction::Down
            && price * 100 >= alert.lows.front().price * (100 + spec.percent);
        const bool down = spec.direction != AlertSpec::Direction::Up
            && price * 100 <= alert.highs.front().price * (100 - spec.percent);
        return up || down;
    }
    }
    return false;
}

bool AlertEngine::isBackInside(const Alert &alert, double price) const
{
    const AlertSpec &spec = alert.spec;
    switch (spec.kind) {
    case AlertSpec::Kind::Above:
        return price <= spec.threshold - spec.threshold * m_hysteresis;
    case AlertSpec::Kind::Below:
        return price >= spec.threshold + spec.threshold * m_hysteresis;
    case AlertSpec::Kind::Move: {
        const double percent = spec.percent * (1 - m_hysteresis);
        const bool up = spec.direction == AlertSpec::Direction::Down
            || price * 100 <= alert.lows.front().price * (100 + percent);
        const bool down = spec.direction == AlertSpec::Direction::Up
            || price * 100 >= alert.highs.front().price * (100 - percent);
        return up && down;
    }
    }
    return false;
}

void AlertEngine::applyTicks(const TickBatch &ticks)
{
    if (m_alerts.empty())
        return;
    const qint64 nowMs = now();
    for (const Tick &tick : ticks) {
        const auto last = m_lastTradeMs.find(tick.market);
        if (last == m_lastTradeMs.end())
            continue; // no alert watches it
        if (tick.exchangeTimeMs < *last) {
            // The feed drops these already; an alert must not depend on that.
            ++m_outOfOrderSkipped;
            qCInfo(lcAlert).noquote()
                << "no alert on an out-of-order tick of" << tick.market.toV1();
            continue;
        }
        *last = tick.exchangeTimeMs;
        const MarketState *market = m_store->find(tick.market);
        const bool stale
            = !market || MarketStore::judgeStale(*market, tick, m_store->link(), nowMs);
        if (stale) {
            ++m_staleSkipped;
            qCDebug(lcAlert).noquote() << "no alert on a stale price of" << tick.market.toV1();
        }
        // By index: a slot of fired() may add alerts.
        for (std::size_t i = 0; i < m_alerts.size(); ++i) {
            Alert &alert = m_alerts[i];
            if (alert.spec.market != tick.market)
                continue;
            remember(alert, tick);
            if (stale)
                continue;
            if (!alert.armed && (isBackInside(alert, tick.price) || nowMs >= alert.snoozedUntilMs))
                alert.armed = true;
            if (alert.armed && isBeyond(alert, tick.price)) {
                alert.armed = false;
                alert.snoozedUntilMs = nowMs + m_snoozeMs;
                qCInfo(lcAlert).noquote()
                    << "alert" << alert.spec.text << "fired at" << tick.priceText;
                const AlertSpec spec = alert.spec;
                Q_EMIT fired(spec, tick);
            }
        }
    }
}

} // namespace ticker
