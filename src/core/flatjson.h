#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ticker {

// The wanted members of a JSON document's top two object levels, read in one SAX pass with
// nlohmann_json: no DOM, no recursion, the exact text of every number kept, and a hard depth
// limit so a hostile frame cannot cost more than its bytes. Other keys, deeper members and
// array elements are skipped; containers are recorded by type only. A duplicated key: the
// last one counts.
class FlatJson
{
public:
    enum class Type { Null, Bool, Integer, Float, String, Object, Array };
    enum class Error { None, BadJson, TooDeep, NumberOverflow };

    struct Member
    {
        int depth = 1;      // 1: a member of the root object; 2: a member of one of its objects
        std::string parent; // the key of the enclosing object at depth 2
        std::string key;
        Type type = Type::Null;
        std::string text; // strings: the value; numbers: the exact text received
        double number = 0;
    };

    static constexpr int maxDepth = 16;

    // Keeps members whose key is in `wanted` (at either level).
    static FlatJson parse(std::string_view bytes, std::span<const std::string_view> wanted);

    Error error() const { return m_error; }
    Type rootType() const { return m_rootType; }
    const Member *find(std::string_view key) const;
    const Member *find(std::string_view parent, std::string_view key) const;

private:
    friend class FlatJsonCollector;

    Error m_error = Error::None;
    Type m_rootType = Type::Null;
    std::vector<Member> m_members;
};

} // namespace ticker
