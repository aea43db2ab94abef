#pragma once

#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"
#include "uilanguage.h"

#include <QByteArray>
#include <QList>
#include <QSettings>

#include <memory>
#include <optional>

namespace ticker {

struct AppOptions;

// What the window remembers between runs, in QSettings (under XDG_CONFIG_HOME): the watchlist
// and its order, the shown market, API, tick type, chart range, window geometry, splitter
// state and the language. Each value is its own key, written only when the user changes it, so two
// instances running at once never undo each other's other keys (QSettings merges with what is on
// disk when it syncs, under a lock). Command-line options override a value for that run only.
class AppSettings
{
public:
    AppSettings();                                 // the user's settings file
    explicit AppSettings(const QString &fileName); // for tests

    QList<MarketId> watchlist() const; // empty: none saved
    std::optional<MarketId> shownMarket() const;
    std::optional<ApiVersion> api() const;
    QString tickType() const; // empty: none saved
    std::optional<qint64> chartSpanMs() const;
    QByteArray geometry() const;
    QByteArray splitterState() const;
    UiLanguage language() const; // the Language menu's choice; System when none saved

    void setWatchlist(const QList<MarketId> &markets);
    void setShownMarket(const MarketId &market);
    void setChartSpanMs(qint64 spanMs);
    void setLanguage(UiLanguage language);
    void setWindowState(const QByteArray &geometry, const QByteArray &splitterState);
    void sync();

    // Fills in what the command line left unsaid (options->given says what it said).
    void applyTo(AppOptions &options) const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ticker
