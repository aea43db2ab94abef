#include "bithumbticker/marketcatalog.h"

#include "bithumbticker/logging.h"
#include "bithumbticker/protocol.h"
#include "restjson.h"
#include "restrequest.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <unordered_set>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace ticker {

namespace {

constexpr qsizetype maxNameLength = 100;
constexpr qint64 maxBodyBytes = MarketCatalog::maxCacheBytes;

// A name as views show it: plain text, one line. Markup or control characters would be
// interpreted or break a line; such a row is no market list Bithumb sends.
std::optional<QString> plainName(const json &row, const char *key)
{
    const auto it = row.find(key);
    if (it == row.end() || !it->is_string())
        return std::nullopt;
    const QString name = QString::fromStdString(it->get<std::string>());
    if (name.trimmed().isEmpty() || name.size() > maxNameLength)
        return std::nullopt;
    for (const QChar c : name) {
        if (c == u'<' || c == u'>' || c.category() == QChar::Other_Control)
            return std::nullopt;
    }
    return name;
}

// The row as the exchange writes it, so the cache is read back by parse().
json exchangeRow(const MarketCatalog::Entry &entry)
{
    json row {{"market", entry.market.toV2().toStdString()},
        {"korean_name", entry.koreanName.toStdString()},
        {"english_name", entry.englishName.toStdString()}};
    if (!entry.warning.isEmpty())
        row["market_warning"] = entry.warning.toStdString();
    return row;
}

RestLimits limitsOf(const MarketCatalog::Config &config)
{
    return {config.timeoutMs, config.maxBodyBytes, config.extraCaCertificates};
}

} // namespace

MarketCatalog::Parsed MarketCatalog::parse(QByteArrayView body)
{
    Parsed parsed;
    if (body.size() > maxBodyBytes) {
        parsed.error = u"larger than %1 bytes"_s.arg(maxBodyBytes);
        return parsed;
    }
    // Bithumb's errors come with HTTP 200 (notes 3.3): the error says what it said.
    const auto document = parseRestArray(body, "markets", &parsed.error);
    if (!document)
        return parsed;
    std::unordered_set<MarketId, MarketIdHasher> seen;
    for (const json &row : *document) {
        if (!row.is_object()) {
            ++parsed.rejected;
            continue;
        }
        const auto code = row.find("market");
        const auto market = code != row.end() && code->is_string()
            ? MarketId::fromV2(code->get_ref<const std::string &>())
            : std::nullopt;
        const auto korean = plainName(row, "korean_name");
        const auto english = plainName(row, "english_name");
        if (!market || !korean || !english || !seen.insert(*market).second) {
            ++parsed.rejected;
            continue;
        }
        Entry entry {*market, *korean, *english, {}, Source::None};
        // Only with isDetails=true; a value that is neither is dropped alone, as in a ticker.
        if (const auto warning = row.find("market_warning"); warning != row.end()) {
            if (*warning == "NONE" || *warning == "CAUTION")
                entry.warning = QString::fromStdString(warning->get<std::string>());
            else
                ++parsed.droppedFields;
        }
        parsed.entries.push_back(std::move(entry));
    }
    return parsed;
}

std::vector<MarketCatalog::Entry> MarketCatalog::bundled()
{
    QFile file(u":/bithumbticker/markets.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCatalog) << "no bundled market list in this build";
        return {};
    }
    Parsed parsed = parse(file.readAll());
    for (Entry &entry : parsed.entries)
        entry.source = Source::Bundled;
    return std::move(parsed.entries);
}

QString MarketCatalog::sourceName(Source source)
{
    switch (source) {
    case Source::Exchange:
        return u"exchange"_s;
    case Source::Cache:
        return u"cache"_s;
    case Source::Bundled:
        return u"bundled"_s;
    case Source::None:
        break;
    }
    return u"none"_s;
}

MarketCatalog::MarketCatalog(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
    , m_deadline(new QTimer(this))
{
    if (m_config.restBase.isEmpty())
        m_config.restBase = Protocol::defaultRestUrl();
    // A transfer timeout only catches a stalled answer; a trickling one must end too.
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_reply)
            m_reply->abort();
    });
}

MarketCatalog::~MarketCatalog()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QString MarketCatalog::cacheFile() const
{
    if (!m_config.cacheFile.isEmpty())
        return m_config.cacheFile;
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/markets.json"_s;
}

void MarketCatalog::load()
{
    if (!loadCache())
        setEntries(bundled(), Source::Bundled);
}

bool MarketCatalog::loadCache()
{
    QFile file(cacheFile());
    if (!file.exists())
        return false;
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxCacheBytes) {
        qCWarning(lcCatalog) << "cannot read the market cache" << file.fileName();
        return false;
    }
    Parsed parsed = parse(file.readAll());
    if (!parsed.error.isEmpty() || parsed.entries.empty()) {
        qCWarning(lcCatalog).noquote() << "ignored the market cache" << file.fileName() << ":"
                                       << (parsed.error.isEmpty() ? u"empty"_s : parsed.error);
        return false;
    }
    qCInfo(lcCatalog).noquote() << "read" << parsed.entries.size()
                                << "markets from the cache written"
                                << QFileInfo(file).lastModified().toString(Qt::ISODate);
    setEntries(std::move(parsed.entries), Source::Cache);
    return true;
}

void MarketCatalog::writeCache() const
{
    const QString path = cacheFile();
    QDir().mkpath(QFileInfo(path).absolutePath());
    json rows = json::array();
    for (const Entry &entry : m_entries)
        rows.push_back(exchangeRow(entry));
    // QSaveFile: a crash or a second instance never leaves half a list behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(rows.dump())) < 0
        || !file.commit())
        qCWarning(lcCatalog).noquote()
            << "cannot write the market cache" << path << ":" << file.errorString();
}

void MarketCatalog::setEntries(std::vector<Entry> entries, Source source)
{
    for (Entry &entry : entries)
        entry.source = source;
    m_entries = std::move(entries);
    m_source = source;
}

std::optional<MarketCatalog::Entry> MarketCatalog::find(const MarketId &market) const
{
    for (const Entry &entry : m_entries) {
        if (entry.market == market)
            return entry;
    }
    return std::nullopt;
}

void MarketCatalog::refresh()
{
    if (m_reply)
        return;
    QUrl url = restUrl(m_config.restBase, u"/v1/market/all"_s);
    url.setQuery(QUrlQuery {{u"isDetails"_s, u"true"_s}});
    m_reply = getRest(m_network, url, limitsOf(m_config));
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finishRefresh(reply); });
    m_deadline->start(m_config.timeoutMs);
}

void MarketCatalog::finishRefresh(QNetworkReply *reply)
{
    reply->deleteLater();
    m_deadline->stop();
    m_reply.clear();
    QString error = restFailure(reply, limitsOf(m_config));
    if (error.isEmpty()) {
        Parsed parsed = parse(reply->readAll());
        if (parsed.rejected > 0 || parsed.droppedFields > 0)
            qCWarning(lcCatalog) << "dropped" << parsed.rejected << "malformed markets and"
                                 << parsed.droppedFields << "malformed warnings";
        error = parsed.error;
        // An empty list would make every market unknown: keep the one we have.
        if (error.isEmpty() && parsed.entries.empty())
            error = u"the exchange listed no market"_s;
        if (error.isEmpty()) {
            setEntries(std::move(parsed.entries), Source::Exchange);
            writeCache();
            qCInfo(lcCatalog) << "the exchange lists" << m_entries.size() << "markets";
        }
    }
    if (!error.isEmpty())
        qCWarning(lcCatalog).noquote()
            << "market list unavailable:" << error << "(keeping the" << sourceName(m_source)
            << "list of" << m_entries.size() << "markets)";
    Q_EMIT refreshed(error);
}

} // namespace ticker
