#pragma once

#include <QColor>

namespace ticker {

// The Korean market convention: red for a rise, blue for a fall.
inline QColor risingColor()
{
    return QColor(0xd6, 0x2b, 0x2b);
}

inline QColor fallingColor()
{
    return QColor(0x1e, 0x5f, 0xd6);
}

} // namespace ticker
