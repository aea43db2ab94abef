#include "restjson.h"

#include "fieldreader.h"

#include <algorithm>

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr int maxDepth = 4; // [ {…} ] or {"data":[[…]]}

QString text(const nlohmann::json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>())
                             : QString::fromStdString(value.dump());
}

} // namespace

QUrl restUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

std::optional<nlohmann::json> parseRestBody(QByteArrayView body, QString *error)
{
    bool tooDeep = false;
    const nlohmann::json::parser_callback_t limitDepth
        = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json &) {
              tooDeep = tooDeep || depth > maxDepth;
              return !tooDeep; // past the limit, nothing more is kept
          };
    auto json = nlohmann::json::parse(body.begin(), body.end(), limitDepth, false);
    if (json.is_discarded() || tooDeep) {
        *error = tooDeep ? u"nested too deep"_s : u"not JSON"_s;
        return std::nullopt;
    }
    return json;
}

std::optional<nlohmann::json> parseRestArray(QByteArrayView body, const char *what, QString *error)
{
    auto json = parseRestBody(body, error);
    if (!json || json->is_array())
        return json;
    *error = restError(*json);
    if (error->isEmpty())
        *error = u"not an array of "_s + QLatin1String(what);
    return std::nullopt;
}

std::optional<double> restNumber(const nlohmann::json &value)
{
    double number = 0;
    if (value.is_number()) {
        number = value.get<double>();
    } else if (value.is_string()) {
        const auto &string = value.get_ref<const std::string &>();
        const char *end = string.data() + string.size();
        if (!isPlainDecimal(string) || std::from_chars(string.data(), end, number).ptr != end)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(number))
        return std::nullopt;
    return number;
}

QString restError(const nlohmann::json &body)
{
    if (!body.is_object())
        return {};
    if (const auto error = body.find("error"); error != body.end()) {
        if (!error->is_object())
            return text(*error);
        return u"%1: %2"_s.arg(text(error->value("name", nlohmann::json("error"))),
            text(error->value("message", nlohmann::json(""))));
    }
    if (const auto status = body.find("status"); status != body.end() && *status != "0000")
        return u"%1: %2"_s.arg(text(*status), text(body.value("message", nlohmann::json(""))));
    return {};
}

void sortCandles(std::vector<Candle> &candles)
{
    const auto byStart = [](const Candle &a, const Candle &b) { return a.startMs < b.startMs; };
    std::stable_sort(candles.begin(), candles.end(), byStart);
    const auto sameStart = [](const Candle &a, const Candle &b) { return a.startMs == b.startMs; };
    candles.erase(std::unique(candles.begin(), candles.end(), sameStart), candles.end());
}

void readCandleRows(const nlohmann::json &rows,
    const std::function<std::optional<Candle>(const nlohmann::json &)> &readRow, CandlePage &page)
{
    for (const auto &row : rows) {
        const auto candle = readRow(row);
        if (candle && isValidCandle(*candle))
            page.candles.push_back(*candle);
        else
            ++page.rejected;
    }
    sortCandles(page.candles);
}

} // namespace ticker
