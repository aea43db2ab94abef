#include "fieldreader.h"

#include <charconv>
#include <cmath>

namespace ticker {

namespace {
constexpr std::size_t maxNumberLength = 64;
}

bool isPlainDecimal(std::string_view text)
{
    if (text.empty() || text.size() > maxNumberLength)
        return false;
    std::size_t i = text.front() == '-' ? 1 : 0;
    const auto digits = [&] {
        const auto start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9')
            ++i;
        return i > start;
    };
    if (!digits())
        return false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    return i == text.size();
}

FieldReader::FieldReader(const FlatJson &json, std::string_view parent)
    : m_json(json)
    , m_parent(parent)
{ }

QString FieldReader::describe(RejectReason reason, std::string_view key) const
{
    return QString::fromLatin1(rejectReasonName(reason)) + u": "
        + (m_parent.empty() ? QString() : QString::fromUtf8(m_parent) + u'.')
        + QString::fromUtf8(key.data(), qsizetype(std::min<std::size_t>(key.size(), 64)));
}

void FieldReader::fail(RejectReason reason, std::string_view key, Need need)
{
    if (need == Optional) {
        m_dropped.append({reason, describe(reason, key)});
        return;
    }
    if (m_failed)
        return;
    m_failed = true;
    m_reason = reason;
    m_detail = describe(reason, key);
}

const FlatJson::Member *FieldReader::member(std::string_view key, Need need)
{
    const auto *found = m_parent.empty() ? m_json.find(key) : m_json.find(m_parent, key);
    if (!found && need == Required)
        fail(RejectReason::MissingField, key);
    // An optional field sent as null is the same as an absent one.
    if (found && found->type == FlatJson::Type::Null && need == Optional)
        return nullptr;
    return found;
}

std::optional<std::string_view> FieldReader::string(std::string_view key, Need need)
{
    const auto *found = member(key, need);
    if (!found)
        return std::nullopt;
    if (found->type != FlatJson::Type::String) {
        fail(RejectReason::WrongType, key, need);
        return std::nullopt;
    }
    return std::string_view(found->text);
}

std::optional<double> FieldReader::number(std::string_view key, Need need, std::string *text)
{
    const auto *found = member(key, need);
    if (!found)
        return std::nullopt;
    if (found->type != FlatJson::Type::Integer && found->type != FlatJson::Type::Float) {
        fail(RejectReason::WrongType, key, need);
        return std::nullopt;
    }
    if (!std::isfinite(found->number)) {
        fail(RejectReason::BadNumber, key, need);
        return std::nullopt;
    }
    if (text)
        *text = found->text;
    return found->number;
}

std::optional<double> FieldReader::decimalString(
    std::string_view key, Need need, std::string_view *text)
{
    const auto value = string(key, need);
    if (!value)
        return std::nullopt;
    double number = 0;
    const auto *end = value->data() + value->size();
    if (!isPlainDecimal(*value) || std::from_chars(value->data(), end, number).ptr != end
        || !std::isfinite(number)) {
        fail(RejectReason::BadNumber, key, need);
        return std::nullopt;
    }
    if (text)
        *text = *value;
    return number;
}

std::optional<qint64> FieldReader::integer(std::string_view key, Need need)
{
    const auto *found = member(key, need);
    if (!found)
        return std::nullopt;
    if (found->type != FlatJson::Type::Integer) {
        fail(RejectReason::WrongType, key, need);
        return std::nullopt;
    }
    qint64 value = 0;
    const auto *end = found->text.data() + found->text.size();
    if (std::from_chars(found->text.data(), end, value).ptr != end) {
        fail(RejectReason::BadNumber, key, need);
        return std::nullopt;
    }
    return value;
}

std::optional<bool> FieldReader::boolean(std::string_view key, Need need)
{
    const auto *found = member(key, need);
    if (!found)
        return std::nullopt;
    if (found->type != FlatJson::Type::Bool) {
        fail(RejectReason::WrongType, key, need);
        return std::nullopt;
    }
    return found->number != 0;
}

} // namespace ticker

namespace ticker {

ParsedFrame rejectedFrame(RejectReason reason, QString detail)
{
    ParsedFrame frame;
    frame.kind = ParsedFrame::Kind::Rejected;
    frame.reason = reason;
    frame.detail = detail.isEmpty() ? QString::fromLatin1(rejectReasonName(reason)) : detail;
    return frame;
}

ParsedFrame rejectedFrame(const FieldReader &reader)
{
    return rejectedFrame(reader.reason(), reader.detail());
}

void keepDroppedFields(ParsedFrame &frame, const FieldReader &reader)
{
    frame.droppedFields += reader.droppedFields();
}

std::optional<ParsedFrame> readObject(
    QByteArrayView frame, std::span<const std::string_view> wanted, FlatJson &json)
{
    if (frame.isEmpty())
        return rejectedFrame(RejectReason::EmptyFrame);
    json = FlatJson::parse(std::string_view(frame.data(), std::size_t(frame.size())), wanted);
    switch (json.error()) {
    case FlatJson::Error::BadJson:
        return rejectedFrame(RejectReason::BadJson);
    case FlatJson::Error::TooDeep:
        return rejectedFrame(RejectReason::TooDeep);
    case FlatJson::Error::NumberOverflow:
        return rejectedFrame(RejectReason::BadNumber);
    case FlatJson::Error::None:
        break;
    }
    if (json.rootType() != FlatJson::Type::Object)
        return rejectedFrame(RejectReason::NotObject);
    return std::nullopt;
}

} // namespace ticker
