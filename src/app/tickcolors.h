#pragma once

#include "presentation.h"

#include <QColor>
#include <QPalette>

namespace ticker {

// The Korean market convention: red for a rise, blue for a fall; lighter shades on a dark
// palette, so both keep a contrast of at least 4.5 on the window and on the base.
inline bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

inline QColor risingColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

inline QColor fallingColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6c, 0xa4, 0xff) : QColor(0x1e, 0x5f, 0xd6);
}

// Bithumb's amber for caution (투자유의) as text on the palette's base: a plain amber is too
// light to read on white, a dark one too dark on black.
inline QColor cautionColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb0, 0x40) : QColor(0x9a, 0x56, 0x00);
}

// A badge is a surface of its own, filled and lettered the same on any palette; each pair
// keeps a contrast of at least 4.5 (a light palette's lighter red would not under white).
struct BadgeColors
{
    QColor background;
    QColor text;
};

inline BadgeColors dangerBadge() // halts and delistings: Bithumb's red
{
    return {QColor(0xd6, 0x2b, 0x2b), QColor(Qt::white)};
}

inline BadgeColors cautionBadge() // caution, an unknown market state, the demo
{
    return {QColor(0xf0, 0xa0, 0x20), QColor(Qt::black)};
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
