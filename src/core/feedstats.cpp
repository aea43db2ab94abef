#include "bithumbticker/feedstats.h"

#include <nlohmann/json.hpp>

#include <numeric>

namespace ticker {

quint64 FeedStats::rejectedTotal() const
{
    return std::accumulate(rejected.begin(), rejected.end(), quint64(0));
}

QByteArray FeedStats::toJson() const
{
    nlohmann::json byReason = nlohmann::json::object();
    for (int i = 0; i < rejectReasonCount; ++i)
        byReason[rejectReasonName(RejectReason(i))] = rejected[std::size_t(i)];
    const nlohmann::json object = {
        {"ticks", ticks},
        {"frames", frames},
        {"bytes", bytes},
        {"statuses", statuses},
        {"errors", errors},
        {"ignored", ignored},
        {"reconnects", reconnects},
        {"deadLinks", deadLinks},
        {"connectTimeouts", connectTimeouts},
        {"stalePeriods", stalePeriods},
        {"rejectedTotal", rejectedTotal()},
        {"rejected", byReason},
    };
    return QByteArray::fromStdString(object.dump());
}

} // namespace ticker
