#pragma once

#include <QByteArrayView>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ticker {

namespace jsonstring_detail {

// The high bit of each byte of v that JSON must escape: a quote, a backslash, or a control
// character. Exact for the lowest such byte (above it a borrow may flag a clean one).
inline std::uint64_t escapeMask(std::uint64_t v)
{
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const auto zeroBytes = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    return ((v - ones * 0x20) & ~v & highs) | zeroBytes(v ^ (ones * '"'))
        | zeroBytes(v ^ (ones * '\\'));
}

} // namespace jsonstring_detail

// Appends text as a JSON string: quotes, backslashes and control characters escaped, every
// other byte as it is (so valid UTF-8 stays exactly the same bytes). Written by hand for the
// per-tick and per-frame writers: nlohmann's dump would copy into a DOM first. Eight bytes at a
// time up to the next byte to escape: a frame is a kilobyte with a quote every ten bytes, and a
// byte at a time cost the recording writer 21,000 instructions a frame.
template<typename Out> void appendJsonString(Out &out, QByteArrayView text)
{
    const auto at = out.size();
    out.resize(at + 2 + 6 * text.size()); // room for the worst case; cut to size below
    char *const start = out.data() + at;
    char *w = start;
    *w++ = '"';
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p < end) {
        if constexpr (std::endian::native == std::endian::little) {
            if (end - p >= 8) {
                std::uint64_t v;
                std::memcpy(&v, p, 8);
                std::memcpy(w, p, 8); // there is room: 6 a byte for at least these 8
                const std::uint64_t mask = jsonstring_detail::escapeMask(v);
                const int clean = mask == 0 ? 8 : std::countr_zero(mask) / 8;
                w += clean;
                p += clean;
                if (clean == 8)
                    continue;
            }
        }
        const auto c = static_cast<unsigned char>(*p++);
        if (c == '"' || c == '\\') {
            *w++ = '\\';
            *w++ = char(c);
        } else if (c < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            std::memcpy(w, "\\u00", 4);
            w[4] = hex[c >> 4];
            w[5] = hex[c & 0xf];
            w += 6;
        } else {
            *w++ = char(c);
        }
    }
    *w++ = '"';
    out.resize(at + (w - start));
}

// Well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), as
// strict as the JSON parser that reads it back.
inline bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        std::uint64_t eight;
        if (end - p >= 8 && (std::memcpy(&eight, p, 8), (eight & 0x8080808080808080u) == 0)) {
            p += 8; // ASCII, as nearly all of a frame is
            continue;
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xbf; // the second byte's range
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            low = c == 0xe0 ? 0xa0 : 0x80;
            high = c == 0xed ? 0x9f : 0xbf;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            low = c == 0xf0 ? 0x90 : 0x80;
            high = c == 0xf4 ? 0x8f : 0xbf;
        } else {
            return false;
        }
        if (end - p < length || p[1] < low || p[1] > high)
            return false;
        for (int i = 2; i < length; ++i) {
            if (p[i] < 0x80 || p[i] > 0xbf)
                return false;
        }
        p += length;
    }
    return true;
}

} // namespace ticker
