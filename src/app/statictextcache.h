#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>

namespace ticker {

// Laid-out texts of one font, kept for reuse: a ticker's cells and labels go back and forth
// between a few prices, and laying a text out (shaping it) costs far more than drawing glyphs
// already placed. Bounded: when one generation fills, it becomes the old one and a new one
// starts, so texts still in use survive and the rest are dropped.
class StaticTextCache
{
public:
    static constexpr qsizetype generationSize = 256;

    // The text laid out in the font, plain (never rich text), on one line.
    const QStaticText &text(const QString &text, const QFont &font);

private:
    QFont m_font;
    QHash<QString, QStaticText> m_current;
    QHash<QString, QStaticText> m_previous;
};

} // namespace ticker
