#pragma once

#include "bithumbticker/protocol.h"
#include "flatjson.h"

#include <optional>
#include <string_view>

namespace ticker {

// Typed access to the members of one object of a FlatJson. The first failure of a required
// field is kept, so a parser reads every field it needs and then asks once whether the frame
// was valid. A bad optional field only costs itself: it reads as absent and is listed in
// droppedFields().
class FieldReader
{
public:
    enum Need { Optional, Required };

    FieldReader(const FlatJson &json, std::string_view parent = {});

    std::optional<std::string_view> string(std::string_view key, Need need);
    // A JSON number (API 2.0); its exact text is kept in *text when given.
    std::optional<double> number(std::string_view key, Need need, std::string *text = nullptr);
    // A number written as a JSON string holding a plain decimal (API 1.0).
    std::optional<double> decimalString(
        std::string_view key, Need need, std::string_view *text = nullptr);
    std::optional<qint64> integer(std::string_view key, Need need);
    std::optional<bool> boolean(std::string_view key, Need need);

    void fail(RejectReason reason, std::string_view key, Need need = Required);
    bool failed() const { return m_failed; }
    RejectReason reason() const { return m_reason; }
    QString detail() const { return m_detail; }
    const QList<FieldDrop> &droppedFields() const { return m_dropped; }

private:
    const FlatJson::Member *member(std::string_view key, Need need);
    QString describe(RejectReason reason, std::string_view key) const;

    const FlatJson &m_json;
    std::string_view m_parent;
    bool m_failed = false;
    RejectReason m_reason = RejectReason::BadJson;
    QString m_detail;
    QList<FieldDrop> m_dropped;
};

// A plain decimal: optional '-', digits, optional '.' and digits; no exponent, no blanks.
bool isPlainDecimal(std::string_view text);

} // namespace ticker

namespace ticker {

ParsedFrame rejectedFrame(RejectReason reason, QString detail = {});
ParsedFrame rejectedFrame(const FieldReader &reader);
// Carries the optional fields the readers dropped over to the frame.
void keepDroppedFields(ParsedFrame &frame, const FieldReader &reader);

// Reads a frame that must be one JSON object, keeping the wanted keys; on failure returns the
// rejection to report.
std::optional<ParsedFrame> readObject(
    QByteArrayView frame, std::span<const std::string_view> wanted, FlatJson &json);

} // namespace ticker
