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
    const auto byReason = [](const std::array<quint64, rejectReasonCount> &counts) {
        nlohmann::json object = nlohmann::json::object();
        for (int i = 0; i < rejectReasonCount; ++i)
            object[rejectReasonName(RejectReason(i))] = counts[std::size_t(i)];
        return object;
    };
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
        {"rateLimited", rateLimited},
        {"stalePeriods", stalePeriods},
        {"outOfOrder", outOfOrder},
        {"rejectedTotal", rejectedTotal()},
        {"rejected", byReason(rejected)},
        {"droppedFields", byReason(droppedFields)},
    };
    return QByteArray::fromStdString(object.dump());
}

} // namespace ticker
