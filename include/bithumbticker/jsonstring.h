#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace ticker {

// Appends text as a JSON string: quotes, backslashes and control characters escaped, every
// other byte as it is (so valid UTF-8 stays exactly the same bytes). Written by hand for the
// per-tick and per-frame writers: nlohmann's dump would copy into a DOM first.
template<typename Out> void appendJsonString(Out &out, QByteArrayView text)
{
    out += '"';
    const char *run = text.data(); // bytes that need no escape are appended in runs
    const char *const end = run + text.size();
    for (const char *p = run; p < end; ++p) {
        const char c = *p;
        const bool quoteOrBackslash = c == '"' || c == '\\';
        if (!quoteOrBackslash && static_cast<unsigned char>(c) >= 0x20)
            continue;
        if (run != p)
            out.append(run, p - run);
        run = p + 1;
        if (quoteOrBackslash) {
            out += '\\';
            out += c;
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
            out += escaped;
        }
    }
    if (run != end)
        out.append(run, end - run);
    out += '"';
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
