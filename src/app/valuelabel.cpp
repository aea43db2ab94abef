#include "valuelabel.h"

#include <QEvent>
#include <QPainter>

#include <cmath>

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
    m_text = text;
    const int width = int(std::ceil(m_texts.text(text, font()).size().width()));
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
    painter.fillRect(rect(), palette().brush(backgroundRole()));
    painter.setPen(m_color.isValid() ? m_color : palette().color(foregroundRole()));
    painter.setFont(font());
    const QStaticText &laidOut = m_texts.text(m_text, font());
    const QSizeF size = laidOut.size();
    const QRectF box = rect();
    const qreal x = m_alignment & Qt::AlignRight ? box.right() + 1 - size.width()
        : m_alignment & Qt::AlignHCenter         ? (box.width() - size.width()) / 2
                                                 : 0;
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
