#pragma once

#include <QtGlobal>

#include <vector>

namespace ticker {

// Where a chart's axis labels go: at round values, no closer than the room allows. Pure
// functions, so they are tested without painting.

// The smallest step of 1, 2, 2.5 or 5 × 10^k that cuts `range` into at most maxSteps pieces.
double priceStep(double range, int maxSteps);
// The multiples of step inside [low, high].
std::vector<double> priceTicks(double low, double high, double step);
// Fraction digits that show a step's multiples exactly: 2.5 → 1, 0.002 → 3, 1000 → 0.
int stepDecimals(double step);

// The smallest of 1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h
// that cuts spanMs into at most maxSteps pieces.
qint64 timeStepMs(qint64 spanMs, int maxSteps);
// The times in [fromMs, toMs] that are multiples of step on the local clock (utcOffsetMs
// ahead of UTC), so an hourly label reads 14:00, not 14:00 UTC shown at 23:00.
std::vector<qint64> timeTicks(qint64 fromMs, qint64 toMs, qint64 stepMs, qint64 utcOffsetMs);

} // namespace ticker
