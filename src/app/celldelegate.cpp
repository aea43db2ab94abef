#include "celldelegate.h"

#include <QPainter>

#include <cmath>

namespace ticker {

namespace {

constexpr int padding = 4;

// A translucent colour (a flash) on the row's opaque one, mixed here: one opaque fill costs a
// fraction of blending a translucent one over the row's.
QColor over(const QColor &top, const QColor &below)
{
    const float a = top.alphaF();
    const auto mix = [a](float t, float b) { return a * t + (1 - a) * b; };
    return QColor::fromRgbF(mix(top.redF(), below.redF()), mix(top.greenF(), below.greenF()),
        mix(top.blueF(), below.blueF()));
}

} // namespace

QColor CellDelegate::paintBackground(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group
        = option.state.testFlag(QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    if (selected) {
        painter->fillRect(option.rect, palette.brush(group, QPalette::Highlight));
        return palette.color(group, QPalette::HighlightedText);
    }
    const bool alternate = option.features.testFlag(QStyleOptionViewItem::Alternate);
    const QColor row = palette.color(group, alternate ? QPalette::AlternateBase : QPalette::Base);
    const QVariant background = index.data(Qt::BackgroundRole);
    if (background.canConvert<QColor>())
        painter->fillRect(option.rect, over(background.value<QColor>(), row));
    else if (alternate)
        painter->fillRect(option.rect, row);
    const QVariant foreground = index.data(Qt::ForegroundRole);
    return foreground.canConvert<QColor>() && foreground.value<QColor>().isValid()
        ? foreground.value<QColor>()
        : palette.color(group, QPalette::Text);
}

void CellDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QColor text = paintBackground(painter, option, index);
    const QString display = index.data(Qt::DisplayRole).toString();
    if (display.isEmpty())
        return;
    const QRect area = option.rect.adjusted(padding, 0, -padding, 0);
    const QVariant alignment = index.data(Qt::TextAlignmentRole);
    const int flags
        = alignment.isValid() ? alignment.toInt() : int(Qt::AlignLeft | Qt::AlignVCenter);
    painter->setPen(text);
    painter->setFont(option.font);
    const QStaticText &laidOut = m_texts.text(display, option.font);
    const QSizeF size = laidOut.size();
    if (size.width() > area.width()) { // too wide: elided, the long way
        painter->drawText(area, flags | Qt::TextSingleLine,
            option.fontMetrics.elidedText(display, Qt::ElideRight, area.width()));
        return;
    }
    const qreal x = flags & Qt::AlignRight ? area.right() + 1 - size.width()
        : flags & Qt::AlignHCenter         ? area.left() + (area.width() - size.width()) / 2
                                           : area.left();
    const qreal y = area.top() + std::round((area.height() - size.height()) / 2);
    painter->drawStaticText(QPointF(x, y), laidOut);
}

} // namespace ticker
