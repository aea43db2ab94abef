#pragma once

#include "bithumbticker/tick.h"

#include <QLocale>
#include <QString>

namespace ticker {

// Formatting for display: pure functions of a value and a locale, easy to test.

// A price with the locale's group separators, from its exact decimal text: every fraction
// digit received is kept (trailing zeros trimmed), so 0.00001234 never shows as 0.00.
QString formatPrice(const QString &priceText, double price, const QLocale &locale);

// "+1,662,000 (+1.29%)"; an em dash when the change is unknown. The amount shows as many
// fraction digits as the price text had.
QString formatChange(const Tick &tick, const QLocale &locale);
// The same, with the percent already formatted by formatChangePercent (each costs a number
// formatting; a view that shows both pays for one).
QString formatChange(const Tick &tick, const QLocale &locale, const QString &percentText);
// "+1.29%"; empty when unknown.
QString formatChangePercent(double percent, const QLocale &locale);

// How many fraction digits a decimal text has, trailing zeros not counted.
int fractionDigits(const QString &decimalText);

} // namespace ticker
