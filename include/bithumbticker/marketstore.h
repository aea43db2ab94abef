#pragma once

#include "bithumbticker/linkstate.h"
#include "bithumbticker/marketcatalog.h"
#include "bithumbticker/marketrhythm.h"
#include "bithumbticker/pricehistory.h"
#include "bithumbticker/tick.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>
#include <unordered_map>

class QTimer;

namespace ticker {

class HistoryBackfill;
class OverviewFetcher;
class Subscriptions;
class TickerFeed;

// Everything the app knows of one market.
struct MarketState
{
    // Whether the exchange lists it: Unknown until a catalogue that can say so (the exchange's
    // own, fresh or cached) has been read; the bundled list gives names, not a verdict.
    enum class Listing { Unknown, Listed, NotListed };

    // Four points an hourly candle of the last 24 h (and the one running).
    static constexpr std::size_t overviewCapacity = 4 * 26;

    MarketId market;
    std::optional<Tick> last;
    PriceHistory history; // every tick when shown, else the last hour's and minute summaries
    // The sparkline's coarse past for a market without minute history, apart from `history`
    // so that the minute backfill's merge rule (no stored point in the minute) still holds
    // when the market is shown later.
    PriceHistory overview {overviewCapacity};
    bool minuteHistory = false; // the minute backfill has filled `history`
    MarketRhythm rhythm;
    std::optional<MarketCatalog::Entry> entry; // names and caution flag, from any catalogue
    Listing listing = Listing::Unknown;
    qint64 wantedSinceMs = 0; // when it was first asked for (subscribed), by the store's clock
    bool stale = false;       // the store's judgement at its last check
};

// The one home of per-market state on the GUI thread: it applies each batch of ticks once, is
// the one judge of "stale", holds the link's state and the catalogue's verdicts, and tells
// views which markets changed. Views read it; they never talk to the feed.
class MarketStore : public QObject
{
    Q_OBJECT
public:
    // A subscribed market with no data for this long, while the link is live and the
    // exchange's catalogue is not at hand to say whether it is listed, is worth a question.
    static constexpr qint64 noDataAfterMs = 10'000;

    explicit MarketStore(QObject *parent = nullptr);
    ~MarketStore() override;

    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const;

    const MarketState *find(const MarketId &market) const;
    const MarketState &state(const MarketId &market); // created empty when new
    const LinkState &link() const { return m_link; }
    MarketId shownMarket() const { return m_shown; }
    MarketCatalog::Source catalogSource() const { return m_catalogSource; }
    const std::vector<MarketCatalog::Entry> &catalog() const { return m_catalog; }
    // The catalogue's entry for a market, whichever catalogue is loaded.
    std::optional<MarketCatalog::Entry> entry(const MarketId &market) const;
    // Whether the catalogue can say the exchange lists no such market (a fresh or cached list).
    bool isKnownUnlisted(const MarketId &market) const;

    // The judge: a price is stale when its link is not live, or when its market has been
    // silent far beyond its rhythm. Pure, so every view and test asks the same question.
    static bool judgeStale(const MarketState &market, const LinkState &link, qint64 nowMs);
    bool isStale(const MarketId &market) const;
    // The same judge for one tick as it arrives: stale when its link is not live, or when its
    // trade (a quiet market's snapshot, a late frame) is older than its market's rhythm allows.
    static bool judgeStale(
        const MarketState &market, const Tick &tick, const LinkState &link, qint64 nowMs);
    // Subscribed, silent for noDataAfterMs of a live link, and no catalogue at hand that could
    // say whether the exchange lists it. Pure, like judgeStale.
    static bool judgeWithoutData(const MarketState &market, const LinkState &link, qint64 nowMs);

    // Fetches REST history for the shown market, and again when a lost link comes back.
    void setBackfill(HistoryBackfill *backfill);
    // Fetches hourly overviews for the visible markets that have no minute history and are
    // not shown, and again when a lost link comes back.
    void setOverviews(OverviewFetcher *overviews);

public Q_SLOTS:
    void applyTicks(const ticker::TickBatch &ticks);
    void applyCandles(const ticker::MarketId &market, const std::vector<ticker::Candle> &candles);
    // Hourly candles, oldest first: they replace the market's overview.
    void applyOverview(const ticker::MarketId &market, const std::vector<ticker::Candle> &candles);
    // The markets a view shows now (e.g. the watchlist's visible rows).
    void setVisibleMarkets(const QList<ticker::MarketId> &markets);
    void setLinkState(
        ticker::FeedClient::State state, const ticker::LinkDetail &detail, int redialInMs);
    void setNetworkOnline(bool online);
    void setCatalog(
        const std::vector<ticker::MarketCatalog::Entry> &entries, MarketCatalog::Source source);
    void showMarket(const ticker::MarketId &market);
    // Markets now subscribed: their wait for data starts.
    void noteWanted(const QList<ticker::MarketId> &markets);
    // Judges every market again (a 1 s timer calls it); says which ones changed their verdict.
    void checkStaleness();

Q_SIGNALS:
    void marketsChanged(const QList<ticker::MarketId> &markets); // new ticks or history
    // A market's past arrived from REST (minute backfill or hourly overview): unlike a tick,
    // it can change its whole sparkline. Sent before the marketsChanged that follows it.
    void historyArrived(const ticker::MarketId &market);
    // Every tick of a batch, in order, once the store has applied them (the alert engine's).
    void ticksApplied(const ticker::TickBatch &ticks);
    void staleChanged(const QList<ticker::MarketId> &markets);
    void linkChanged();
    void catalogChanged();
    void shownMarketChanged(const ticker::MarketId &market);

private:
    MarketState &mutableState(const MarketId &market);
    void judgeListing(MarketState &market) const;
    void askOverviews();

    // Node-based, so a view's pointer to a market's history survives new markets.
    std::unordered_map<MarketId, MarketState, MarketIdHasher> m_markets;
    LinkState m_link;
    bool m_linkWasLost = false; // since the link was last live
    MarketId m_shown;
    std::vector<MarketCatalog::Entry> m_catalog;
    QHash<MarketId, std::size_t> m_catalogIndex; // where each market is in m_catalog
    MarketCatalog::Source m_catalogSource = MarketCatalog::Source::None;
    HistoryBackfill *m_backfill = nullptr;
    OverviewFetcher *m_overviews = nullptr;
    QList<MarketId> m_visible;
    QTimer *m_staleTimer;
    std::function<qint64()> m_clock;
};

// The data flow of a running app: the feed's ticks and link state into the store, the
// subscriptions' markets into the feed (and the store, which starts their wait for data), and
// the store's shown market into the feed, which hands its ticks over first.
void connectFeed(TickerFeed *feed, MarketStore *store, Subscriptions *subscriptions);

} // namespace ticker
