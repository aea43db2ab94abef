#include "appsettings.h"

#include "appoptions.h"
#include "bithumbticker/logging.h"

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
const QString languageKey = u"window/language"_s;

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

void AppSettings::setWindowState(const QByteArray &geometry, const QByteArray &splitterState)
{
    m_settings->setValue(geometryKey, geometry);
    m_settings->setValue(splitterKey, splitterState);
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
