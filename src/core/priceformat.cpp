#include "bithumbticker/priceformat.h"

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr int maxIntegerDigits = 18; // what a qlonglong holds

// The shortest plain decimal that reads back as this double ("1e-05" becomes "0.00001").
QString plainDecimal(double value)
{
    char buffer[400];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

// Digits, then perhaps a point and more digits (a loop: a regular expression here cost a
// quarter of phrasing a market, which every view does on every change).
bool isPlainUnsignedDecimal(const QString &text)
{
    const auto digits = [&](qsizetype from) {
        qsizetype i = from;
        while (i < text.size() && text.at(i).unicode() >= u'0' && text.at(i).unicode() <= u'9')
            ++i;
        return i - from;
    };
    const qsizetype integer = digits(0);
    if (integer == 0)
        return false;
    if (integer == text.size())
        return true;
    return text.at(integer) == u'.' && digits(integer + 1) > 0
        && integer + 1 + digits(integer + 1) == text.size();
}

QString trimmedFraction(const QString &text)
{
    const auto dot = text.indexOf(u'.');
    if (dot < 0)
        return {};
    auto end = text.size();
    while (end > dot + 1 && text.at(end - 1) == u'0')
        --end;
    return text.mid(dot + 1, end - dot - 1);
}

} // namespace

int fractionDigits(const QString &decimalText)
{
    return int(trimmedFraction(decimalText).size());
}

QString formatPrice(const QString &priceText, double price, const QLocale &locale)
{
    QString text = isPlainUnsignedDecimal(priceText) ? priceText : plainDecimal(price);
    const auto dot = text.indexOf(u'.');
    const QString integerPart = dot < 0 ? text : text.left(dot);
    if (integerPart.size() > maxIntegerDigits)
        return locale.toString(price, 'g', 15);
    const QString fraction = trimmedFraction(text);
    QString result = locale.toString(integerPart.toLongLong());
    if (!fraction.isEmpty())
        result += locale.decimalPoint() + fraction;
    return result;
}

QString formatChange(const Tick &tick, const QLocale &locale)
{
    return formatChange(tick, locale, formatChangePercent(tick.changePercent, locale));
}

QString formatChange(const Tick &tick, const QLocale &locale, const QString &percentText)
{
    if (std::isnan(tick.changeAmount) && percentText.isEmpty())
        return u"\u2014"_s;
    if (std::isnan(tick.changeAmount))
        return percentText;
    const int decimals = std::clamp(fractionDigits(tick.priceText), 0, 12);
    const double amount = tick.changeAmount == 0 ? 0.0 : tick.changeAmount; // no "-0"
    const QString result
        = (amount > 0 ? u"+"_s : QString()) + locale.toString(amount, 'f', decimals);
    return percentText.isEmpty() ? result : result + u" (" + percentText + u')';
}

QString formatChangePercent(double percent, const QLocale &locale)
{
    if (std::isnan(percent))
        return {};
    return (percent > 0 ? u"+"_s : QString()) + locale.toString(percent, 'f', 2) + u'%';
}

} // namespace ticker
