#pragma once

#include <QByteArrayView>
#include <QString>
#include <QUrl>

#include "bithumbticker/protocol.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <vector>

namespace ticker {

// Helpers for the REST candle requests and bodies; bodies are small and read once, so a DOM
// is fine.

// base + path, whether or not the base ends in a slash.
QUrl restUrl(const QUrl &base, const QString &path);

// The body as JSON, or nothing with *error set: not JSON, or nested deeper than any Bithumb
// response (a bomb of brackets must not cost a deep tree).
std::optional<nlohmann::json> parseRestBody(QByteArrayView body, QString *error);

// The body as a JSON array (API 2.0's lists), or nothing with *error set: not JSON, too deep,
// the exchange's own error body (sent with HTTP 200), or else "not an array of <what>".
std::optional<nlohmann::json> parseRestArray(QByteArrayView body, const char *what, QString *error);

// A price as either API writes it: a JSON number (2.0) or a string holding a plain decimal
// (1.0). Nothing when it is neither or not finite.
std::optional<double> restNumber(const nlohmann::json &value);

// The "name: message" of an error body, or an empty string when the body is not an error:
// API 2.0 {"error":{"name":…,"message":…}}, API 1.0 {"status":"5500","message":…}.
QString restError(const nlohmann::json &body);

// Oldest first, one candle a minute: the APIs send newest first, and pages may overlap.
void sortCandles(std::vector<Candle> &candles);

// Reads every row with readRow; rows it cannot read and invalid candles are counted in
// page.rejected and dropped; the rest are sorted.
void readCandleRows(const nlohmann::json &rows,
    const std::function<std::optional<Candle>(const nlohmann::json &)> &readRow, CandlePage &page);

} // namespace ticker
