#include "statictextcache.h"

#include <QTransform>

namespace ticker {

const QStaticText &StaticTextCache::text(const QString &text, const QFont &font)
{
    if (font != m_font) {
        m_font = font;
        m_current.clear();
        m_previous.clear();
    }
    if (const auto it = m_current.constFind(text); it != m_current.constEnd())
        return *it;
    QStaticText laidOut;
    if (const auto old = m_previous.constFind(text); old != m_previous.constEnd()) {
        laidOut = *old;
    } else {
        laidOut.setText(text);
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
        laidOut.prepare(QTransform(), font);
    }
    if (m_current.size() >= generationSize)
        m_previous = std::exchange(m_current, {});
    return *m_current.insert(text, laidOut);
}

} // namespace ticker
