#include "bithumbticker/alertspec.h"

namespace ticker {

namespace {

// Digits with at most one point and a digit on each side of it: what the exchange sends as a
// price. No sign, exponent, blank or thousands separator, so the kept text is a price.
bool isPlainDecimal(QStringView text)
{
    if (text.isEmpty() || text.size() > 40)
        return false;
    qsizetype point = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'.') {
            if (point >= 0)
                return false;
            point = i;
        } else if (!(c >= u'0' && c <= u'9')) {
            return false;
        }
    }
    return point != 0 && point != text.size() - 1;
}

// "10m", "30s", "1h": a whole number above 0 and a unit, in ms; 0 when it is none.
qint64 parseWindow(QStringView text)
{
    if (text.size() < 2)
        return 0;
    const QChar unit = text.back().toLower();
    const qint64 unitMs = unit == u's' ? 1000 : unit == u'm' ? 60'000 : unit == u'h' ? 3600'000 : 0;
    const QStringView digits = text.chopped(1);
    if (unitMs == 0 || digits.size() > 9)
        return 0;
    for (const QChar c : digits) {
        if (!(c >= u'0' && c <= u'9'))
            return 0;
    }
    const qint64 ms = digits.toLongLong() * unitMs;
    return ms > 0 && ms <= AlertSpec::maxWindowMs ? ms : 0;
}

} // namespace

std::variant<AlertSpec, AlertSpec::Error> AlertSpec::parse(const QString &text)
{
    const QStringView spec = QStringView(text).trimmed();
    if (spec.isEmpty())
        return Error::Empty;
    qsizetype at = -1;
    for (qsizetype i = 0; i < spec.size() && at < 0; ++i) {
        if (spec[i] == u'>' || spec[i] == u'<' || spec[i] == u'%')
            at = i;
    }
    if (at < 0)
        return Error::NoCondition;
    AlertSpec alert;
    alert.text = text;
    alert.marketText = spec.first(at).trimmed().toString();
    const auto market = MarketId::fromUser(alert.marketText);
    if (!market)
        return Error::BadMarket;
    alert.market = *market;
    const QChar condition = spec[at];
    const QStringView rest = spec.sliced(at + 1).trimmed();
    if (condition != u'%') {
        alert.kind = condition == u'>' ? Kind::Above : Kind::Below;
        if (!isPlainDecimal(rest))
            return Error::BadThreshold;
        alert.thresholdText = rest.toString();
        alert.threshold = rest.toDouble();
        if (!(alert.threshold > 0))
            return Error::BadThreshold;
        return alert;
    }
    alert.kind = Kind::Move;
    const qsizetype slash = rest.indexOf(u'/');
    QStringView percent = (slash < 0 ? rest : rest.first(slash)).trimmed();
    if (percent.startsWith(u'+') || percent.startsWith(u'-')) {
        alert.direction = percent.front() == u'+' ? Direction::Up : Direction::Down;
        percent = percent.sliced(1);
    }
    if (!isPlainDecimal(percent))
        return Error::BadPercent;
    alert.percent = percent.toDouble();
    if (!(alert.percent > 0) || alert.percent > maxPercent
        || (alert.direction == Direction::Down && alert.percent >= 100))
        return Error::BadPercent;
    if (slash < 0)
        return Error::MissingWindow;
    alert.windowMs = parseWindow(rest.sliced(slash + 1).trimmed());
    if (alert.windowMs == 0)
        return Error::BadWindow;
    return alert;
}

} // namespace ticker
