#include "flatjson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace ticker {

using json = nlohmann::json;

class FlatJsonCollector
{
public:
    FlatJsonCollector(FlatJson &out, std::span<const std::string_view> wanted)
        : m_out(out)
        , m_wanted(wanted)
    { }

    bool null() { return scalar(FlatJson::Type::Null, {}, 0); }
    bool boolean(bool value)
    {
        return scalar(FlatJson::Type::Bool, value ? "true" : "false", value);
    }
    bool number_integer(json::number_integer_t value) { return integer(value); }
    bool number_unsigned(json::number_unsigned_t value) { return integer(value); }
    bool number_float(json::number_float_t value, const std::string &text)
    {
        return scalar(FlatJson::Type::Float, text, value);
    }
    bool string(std::string &value) { return scalar(FlatJson::Type::String, std::move(value), 0); }
    bool binary(json::binary_t &) { return scalar(FlatJson::Type::Null, {}, 0); }

    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string &key)
    {
        Level &level = m_levels.back();
        level.wanted = std::find(m_wanted.begin(), m_wanted.end(), key) != m_wanted.end();
        if (level.wanted)
            level.key = std::move(key);
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &error)
    {
        constexpr int numberOverflow = 406; // nlohmann's out_of_range id for "1e400"
        if (m_out.m_error == FlatJson::Error::None)
            m_out.m_error = error.id == numberOverflow ? FlatJson::Error::NumberOverflow
                                                       : FlatJson::Error::BadJson;
        return false;
    }

private:
    struct Level
    {
        bool isObject;
        bool wanted = false; // whether the current key is one to keep
        std::string key;
    };

    template<typename Int> bool integer(Int value)
    {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        return scalar(FlatJson::Type::Integer, std::string(buffer, end), double(value));
    }

    bool open(bool isObject)
    {
        if (int(m_levels.size()) >= FlatJson::maxDepth) {
            m_out.m_error = FlatJson::Error::TooDeep;
            return false;
        }
        const auto type = isObject ? FlatJson::Type::Object : FlatJson::Type::Array;
        if (m_levels.empty())
            m_out.m_rootType = type;
        else
            record(type, {}, 0);
        m_levels.push_back({isObject, false, {}});
        return true;
    }

    bool close()
    {
        m_levels.pop_back();
        return true;
    }

    bool scalar(FlatJson::Type type, std::string text, double number)
    {
        if (m_levels.empty())
            m_out.m_rootType = type;
        else
            record(type, std::move(text), number);
        return true;
    }

    // Only members of objects nested in objects, two levels deep, are kept.
    void record(FlatJson::Type type, std::string text, double number)
    {
        const auto depth = m_levels.size();
        if (depth > 2 || !m_levels.back().isObject || !m_levels.front().isObject
            || !m_levels.back().wanted || !m_levels.front().wanted)
            return;
        FlatJson::Member member;
        member.depth = int(depth);
        if (depth == 2)
            member.parent = m_levels.front().key;
        member.key = m_levels.back().key;
        member.type = type;
        member.text = std::move(text);
        member.number = number;
        m_out.m_members.push_back(std::move(member));
    }

    FlatJson &m_out;
    std::span<const std::string_view> m_wanted;
    std::vector<Level> m_levels;
};

FlatJson FlatJson::parse(std::string_view bytes, std::span<const std::string_view> wanted)
{
    FlatJson result;
    result.m_members.reserve(wanted.size());
    FlatJsonCollector collector(result, wanted);
    const bool ok = json::sax_parse(bytes.begin(), bytes.end(), &collector);
    if (!ok && result.m_error == Error::None)
        result.m_error = Error::BadJson;
    if (result.m_error != Error::None)
        result.m_members.clear();
    return result;
}

const FlatJson::Member *FlatJson::find(std::string_view key) const
{
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        if (it->depth == 1 && it->key == key)
            return &*it;
    }
    return nullptr;
}

const FlatJson::Member *FlatJson::find(std::string_view parent, std::string_view key) const
{
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        if (it->depth == 2 && it->key == key && it->parent == parent)
            return &*it;
    }
    return nullptr;
}

} // namespace ticker
