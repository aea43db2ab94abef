#include "bithumbticker/marketstore.h"

#include "bithumbticker/historybackfill.h"
#include "bithumbticker/logging.h"
#include "bithumbticker/overviewfetcher.h"
#include "bithumbticker/subscriptions.h"
#include "bithumbticker/tickerfeed.h"

#include <QDateTime>
#include <QTimer>

namespace ticker {

MarketStore::MarketStore(QObject *parent)
    : QObject(parent)
    , m_staleTimer(new QTimer(this))
{
    m_staleTimer->setInterval(1000);
    connect(m_staleTimer, &QTimer::timeout, this, &MarketStore::checkStaleness);
    m_staleTimer->start();
}

MarketStore::~MarketStore() = default;

qint64 MarketStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

const MarketState *MarketStore::find(const MarketId &market) const
{
    const auto it = m_markets.find(market);
    return it == m_markets.end() ? nullptr : &it->second;
}

const MarketState &MarketStore::state(const MarketId &market)
{
    return mutableState(market);
}

MarketState &MarketStore::mutableState(const MarketId &market)
{
    auto [it, added] = m_markets.try_emplace(market);
    if (added) {
        it->second.market = market;
        // Every tick of the last hour; minute summaries before it, unless shown.
        it->second.history.setFullResolutionWindow(
            market == m_shown ? PriceHistory::windowMs : PriceHistory::lastHourMs);
        judgeListing(it->second);
    }
    return it->second;
}

std::optional<MarketCatalog::Entry> MarketStore::entry(const MarketId &market) const
{
    const auto it = m_catalogIndex.constFind(market);
    return it == m_catalogIndex.constEnd() ? std::nullopt : std::optional(m_catalog[*it]);
}

bool MarketStore::isKnownUnlisted(const MarketId &market) const
{
    const bool authoritative = m_catalogSource == MarketCatalog::Source::Exchange
        || m_catalogSource == MarketCatalog::Source::Cache;
    return authoritative && !entry(market);
}

void MarketStore::judgeListing(MarketState &market) const
{
    market.entry = entry(market.market);
    if (market.entry)
        market.listing = MarketState::Listing::Listed;
    else if (isKnownUnlisted(market.market))
        market.listing = MarketState::Listing::NotListed;
    else
        market.listing = MarketState::Listing::Unknown;
}

bool MarketStore::judgeStale(const MarketState &market, const LinkState &link, qint64 nowMs)
{
    return market.rhythm.hasTicked() && (!link.isLive() || market.rhythm.isStale(nowMs));
}

bool MarketStore::judgeStale(
    const MarketState &market, const Tick &tick, const LinkState &link, qint64 nowMs)
{
    return !link.isLive() || market.rhythm.isStaleTrade(tick.localTimeMs, nowMs);
}

bool MarketStore::isStale(const MarketId &market) const
{
    const MarketState *known = find(market);
    return known && judgeStale(*known, m_link, now());
}

bool MarketStore::judgeWithoutData(const MarketState &market, const LinkState &link, qint64 nowMs)
{
    if (market.last || market.wantedSinceMs == 0 || !link.isLive()
        || market.listing != MarketState::Listing::Unknown)
        return false;
    return nowMs - std::max(market.wantedSinceMs, link.liveSinceMs) >= noDataAfterMs;
}

void MarketStore::setBackfill(HistoryBackfill *backfill)
{
    m_backfill = backfill;
    connect(backfill, &HistoryBackfill::fetched, this,
        [this](const MarketId &market, const std::vector<Candle> &candles) {
            // A failure was logged by HistoryBackfill; the chart simply goes on from live ticks.
            applyCandles(market, candles);
        });
    if (m_shown.isValid())
        backfill->fetch(m_shown);
}

void MarketStore::setOverviews(OverviewFetcher *overviews)
{
    m_overviews = overviews;
    connect(overviews, &OverviewFetcher::fetched, this,
        [this](const MarketId &market, const std::vector<Candle> &candles) {
            // A failure was logged by OverviewFetcher; the sparkline goes on from live ticks.
            if (!candles.empty())
                applyOverview(market, candles);
        });
    askOverviews();
}

void MarketStore::setVisibleMarkets(const QList<MarketId> &markets)
{
    m_visible = markets;
    askOverviews();
}

void MarketStore::askOverviews()
{
    if (!m_overviews)
        return;
    // The shown market and any with minute history have better than hours.
    QList<MarketId> wanted;
    for (const MarketId &market : std::as_const(m_visible)) {
        const MarketState *known = find(market);
        if (market != m_shown && !(known && known->minuteHistory))
            wanted.append(market);
    }
    m_overviews->setWanted(wanted);
}

void MarketStore::applyOverview(const MarketId &market, const std::vector<Candle> &candles)
{
    constexpr qint64 hourMs = OverviewFetcher::hourMs;
    const qint64 nowMs = now();
    PriceHistory &overview = mutableState(market).overview;
    overview.clear();
    for (const Candle &candle : candles) {
        if (candle.startMs + hourMs <= nowMs - PriceHistory::windowMs)
            continue;
        // The running hour's points stop at now.
        for (const PricePoint &point : candlePoints(candle, hourMs))
            overview.append(std::min(point.timeMs, nowMs), point.price);
    }
    Q_EMIT historyArrived(market);
    Q_EMIT marketsChanged({market});
}

void MarketStore::applyTicks(const TickBatch &ticks)
{
    QList<MarketId> changed;
    for (const Tick &tick : ticks) {
        // The feed drops ticks older than their market's last; a snapshot of a quiet market
        // lands at its trade's time, not at "now".
        MarketState &market = mutableState(tick.market);
        market.rhythm.record(tick.localTimeMs, !tick.isSnapshot());
        market.history.append(tick.localTimeMs, tick.price);
        market.last = tick;
        if (!changed.contains(tick.market))
            changed.append(tick.market);
    }
    if (changed.isEmpty())
        return;
    Q_EMIT marketsChanged(changed);
    Q_EMIT ticksApplied(ticks);
    // A tick can end its own market's silence at once; the others wait for the next check.
    const qint64 nowMs = now();
    QList<MarketId> revived;
    for (const MarketId &id : std::as_const(changed)) {
        MarketState &market = m_markets.find(id)->second;
        if (market.stale && !judgeStale(market, m_link, nowMs)) {
            market.stale = false;
            revived.append(id);
        }
    }
    if (!revived.isEmpty())
        Q_EMIT staleChanged(revived);
}

void MarketStore::applyCandles(const MarketId &market, const std::vector<Candle> &candles)
{
    MarketState &state = mutableState(market);
    const bool first = !candles.empty() && !std::exchange(state.minuteHistory, true);
    if (state.history.mergeCandles(candles, now()) > 0) {
        Q_EMIT historyArrived(market);
        Q_EMIT marketsChanged({market});
    }
    if (first)
        askOverviews();
}

void MarketStore::setLinkState(FeedClient::State state, const LinkDetail &detail, int redialInMs)
{
    // Back after a lost link (every dial says Connecting first): the minutes missed come from
    // the candles.
    if (state == FeedClient::State::Redialing || state == FeedClient::State::RateLimited)
        m_linkWasLost = true;
    const bool restored = state == FeedClient::State::Live && std::exchange(m_linkWasLost, false);
    if (state == FeedClient::State::Live && !m_link.isLive())
        m_link.liveSinceMs = now();
    m_link.state = state;
    m_link.detail = detail;
    m_link.redialAtMs = now() + redialInMs;
    Q_EMIT linkChanged();
    checkStaleness();
    if (restored && m_backfill && m_shown.isValid())
        m_backfill->fetch(m_shown);
    if (restored && m_overviews)
        m_overviews->refetchAll();
}

void MarketStore::setNetworkOnline(bool online)
{
    if (m_link.networkOnline == online)
        return;
    m_link.networkOnline = online;
    Q_EMIT linkChanged();
}

void MarketStore::setCatalog(
    const std::vector<MarketCatalog::Entry> &entries, MarketCatalog::Source source)
{
    m_catalog = entries;
    m_catalogSource = source;
    m_catalogIndex.clear();
    for (std::size_t i = 0; i < m_catalog.size(); ++i)
        m_catalogIndex.insert(m_catalog[i].market, i);
    for (auto &[id, market] : m_markets) {
        const auto before = market.listing;
        judgeListing(market);
        if (before == MarketState::Listing::Listed
            && market.listing == MarketState::Listing::NotListed)
            qCWarning(lcCatalog) << id.toV1() << "is no longer listed by Bithumb";
    }
    Q_EMIT catalogChanged();
}

void MarketStore::showMarket(const MarketId &market)
{
    if (market == m_shown)
        return;
    // The shown market keeps every tick of its day for the chart; the one it replaces keeps
    // the last hour's, and minute summaries before it (true extremes for any column ≥ 1 min).
    if (const auto old = m_markets.find(m_shown); old != m_markets.end())
        old->second.history.setFullResolutionWindow(PriceHistory::lastHourMs);
    m_shown = market;
    mutableState(market).history.setFullResolutionWindow(PriceHistory::windowMs);
    Q_EMIT shownMarketChanged(market);
    if (m_backfill)
        m_backfill->fetch(market);
    askOverviews();
}

void MarketStore::noteWanted(const QList<MarketId> &markets)
{
    const qint64 nowMs = now();
    for (const MarketId &id : markets) {
        MarketState &market = mutableState(id);
        if (market.wantedSinceMs == 0)
            market.wantedSinceMs = nowMs;
    }
}

void MarketStore::checkStaleness()
{
    const qint64 nowMs = now();
    QList<MarketId> changed;
    for (auto &[id, market] : m_markets) {
        const bool stale = judgeStale(market, m_link, nowMs);
        if (stale != market.stale) {
            market.stale = stale;
            changed.append(id);
        }
    }
    if (!changed.isEmpty())
        Q_EMIT staleChanged(changed);
}

void connectFeed(TickerFeed *feed, MarketStore *store, Subscriptions *subscriptions)
{
    QObject::connect(feed, &TickerFeed::ticksReceived, store, &MarketStore::applyTicks);
    QObject::connect(feed, &TickerFeed::stateChanged, store, &MarketStore::setLinkState);
    QObject::connect(subscriptions, &Subscriptions::marketsChanged, feed,
        [feed, store](const QList<MarketId> &markets) {
            store->noteWanted(markets);
            feed->setMarkets(markets);
        });
    if (!subscriptions->markets().isEmpty())
        feed->setMarkets(subscriptions->markets()); // before start: what it first subscribes
    // A window's shown market stays to the frame; the watchlist's other rows ride along.
    QObject::connect(store, &MarketStore::shownMarketChanged, feed,
        [feed](const MarketId &market) { feed->setShownMarkets({market}); });
    if (store->shownMarket().isValid())
        feed->setShownMarkets({store->shownMarket()});
    store->noteWanted(subscriptions->markets());
    store->setLinkState(feed->state(), {}, 0);
}

} // namespace ticker
