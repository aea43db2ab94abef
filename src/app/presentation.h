#pragma once

#include "bithumbticker/alertspec.h"
#include "bithumbticker/marketstore.h"
#include "marketstatustext.h"

#include <QLocale>
#include <QString>

namespace ticker {

// What any view shows of one market. Every view (window, watchlist, later the compact window
// and the tray) takes its words from here, so no two phrase the same state apart.
struct MarketPresentation
{
    // The colour a view paints the change in; views map it to their palette.
    enum class Tone { Flat, Rising, Falling, Muted };

    QString symbol;        // BTC_KRW
    QString name;          // the catalogue's name in the locale's language; empty when unknown
    QString price;         // 131,000,000; an em dash before the first tick
    QString quote;         // KRW, or "KRW · stale"
    QString change;        // +888,000 (+0.68%), or what the market is waiting for
    QString changePercent; // +0.68%; empty when unknown
    Tone tone = Tone::Flat;
    bool stale = false;
    QString age;         // last trade 3 s ago / no tick yet
    QString shortAge;    // 3 s; empty before the first tick
    QString priceNote;   // why the price is marked stale (the price's tooltip); empty when live
    QString notice;      // no longer listed / no data from Bithumb for X — is it listed?
    QString tradedValue; // over 24 h, in the quote currency, short: 8.23B or 82.3억
    StatusBadge badge;

    // What a status column says: the badge, else the notice, else "stale", else nothing.
    QString statusText() const;
};

// market may be null (nothing known yet). Pure: the same inputs give the same words.
MarketPresentation present(const MarketId &id, const MarketState *market, const LinkState &link,
    qint64 nowMs, const QLocale &locale);

// Why a link was lost, or where it goes, in the user's words.
QString presentLinkDetail(const LinkDetail &detail);

// One line for a place with room for little (the tray's tooltip): symbol, price and quote,
// then the change.
QString presentSummary(const MarketPresentation &view);

// A fired alert: a notification's title and body, and the window's one line of both.
struct AlertPresentation
{
    QString title; // Alert BTC_KRW>135000000
    QString body;  // 135,000,000 KRW
    QString line;  // Alert BTC_KRW>135000000: 135,000,000 KRW
};
AlertPresentation presentAlert(const AlertSpec &alert, const Tick &tick, const QLocale &locale);

// Why a text is no alert, in words (the command line's message and the alert editor's).
QString presentAlertError(AlertSpec::Error error);

// The status bar's words for the link.
QString presentLink(const LinkState &link, qint64 nowMs);

// A large amount, short, in the locale's habit: 82.3억 or 1.2조 in Korean, 8.23B elsewhere;
// empty when unknown.
QString formatTradedValue(double value, const QLocale &locale);

// "just now", "12 s ago", "3 min ago", "2 h ago", translated with plural forms.
QString formatAge(qint64 ageMs);
// "12 s", "3 min", "2 h": the same, for a narrow column.
QString formatShortAge(qint64 ageMs);

} // namespace ticker
