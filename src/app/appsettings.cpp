#include "appsettings.h"

#include "appoptions.h"
#include "bithumbticker/logging.h"

#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

const QString watchlistKey = u"watchlist/markets"_s;
const QString shownKey = u"window/shownMarket"_s;
const QString apiKey = u"feed/api"_s;
const QString tickTypeKey = u"feed/tickType"_s;
const QString spanKey = u"window/chartSpanMs"_s;
const QString geometryKey = u"window/geometry"_s;
const QString splitterKey = u"window/splitter"_s;
const QString columnsKey = u"watchlist/columns"_s;
const QString languageKey = u"window/language"_s;
const QString alertsKey = u"alerts/specs"_s;
const QString hysteresisKey = u"alerts/hysteresisPercent"_s;
const QString snoozeKey = u"alerts/snoozeMinutes"_s;
const QString closesToTrayKey = u"tray/closeToTray"_s;
const QString trayPriceKey = u"tray/priceInIcon"_s;
const QString translucentKey = u"compact/translucent"_s;

// One key per screen; a screen's name may hold '/', which QSettings reads as a group.
QString compactPositionKey(const QString &screenName)
{
    return u"compact/position/"_s + QString::fromLatin1(QUrl::toPercentEncoding(screenName));
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &fileName)
    : m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{ }

QList<MarketId> AppSettings::watchlist() const
{
    QList<MarketId> markets;
    for (const QString &code : m_settings->value(watchlistKey).toStringList()) {
        const auto market = MarketId::fromUser(code);
        if (!market)
            qCWarning(lcUi) << "settings: ignoring" << code << "in the watchlist: not a market";
        else if (!markets.contains(*market))
            markets.append(*market);
    }
    return markets;
}

std::optional<MarketId> AppSettings::shownMarket() const
{
    return MarketId::fromUser(m_settings->value(shownKey).toString());
}

std::optional<ApiVersion> AppSettings::api() const
{
    const QString api = m_settings->value(apiKey).toString();
    if (api == u"1")
        return ApiVersion::V1;
    if (api == u"2")
        return ApiVersion::V2;
    return std::nullopt;
}

QString AppSettings::tickType() const
{
    const QString tickType = m_settings->value(tickTypeKey).toString().toUpper();
    return isValidTickType(tickType) ? tickType : QString();
}

std::optional<qint64> AppSettings::chartSpanMs() const
{
    bool ok = false;
    const qint64 span = m_settings->value(spanKey).toLongLong(&ok);
    return ok && span > 0 ? std::optional(span) : std::nullopt;
}

QByteArray AppSettings::geometry() const
{
    return m_settings->value(geometryKey).toByteArray();
}

QByteArray AppSettings::splitterState() const
{
    return m_settings->value(splitterKey).toByteArray();
}

QByteArray AppSettings::watchlistColumns() const
{
    return m_settings->value(columnsKey).toByteArray();
}

UiLanguage AppSettings::language() const
{
    const QString code = m_settings->value(languageKey).toString();
    const auto language = parseUiLanguage(code);
    if (!language && !code.isEmpty())
        qCWarning(lcUi) << "settings: ignoring the language" << code << "(ko, en or system)";
    return language.value_or(UiLanguage::System);
}

void AppSettings::setLanguage(UiLanguage language)
{
    m_settings->setValue(languageKey, uiLanguageCode(language));
}

QList<AlertSpec> AppSettings::alerts() const
{
    QList<AlertSpec> alerts;
    for (const QString &text : m_settings->value(alertsKey).toStringList()) {
        auto parsed = AlertSpec::parse(text);
        if (auto *alert = std::get_if<AlertSpec>(&parsed))
            alerts.append(std::move(*alert));
        else
            qCWarning(lcUi) << "settings: ignoring the alert" << text << ": not an alert";
    }
    return alerts;
}

double AppSettings::alertHysteresisPercent() const
{
    bool ok = false;
    const double percent = m_settings->value(hysteresisKey).toDouble(&ok);
    return ok && percent >= 0 && percent <= maxHysteresisPercent ? percent
                                                                 : defaultHysteresisPercent;
}

int AppSettings::alertSnoozeMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(snoozeKey).toInt(&ok);
    return ok && minutes >= 1 && minutes <= maxSnoozeMinutes ? minutes : defaultSnoozeMinutes;
}

bool AppSettings::closesToTray(bool trayAvailable) const
{
    return trayAvailable && m_settings->value(closesToTrayKey, true).toBool();
}

bool AppSettings::trayShowsPrice() const
{
    return m_settings->value(trayPriceKey, false).toBool();
}

bool AppSettings::compactTranslucent() const
{
    return m_settings->value(translucentKey, false).toBool();
}

std::optional<QPoint> AppSettings::compactPosition(const QString &screenName) const
{
    const QVariant value = m_settings->value(compactPositionKey(screenName));
    if (!value.canConvert<QPoint>() || value.isNull())
        return std::nullopt;
    return value.toPoint();
}

void AppSettings::setAlerts(const QList<AlertSpec> &alerts)
{
    QStringList texts;
    for (const AlertSpec &alert : alerts)
        texts.append(alert.text);
    m_settings->setValue(alertsKey, texts);
}

void AppSettings::setAlertHysteresisPercent(double percent)
{
    m_settings->setValue(hysteresisKey, std::clamp(percent, 0.0, maxHysteresisPercent));
}

void AppSettings::setAlertSnoozeMinutes(int minutes)
{
    m_settings->setValue(snoozeKey, std::clamp(minutes, 1, maxSnoozeMinutes));
}

void AppSettings::setClosesToTray(bool on)
{
    m_settings->setValue(closesToTrayKey, on);
}

void AppSettings::setTrayShowsPrice(bool on)
{
    m_settings->setValue(trayPriceKey, on);
}

void AppSettings::setCompactTranslucent(bool on)
{
    m_settings->setValue(translucentKey, on);
}

void AppSettings::setCompactPosition(const QString &screenName, const QPoint &position)
{
    m_settings->setValue(compactPositionKey(screenName), position);
}

void AppSettings::setWatchlist(const QList<MarketId> &markets)
{
    QStringList codes;
    for (const MarketId &market : markets)
        codes.append(market.toV2());
    m_settings->setValue(watchlistKey, codes);
}

void AppSettings::setShownMarket(const MarketId &market)
{
    m_settings->setValue(shownKey, market.toV2());
}

void AppSettings::setChartSpanMs(qint64 spanMs)
{
    m_settings->setValue(spanKey, spanMs);
}

void AppSettings::setWindowState(
    const QByteArray &geometry, const QByteArray &splitterState, const QByteArray &columns)
{
    m_settings->setValue(geometryKey, geometry);
    m_settings->setValue(splitterKey, splitterState);
    m_settings->setValue(columnsKey, columns);
}

void AppSettings::sync()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcUi) << "settings could not be written to" << m_settings->fileName();
}

void AppSettings::applyTo(AppOptions &options) const
{
    if (!options.given.symbols) {
        const QList<MarketId> saved = watchlist();
        if (!saved.isEmpty())
            options.feed.markets = saved;
        if (const auto shown = shownMarket())
            options.shownMarket = *shown;
    }
    if (!options.given.api) {
        if (const auto saved = api())
            options.feed.api = *saved;
    }
    if (!options.given.tickType) {
        if (const QString saved = tickType(); !saved.isEmpty())
            options.feed.tickType = saved;
    }
    if (!options.given.range) {
        if (const auto saved = chartSpanMs())
            options.chartSpanMs = *saved;
    }
}

} // namespace ticker
