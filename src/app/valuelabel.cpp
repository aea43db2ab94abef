#include "valuelabel.h"

#include <QEvent>
#include <QPaintEvent>
#include <QPainter>

#include <cmath>
#include <utility>

namespace ticker {

ValueLabel::ValueLabel(QWidget *parent, qreal pointSizeFactor, bool bold)
    : QWidget(parent)
{
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * pointSizeFactor);
    f.setBold(bold);
    setFont(f);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    // It fills its own background, so a new text does not paint the widget behind it first.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ValueLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    const QString old = std::exchange(m_text, text);
    const int width = int(std::ceil(m_texts.text(text, font()).size().width()));
    if (width > m_widestText) {
        m_widestText = width;
        updateGeometry();
    }
    update(changedRect(old, text));
}

// A price moves in its last digits: when the old and new text are as wide and differ only in
// the middle, only that part (and a pad for glyphs past their advance) is painted again, at a
// few glyphs' cost instead of the whole large text's.
QRect ValueLabel::changedRect(const QString &old, const QString &now)
{
    const qreal width = m_texts.text(now, font()).size().width();
    if (old.size() != now.size() || m_texts.text(old, font()).size().width() != width)
        return rect();
    qsizetype first = 0, end = now.size();
    while (old[first] == now[first])
        ++first;
    while (old[end - 1] == now[end - 1])
        --end;
    // Each character's own advance: no shaping, and the pad takes in any kerning.
    const QFontMetricsF metrics(font());
    const auto advance = [&](QStringView part) {
        qreal sum = 0;
        for (const QChar c : part)
            sum += metrics.horizontalAdvance(c);
        return sum;
    };
    const qreal left = textLeft(width) + advance(QStringView(now).left(first));
    const qreal right = textLeft(width) + width - advance(QStringView(now).mid(end));
    const qreal pad = std::ceil(metrics.height() / 4);
    return QRectF(QPointF(left - pad, 0), QPointF(right + pad, height())).toAlignedRect() & rect();
}

qreal ValueLabel::textLeft(qreal textWidth) const
{
    return m_alignment & Qt::AlignRight  ? width() - textWidth
        : m_alignment & Qt::AlignHCenter ? (width() - textWidth) / 2
                                         : 0;
}

void ValueLabel::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    update();
}

QSize ValueLabel::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {m_widestText + 2, metrics.height()};
}

void ValueLabel::paintEvent(QPaintEvent *event)
{
    m_lastPaintRect = event->rect();
    ++m_paintCount;
    QPainter painter(this);
    painter.fillRect(rect(), palette().brush(backgroundRole()));
    painter.setPen(m_color.isValid() ? m_color : palette().color(foregroundRole()));
    painter.setFont(font());
    const QStaticText &laidOut = m_texts.text(m_text, font());
    const QSizeF size = laidOut.size();
    const QRectF box = rect();
    const qreal x = textLeft(size.width());
    const qreal y = m_alignment & Qt::AlignBottom ? box.height() - size.height()
        : m_alignment & Qt::AlignTop              ? 0
                                                  : std::round((box.height() - size.height()) / 2);
    painter.drawStaticText(QPointF(x, y), laidOut);
}

void ValueLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_widestText = int(std::ceil(m_texts.text(m_text, font()).size().width()));
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

} // namespace ticker
