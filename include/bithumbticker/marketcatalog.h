#pragma once

#include "bithumbticker/marketid.h"

#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace ticker {

// The markets Bithumb lists, with their Korean and English names and caution flag, from REST
// GET /v1/market/all?isDetails=true (protocol notes 3.2). A fresh answer is cached on disk
// (QStandardPaths::CacheLocation, so XDG_CACHE_HOME) and read back at the next start; before
// any answer, or when there is none, a list bundled with the app (resources/markets.json, the
// largest KRW markets) still gives names. Markets are kept as the exchange lists them, KRW and
// BTC quoted alike.
class MarketCatalog : public QObject
{
    Q_OBJECT
public:
    enum class Source { None, Exchange, Cache, Bundled };

    struct Entry
    {
        MarketId market;
        QString koreanName;
        QString englishName;
        QString warning; // NONE or CAUTION; empty when the source did not say
        Source source = Source::None;

        bool isCaution() const { return warning == u"CAUTION"; }
    };

    // What parse() made of a body: the rows it could read, in the exchange's order, how many
    // it dropped, and why the whole body was refused (error body, not an array, not JSON).
    struct Parsed
    {
        std::vector<Entry> entries;
        int rejected = 0;      // rows dropped: wrong types, no market code, markup in a name
        int droppedFields = 0; // rows kept without a malformed market_warning
        QString error;
    };

    struct Config
    {
        QUrl restBase;                              // empty: https://api.bithumb.com
        int timeoutMs = 10'000;                     // the whole refresh, not just a stall
        qint64 maxBodyBytes = 4 << 20;              // a larger answer is cut off and refused
        QList<QSslCertificate> extraCaCertificates; // as for the WebSocket (--ca-file)
        QString cacheFile; // empty: markets.json under QStandardPaths::CacheLocation
    };

    static constexpr qint64 maxCacheBytes = 4 << 20;

    // A body of GET /v1/market/all, with or without isDetails. Pure: no I/O.
    static Parsed parse(QByteArrayView body);
    // The list compiled into the app, every entry from Source::Bundled.
    static std::vector<Entry> bundled();
    // exchange, cache, bundled (none before load()).
    static QString sourceName(Source source);

    explicit MarketCatalog(Config config, QObject *parent = nullptr);
    ~MarketCatalog() override;

    // The cache when it holds a readable list, else the bundled one. No network.
    void load();
    // One GET of the exchange's list; refreshed() says how it went. Within timeoutMs it either
    // replaces the list (and rewrites the cache) or leaves it as it was. A refresh already
    // under way goes on instead.
    void refresh();
    bool isRefreshing() const { return !m_reply.isNull(); }

    const std::vector<Entry> &entries() const { return m_entries; }
    Source source() const { return m_source; }
    std::optional<Entry> find(const MarketId &market) const;
    QString cacheFile() const;

Q_SIGNALS:
    // error is empty when the exchange's list arrived and replaced the one before.
    void refreshed(const QString &error);

private:
    void finishRefresh(QNetworkReply *reply);
    bool loadCache();
    void writeCache() const;
    void setEntries(std::vector<Entry> entries, Source source);

    Config m_config;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline;
    std::vector<Entry> m_entries;
    Source m_source = Source::None;
};

} // namespace ticker
