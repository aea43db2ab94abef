#pragma once

#include "statictextcache.h"

#include <QColor>
#include <QWidget>

namespace ticker {

// A one-line text that changes often (a price, an age). Unlike QLabel, new text repaints only
// this widget, and of it only the characters that changed when the text keeps its width: the
// window is laid out again only when the text outgrows the room it has had, so a tick costs a
// small paint, not a relayout. Its colour is a value, not a style sheet.
// Texts are laid out once and kept (a price goes back and forth between a few): measuring one
// and painting it shape it once between them, or not at all when it was seen before. It paints
// its own background (the parent's role), so the widget behind it is not painted too.
class ValueLabel : public QWidget
{
    Q_OBJECT
public:
    explicit ValueLabel(QWidget *parent = nullptr, qreal pointSizeFactor = 1, bool bold = false);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setColor(const QColor &color); // invalid: the palette's text colour
    QColor color() const { return m_color; }
    void setAlignment(Qt::Alignment alignment) { m_alignment = alignment; }

    // What the last paint covered, for tests.
    QRect lastPaintRect() const { return m_lastPaintRect; }
    int paintCount() const { return m_paintCount; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QRect changedRect(const QString &old, const QString &now);
    qreal textLeft(qreal textWidth) const;

    QString m_text;
    StaticTextCache m_texts;
    QColor m_color;
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignVCenter;
    int m_widestText = 0; // the room asked for so far: it only grows
    QRect m_lastPaintRect;
    int m_paintCount = 0;
};

} // namespace ticker
