#pragma once

#include <QByteArrayView>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace ticker {

// Helpers for the REST candle bodies, which are small and read once, so a DOM is fine.

// The body as JSON, or nothing with *error set: not JSON, or nested deeper than any Bithumb
// response (a bomb of brackets must not cost a deep tree).
std::optional<nlohmann::json> parseRestBody(QByteArrayView body, QString *error);

// A price as either API writes it: a JSON number (2.0) or a string holding a plain decimal
// (1.0). Nothing when it is neither or not finite.
std::optional<double> restNumber(const nlohmann::json &value);

// The "name: message" of an error body, or an empty string when the body is not an error:
// API 2.0 {"error":{"name":…,"message":…}}, API 1.0 {"status":"5500","message":…}.
QString restError(const nlohmann::json &body);

struct Candle;
// Oldest first, one candle a minute: the APIs send newest first, and pages may overlap.
void sortCandles(std::vector<Candle> &candles);

} // namespace ticker
