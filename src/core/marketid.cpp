#include "bithumbticker/marketid.h"

namespace ticker {

namespace {

constexpr std::size_t maxPartLength = 16;

bool isValidPart(std::string_view part)
{
    if (part.empty() || part.size() > maxPartLength)
        return false;
    for (const char c : part) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

// Splits "A<sep>B" into two valid parts, or nothing.
std::optional<std::pair<std::string_view, std::string_view>> split(
    std::string_view text, char separator)
{
    const auto at = text.find(separator);
    if (at == std::string_view::npos)
        return std::nullopt;
    const auto first = text.substr(0, at);
    const auto second = text.substr(at + 1);
    if (!isValidPart(first) || !isValidPart(second))
        return std::nullopt;
    return std::pair {first, second};
}

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

} // namespace

MarketId::MarketId(QString base, QString quote)
    : m_base(std::move(base))
    , m_quote(std::move(quote))
{ }

std::optional<MarketId> MarketId::fromV1(std::string_view symbol)
{
    const auto parts = split(symbol, '_');
    if (!parts)
        return std::nullopt;
    return MarketId(latin1(parts->first), latin1(parts->second));
}

std::optional<MarketId> MarketId::fromV2(std::string_view code)
{
    const auto parts = split(code, '-');
    if (!parts)
        return std::nullopt;
    return MarketId(latin1(parts->second), latin1(parts->first));
}

std::optional<MarketId> MarketId::fromUser(QStringView text)
{
    const QByteArray upper = text.trimmed().toString().toUpper().toLatin1();
    const std::string_view view(upper.constData(), std::size_t(upper.size()));
    if (view.find('_') != std::string_view::npos)
        return fromV1(view);
    return fromV2(view);
}

QString MarketId::toV1() const
{
    return m_base + u'_' + m_quote;
}

QString MarketId::toV2() const
{
    return m_quote + u'-' + m_base;
}

} // namespace ticker
