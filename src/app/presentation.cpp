#include "presentation.h"

#include "bithumbticker/priceformat.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

// The context lupdate files these words under (a free function's tr() would have none).
struct Presentation
{
    Q_DECLARE_TR_FUNCTIONS(ticker::Presentation)
};

QString localName(const MarketCatalog::Entry &entry, const QLocale &locale)
{
    const bool korean = locale.language() == QLocale::Korean;
    return korean || entry.englishName.isEmpty() ? entry.koreanName : entry.englishName;
}

} // namespace

QString formatAge(qint64 ageMs)
{
    const int seconds = int(std::clamp<qint64>(ageMs / 1000, 0, 1 << 30));
    if (seconds < 1)
        return Presentation::tr("just now");
    if (seconds < 60)
        return Presentation::tr("%n s ago", nullptr, seconds);
    if (seconds < 3600)
        return Presentation::tr("%n min ago", nullptr, seconds / 60);
    return Presentation::tr("%n h ago", nullptr, seconds / 3600);
}

QString formatShortAge(qint64 ageMs)
{
    const int seconds = int(std::clamp<qint64>(ageMs / 1000, 0, 1 << 30));
    if (seconds < 1)
        return Presentation::tr("now");
    if (seconds < 60)
        return Presentation::tr("%n s", nullptr, seconds);
    if (seconds < 3600)
        return Presentation::tr("%n min", nullptr, seconds / 60);
    return Presentation::tr("%n h", nullptr, seconds / 3600);
}

QString formatTradedValue(double value, const QLocale &locale)
{
    if (std::isnan(value) || value < 0)
        return {};
    struct Unit
    {
        double size;
        const char *suffix;
    };
    // Korean counts in 만 (10⁴), 억 (10⁸) and 조 (10¹²), as Bithumb's own pages do.
    static constexpr Unit korean[] = {{1e12, "조"}, {1e8, "억"}, {1e4, "만"}};
    static constexpr Unit western[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
    const bool isKorean = locale.language() == QLocale::Korean;
    const auto show = [&](const auto &units) -> QString {
        for (const Unit &unit : units) {
            if (value >= unit.size) {
                const double scaled = value / unit.size;
                const int digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
                return locale.toString(scaled, 'f', digits) + QString::fromUtf8(unit.suffix);
            }
        }
        return locale.toString(value, 'f', 0);
    };
    return isKorean ? show(korean) : show(western);
}

QString MarketPresentation::statusText() const
{
    if (!badge.text.isEmpty())
        return badge.text;
    if (!notice.isEmpty())
        return notice;
    return stale ? Presentation::tr("stale") : QString();
}

MarketPresentation present(const MarketId &id, const MarketState *market, const LinkState &link,
    qint64 nowMs, const QLocale &locale)
{
    MarketPresentation view;
    view.symbol = id.toV1();
    view.quote = id.quote();
    if (market && market->entry)
        view.name = localName(*market->entry, locale);
    if (market && market->listing == MarketState::Listing::NotListed)
        view.notice = Presentation::tr("no longer listed");
    if (!market || !market->last) {
        view.price = u"—"_s;
        view.change = Presentation::tr("waiting for %1…").arg(view.symbol);
        view.age = Presentation::tr("no tick yet");
        if (market && MarketStore::judgeWithoutData(*market, link, nowMs))
            view.notice
                = Presentation::tr("no data from Bithumb for %1 — is it listed?").arg(view.symbol);
        return view;
    }
    const Tick &tick = *market->last;
    view.price = formatPrice(tick.priceText, tick.price, locale);
    view.changePercent = formatChangePercent(tick.changePercent, locale);
    view.change = formatChange(tick, locale, view.changePercent);
    view.badge = statusBadge(tick.status);
    view.tradedValue = formatTradedValue(tick.tradedValue, locale);
    const double move = std::isnan(tick.changeAmount) ? tick.changePercent : tick.changeAmount;
    view.tone = move > 0 ? MarketPresentation::Tone::Rising
        : move < 0       ? MarketPresentation::Tone::Falling
                         : MarketPresentation::Tone::Flat;
    const qint64 ageMs = nowMs - market->rhythm.lastMs();
    view.age = Presentation::tr("last trade %1").arg(formatAge(ageMs));
    view.shortAge = formatShortAge(ageMs);
    // Never show an old price as if it were current; a stale change is not news either.
    view.stale = MarketStore::judgeStale(*market, link, nowMs);
    if (view.stale) {
        view.tone = MarketPresentation::Tone::Muted;
        view.quote += u" · "_s + Presentation::tr("stale");
        view.priceNote = link.isLive()
            ? Presentation::tr("No trade since %1: the last price traded").arg(formatAge(ageMs))
            : Presentation::tr("Not live: this is the last price received, traded %1")
                  .arg(formatAge(ageMs));
    }
    return view;
}

QString presentLinkDetail(const LinkDetail &detail)
{
    using Why = LinkDetail::Why;
    switch (detail.why) {
    case Why::None:
    case Why::SocketError: // Qt's own words, translated by Qt
        return detail.text;
    case Why::Tls:
        return Presentation::tr("TLS: %1").arg(detail.text);
    case Why::ConnectTimeout:
        return Presentation::tr("connect timed out");
    case Why::NoAnswer:
        return Presentation::tr("no answer from the server");
    case Why::ServerClosed:
        return detail.text.isEmpty()
            ? Presentation::tr("closed by the server (%1)").arg(detail.code)
            : Presentation::tr("closed by the server: %1").arg(detail.text);
    case Why::NetworkBack:
        return Presentation::tr("the network is back");
    case Why::Woke:
        return Presentation::tr("the computer woke up");
    }
    return detail.text;
}

QString presentSummary(const MarketPresentation &view)
{
    return Presentation::tr("%1 %2 %3\n%4").arg(view.symbol, view.price, view.quote, view.change);
}

AlertPresentation presentAlert(const AlertSpec &alert, const Tick &tick, const QLocale &locale)
{
    AlertPresentation shown;
    shown.title = Presentation::tr("Alert %1").arg(alert.text);
    shown.body = Presentation::tr("%1 %2").arg(
        formatPrice(tick.priceText, tick.price, locale), tick.market.quote());
    shown.line = Presentation::tr("%1: %2").arg(shown.title, shown.body);
    return shown;
}

QString presentAlertError(AlertSpec::Error error)
{
    switch (error) {
    case AlertSpec::Error::Empty:
        return Presentation::tr("empty");
    case AlertSpec::Error::NoCondition:
        return Presentation::tr("no >, < or %");
    case AlertSpec::Error::BadMarket:
        return Presentation::tr("no market before the condition; write BTC_KRW or KRW-BTC");
    case AlertSpec::Error::BadThreshold:
        return Presentation::tr("the price must be a plain positive decimal, like 135000000");
    case AlertSpec::Error::BadPercent:
        return Presentation::tr("the move must be a plain positive percent, at most 1000");
    case AlertSpec::Error::MissingWindow:
        return Presentation::tr("a move needs a window, like %5/10m");
    case AlertSpec::Error::BadWindow:
        return Presentation::tr("the window must be a whole number with s, m or h, at most 24h");
    }
    return {};
}

QString presentLink(const LinkState &link, qint64 nowMs)
{
    switch (link.state) {
    case FeedClient::State::Idle:
        return Presentation::tr("Not connected");
    case FeedClient::State::Connecting:
        return Presentation::tr("Connecting to %1…").arg(link.detail.text);
    case FeedClient::State::Live:
        return Presentation::tr("● Live");
    case FeedClient::State::Redialing:
        if (!link.networkOnline)
            return Presentation::tr("Offline · waiting for the network");
        return Presentation::tr("Link lost: %1 · reconnecting in %2 s")
            .arg(presentLinkDetail(link.detail))
            .arg(std::max<qint64>(0, (link.redialAtMs - nowMs + 999) / 1000));
    case FeedClient::State::RateLimited:
        return Presentation::tr("Rate-limited by Bithumb · retrying in %1 min")
            .arg(std::max<qint64>(1, (link.redialAtMs - nowMs + 59'999) / 60'000));
    }
    return {};
}

} // namespace ticker
