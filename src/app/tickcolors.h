#pragma once

#include "presentation.h"

#include <QColor>
#include <QPalette>

namespace ticker {

// The Korean market convention: red for a rise, blue for a fall; lighter shades on a dark
// palette, so both keep their contrast.
inline bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

inline QColor risingColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd6, 0x2b, 0x2b);
}

inline QColor fallingColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6c, 0xa4, 0xff) : QColor(0x1e, 0x5f, 0xd6);
}

// A presented change's colour on this palette; invalid for Flat (the text's own colour).
inline QColor toneColor(const QPalette &palette, MarketPresentation::Tone tone)
{
    switch (tone) {
    case MarketPresentation::Tone::Rising:
        return risingColor(palette);
    case MarketPresentation::Tone::Falling:
        return fallingColor(palette);
    case MarketPresentation::Tone::Muted:
        return palette.color(QPalette::PlaceholderText);
    case MarketPresentation::Tone::Flat:
        break;
    }
    return {};
}

} // namespace ticker
