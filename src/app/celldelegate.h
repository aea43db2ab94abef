#pragma once

#include "statictextcache.h"

#include <QStyledItemDelegate>

namespace ticker {

// Paints a table cell of one line of text, as a ticker's cells are, for a fraction of what
// QStyledItemDelegate's style machinery costs: the row's background (selected, alternate, or
// the model's BackgroundRole), the text elided in the model's colour and alignment. Cells that
// change many times a second are where that difference is felt; their texts are laid out once
// and kept (StaticTextCache), so a price seen before costs only its glyphs.
class CellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

protected:
    // The background of the cell, and the colour text on it should have.
    QColor paintBackground(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

private:
    mutable StaticTextCache m_texts;
};

} // namespace ticker
