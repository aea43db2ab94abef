#include "valuelabel.h"

#include <QEvent>
#include <QPainter>

namespace ticker {

ValueLabel::ValueLabel(QWidget *parent, qreal pointSizeFactor, bool bold)
    : QWidget(parent)
{
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * pointSizeFactor);
    f.setBold(bold);
    setFont(f);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ValueLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const int width = fontMetrics().horizontalAdvance(text);
    if (width > m_widestText) {
        m_widestText = width;
        updateGeometry();
    }
    update();
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

void ValueLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setPen(m_color.isValid() ? m_color : palette().color(foregroundRole()));
    painter.drawText(rect(), int(m_alignment), m_text);
}

void ValueLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_widestText = fontMetrics().horizontalAdvance(m_text);
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

} // namespace ticker
