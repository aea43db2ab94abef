#pragma once

#include "bithumbticker/tick.h"

#include <QString>

namespace ticker {

// What the window's badge says about a market's status: the gravest fact first, every fact
// in the tooltip. Empty text: the market trades normally (or the API does not say).
struct StatusBadge
{
    enum class Severity { None, Caution, Danger };

    QString text;
    QString toolTip;
    Severity severity = Severity::None;
};

StatusBadge statusBadge(const MarketStatus &status);

} // namespace ticker
