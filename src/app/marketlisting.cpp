#include "marketlisting.h"

#include <QEventLoop>

#include <nlohmann/json.hpp>

namespace ticker {

QByteArray marketListingLine(const MarketCatalog::Entry &entry)
{
    // In the contract's order, for people reading along; scripts read keys.
    const nlohmann::ordered_json line {{"market", entry.market.toV2().toStdString()},
        {"symbol", entry.market.toV1().toStdString()},
        {"koreanName", entry.koreanName.toStdString()},
        {"englishName", entry.englishName.toStdString()},
        {"warning",
            entry.warning.isEmpty() ? nlohmann::ordered_json()
                                    : nlohmann::ordered_json(entry.warning.toStdString())},
        {"source", MarketCatalog::sourceName(entry.source).toStdString()}};
    return QByteArray::fromStdString(line.dump()) + '\n';
}

void refreshAndWait(MarketCatalog &catalog)
{
    QEventLoop loop;
    QObject::connect(&catalog, &MarketCatalog::refreshed, &loop, &QEventLoop::quit);
    catalog.refresh();
    if (catalog.isRefreshing())
        loop.exec();
}

int listMarkets(MarketCatalog::Config config, std::FILE *out)
{
    MarketCatalog catalog(std::move(config));
    catalog.load();
    refreshAndWait(catalog);
    for (const MarketCatalog::Entry &entry : catalog.entries()) {
        const QByteArray line = marketListingLine(entry);
        std::fwrite(line.constData(), 1, std::size_t(line.size()), out);
    }
    std::fflush(out);
    return catalog.entries().empty() ? 1 : 0;
}

} // namespace ticker
