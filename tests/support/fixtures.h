#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>

namespace ticker::test {

inline QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TICKER_FIXTURES_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A fixture frame with some of its fields changed.
inline QByteArray editedFixture(const char *name, const std::function<void(nlohmann::json &)> &edit)
{
    nlohmann::json frame = nlohmann::json::parse(fixture(name).toStdString());
    edit(frame);
    return QByteArray::fromStdString(frame.dump());
}

// The API 2.0 ticker fixture with this price and these times (ms since the epoch).
inline QByteArray v2Ticker(const char *price, qint64 tradeMs, qint64 sentMs,
    const std::function<void(nlohmann::json &)> &edit = {})
{
    return editedFixture("v2_ticker.json", [&](nlohmann::json &frame) {
        frame["trade_price"] = std::stoll(price);
        frame["trade_timestamp"] = tradeMs;
        frame["timestamp"] = sentMs;
        if (edit)
            edit(frame);
    });
}

} // namespace ticker::test
