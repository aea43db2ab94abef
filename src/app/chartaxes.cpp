#include "chartaxes.h"

#include <algorithm>
#include <cmath>

namespace ticker {

double priceStep(double range, int maxSteps)
{
    if (!(range > 0) || maxSteps < 1)
        return 1;
    const double rough = range / maxSteps;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= rough)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

std::vector<double> priceTicks(double low, double high, double step)
{
    std::vector<double> ticks;
    if (!(step > 0) || !(high >= low))
        return ticks;
    for (double k = std::ceil(low / step); k * step <= high && ticks.size() < 100; ++k)
        ticks.push_back(k * step);
    return ticks;
}

int stepDecimals(double step)
{
    for (int decimals = 0; decimals < 10; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled)
            return decimals;
    }
    return 10;
}

qint64 timeStepMs(qint64 spanMs, int maxSteps)
{
    static constexpr qint64 second = 1000, minute = 60 * second, hour = 60 * minute;
    static constexpr qint64 steps[] = {second, 2 * second, 5 * second, 10 * second, 15 * second,
        30 * second, minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute, hour,
        2 * hour, 3 * hour, 6 * hour, 12 * hour};
    const qint64 pieces = std::max(1, maxSteps);
    for (const qint64 step : steps) {
        if (spanMs / step <= pieces)
            return step;
    }
    return 24 * hour;
}

std::vector<qint64> timeTicks(qint64 fromMs, qint64 toMs, qint64 stepMs, qint64 utcOffsetMs)
{
    std::vector<qint64> ticks;
    if (stepMs <= 0 || toMs < fromMs)
        return ticks;
    const qint64 localFrom = fromMs + utcOffsetMs;
    // The first multiple of the step at or after the start, rounding towards +infinity.
    qint64 local = localFrom / stepMs * stepMs;
    if (local < localFrom)
        local += stepMs;
    for (; local - utcOffsetMs <= toMs && ticks.size() < 100; local += stepMs)
        ticks.push_back(local - utcOffsetMs);
    return ticks;
}

} // namespace ticker
