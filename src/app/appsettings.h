#pragma once

#include "bithumbticker/alertspec.h"
#include "bithumbticker/marketid.h"
#include "bithumbticker/protocol.h"
#include "uilanguage.h"

#include <QByteArray>
#include <QList>
#include <QPoint>
#include <QSettings>

#include <memory>
#include <optional>

namespace ticker {

struct AppOptions;

// What the window remembers between runs, in QSettings (under XDG_CONFIG_HOME): the watchlist
// and its order, the shown market, API, tick type, chart range, window geometry, splitter
// state, the watchlist's columns and the language; the saved alerts and their band and snooze; the
// tray and the compact window's choices. Each value is its own key, written only when the user
// changes it, so two instances running at once never undo each other's other keys (QSettings merges
// with what is on disk when it syncs, under a lock). Command-line options override a value for that
// run only.
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
    QByteArray watchlistColumns() const; // the table's column widths, order and sort
    UiLanguage language() const;         // the Language menu's choice; System when none saved
    // Alerts as written (AlertSpec::text); a saved text that no longer parses is skipped.
    QList<AlertSpec> alerts() const;
    double alertHysteresisPercent() const;       // 0.5 unless set; 0 to 50
    int alertSnoozeMinutes() const;              // 10 unless set; 1 to 1440
    bool closesToTray(bool trayAvailable) const; // unless set: where a tray exists
    bool trayShowsPrice() const;                 // the price drawn into the tray icon
    bool compactTranslucent() const;
    std::optional<QPoint> compactPosition(const QString &screenName) const;

    void setWatchlist(const QList<MarketId> &markets);
    void setShownMarket(const MarketId &market);
    void setChartSpanMs(qint64 spanMs);
    void setLanguage(UiLanguage language);
    void setWindowState(
        const QByteArray &geometry, const QByteArray &splitterState, const QByteArray &columns);
    void setAlerts(const QList<AlertSpec> &alerts);
    void setAlertHysteresisPercent(double percent);
    void setAlertSnoozeMinutes(int minutes);
    void setClosesToTray(bool on);
    void setTrayShowsPrice(bool on);
    void setCompactTranslucent(bool on);
    void setCompactPosition(const QString &screenName, const QPoint &position);
    void sync();

    // Fills in what the command line left unsaid (options->given says what it said).
    void applyTo(AppOptions &options) const;

    static constexpr double defaultHysteresisPercent = 0.5;
    static constexpr double maxHysteresisPercent = 50;
    static constexpr int defaultSnoozeMinutes = 10;
    static constexpr int maxSnoozeMinutes = 24 * 60;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ticker
