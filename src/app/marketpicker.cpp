#include "marketpicker.h"

#include "marketfiltermodel.h"
#include "marketlistmodel.h"
#include "tickcolors.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QHBoxLayout>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolButton>

#include <functional>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

// QCompleter makes the first row whose text starts with its prefix current, and Enter takes
// the current row even when nothing is highlighted. No label starts with a control character,
// so with this prefix only a row the user moved to is current.
const QString noPrefix = u"\u0001"_s;

// A line edit that also reports the text being composed by an input method: typing ㅂㅌ on a
// Korean keyboard leaves ㅌ in composition, outside text(), until the next key.
class QueryEdit : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;
    std::function<void(const QString &)> composing;

protected:
    void inputMethodEvent(QInputMethodEvent *event) override
    {
        const QString preedit = event->preeditString();
        QLineEdit::inputMethodEvent(event);
        // Also when a composition ends without a commit, so the query loses it too.
        if (composing && !(preedit.isEmpty() && m_preedit.isEmpty())) {
            QString query = text();
            query.insert(cursorPosition(), preedit);
            composing(query);
        }
        m_preedit = preedit;
    }

private:
    QString m_preedit;
};

// A row of the list: the symbol in bold, then the names, a caution mark at the right in amber.
class MarketRowDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.text.clear(); // the background, selection and focus as the style draws them
        const QWidget *widget = opt.widget;
        const QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QString label = index.data(Qt::EditRole).toString();
        const QString symbol = label.section(separator, 0, 0);
        const QString names = label.mid(symbol.size());
        QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
        text.adjust(2, 0, -2, 0);
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        if (index.data(MarketListModel::CautionRole).toBool()) {
            const QString mark = MarketListModel::cautionMark();
            if (!selected)
                painter->setPen(cautionColor(opt.palette));
            painter->setFont(opt.font);
            painter->drawText(text, Qt::AlignVCenter | Qt::AlignRight, mark);
            text.setRight(text.right() - opt.fontMetrics.horizontalAdvance(mark) - 8);
            painter->setPen(
                opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        }
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, symbol);
        text.setLeft(text.left() + QFontMetrics(bold).horizontalAdvance(symbol));
        painter->setFont(opt.font);
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
            opt.fontMetrics.elidedText(names, Qt::ElideRight, text.width()));
        painter->restore();
    }

private:
    const QString separator = u" · "_s;
};

} // namespace

MarketPicker::MarketPicker(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QueryEdit(this))
    , m_button(new QToolButton(this))
    , m_model(new MarketListModel(this))
    , m_filter(new MarketFilterModel(m_model, this))
    , m_completer(new QCompleter(m_filter, this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_button);
    m_edit->setPlaceholderText(tr("Market: BTC, 비트코인, Bitcoin, ㅂㅌ…"));
    m_edit->setToolTip(tr("Type a symbol (BTC, KRW-BTC), a Korean or English name, or its "
                          "initial consonants (ㅂㅌ); ↓ and Enter to pick"));
    m_edit->setClearButtonEnabled(false);
    m_button->setArrowType(Qt::DownArrow);
    m_button->setAutoRaise(true);
    m_button->setFocusPolicy(Qt::NoFocus); // the keyboard has ↓ in the line
    m_button->setToolTip(tr("All markets"));
    setFocusProxy(m_edit);
    setFocusPolicy(Qt::StrongFocus);

    auto *list = new QListView;
    list->setUniformItemSizes(true); // ~500 rows of one line each: no per-row layout
    list->setTextElideMode(Qt::ElideRight);
    m_completer->setPopup(list);
    list->setItemDelegate(new MarketRowDelegate(list)); // after: setPopup sets its own
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(m_edit); // not setCompleter: the line keeps what the user typed
    m_completer->setCompletionPrefix(noPrefix);

    m_edit->installEventFilter(this);
    static_cast<QueryEdit *>(m_edit)->composing = [this](const QString &query) {
        m_editing = true;
        filterBy(query);
    };
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_editing = true;
        filterBy(text);
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        // A highlighted row: the completer activates it right after this.
        if (popup()->isVisible() && popup()->currentIndex().isValid())
            return;
        chooseTyped();
    });
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        [this](const QModelIndex &index) {
            choose(index.data(MarketListModel::MarketRole).value<MarketId>());
        });
    connect(m_button, &QToolButton::clicked, this, [this] {
        m_edit->setFocus(Qt::OtherFocusReason);
        showPopup();
    });
}

MarketPicker::~MarketPicker()
{
    // Children go after this object: nothing of theirs may call back into it.
    m_edit->removeEventFilter(this);
    static_cast<QueryEdit *>(m_edit)->composing = nullptr;
    m_edit->disconnect(this);
    m_completer->disconnect(this);
}

const std::vector<MarketCatalog::Entry> &MarketPicker::entries() const
{
    return m_model->entries();
}

QAbstractItemView *MarketPicker::popup() const
{
    return m_completer->popup();
}

void MarketPicker::setEntries(std::vector<MarketCatalog::Entry> entries)
{
    m_model->setEntries(std::move(entries));
    // Wide enough for the longest line, measured once per catalogue rather than per keystroke.
    const QFontMetrics metrics(popup()->font());
    int widest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        widest = std::max(widest,
            metrics.horizontalAdvance(m_model->index(row).data(Qt::DisplayRole).toString()));
    m_popupWidth = widest + 2 * popup()->frameWidth()
        + popup()->verticalScrollBar()->sizeHint().width() + metrics.averageCharWidth() * 2;
    if (m_editing)
        updatePopup();
    else
        showCurrent(); // names follow the latest catalogue
}

void MarketPicker::setCurrentMarket(const MarketId &market)
{
    m_current = market;
    m_editing = false;
    popup()->hide();
    showCurrent();
}

void MarketPicker::setMarketToolTip(const MarketId &market, const QString &text)
{
    m_model->setToolTip(market, text);
}

QString MarketPicker::marketToolTip(const MarketId &market) const
{
    return m_model->toolTip(market);
}

void MarketPicker::setMarketToolTipSource(std::function<QString(const MarketId &)> source)
{
    m_model->setToolTipSource(std::move(source));
}

void MarketPicker::showPopup()
{
    filterBy(m_editing ? m_edit->text() : QString());
    if (m_filter->rowCount() > 0 && !popup()->currentIndex().isValid())
        popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

QSize MarketPicker::sizeHint() const
{
    const QSize hint = QWidget::sizeHint();
    // Room for "BTC · 비트코인 · Bitcoin" and longer names.
    return {std::max(hint.width(), fontMetrics().averageCharWidth() * 30), hint.height()};
}

bool MarketPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::KeyPress: {
        // Only with the list closed: while it is open, the completer has the keys.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (popup()->isVisible())
            break;
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            showPopup();
            return true;
        }
        if (key->matches(QKeySequence::Cancel) && m_editing) {
            m_editing = false;
            showCurrent();
            return true;
        }
        break;
    }
    case QEvent::FocusIn:
        if (static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason)
            QTimer::singleShot(0, m_edit, &QLineEdit::selectAll); // after a click placed the cursor
        break;
    case QEvent::FocusOut:
        // Leaving without choosing puts the current market back.
        if (static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason
            && !popup()->isVisible() && m_editing) {
            m_editing = false;
            showCurrent();
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void MarketPicker::filterBy(const QString &query)
{
    m_filter->setQuery(query);
    updatePopup();
}

void MarketPicker::updatePopup()
{
    if (m_filter->rowCount() == 0) {
        popup()->hide();
        return;
    }
    if (!m_edit->hasFocus() && !popup()->isVisible())
        return;
    m_completer->complete(QRect(0, 0, std::max(m_edit->width(), m_popupWidth), m_edit->height()));
}

void MarketPicker::chooseTyped()
{
    const QString typed = m_edit->text().trimmed();
    const MarketChoice choice = chooseMarket(m_model->entries(), typed);
    switch (choice.outcome) {
    case MarketChoice::Outcome::Chosen:
        choose(choice.market);
        return;
    case MarketChoice::Outcome::Empty:
        m_editing = false;
        showCurrent();
        return;
    case MarketChoice::Outcome::NotListed:
        if (!m_refusesUnlisted) {
            choose(choice.market);
            return;
        }
        Q_EMIT refused(tr("%1 is not listed on Bithumb").arg(typed));
        return;
    case MarketChoice::Outcome::NoMatch:
        Q_EMIT refused(tr("No market is called “%1”: type a symbol (BTC or KRW-BTC), a Korean "
                          "or English name, or its initial consonants (ㅂㅌ)")
                           .arg(typed));
        return;
    case MarketChoice::Outcome::Ambiguous:
        Q_EMIT refused(
            tr("“%1” matches %n markets: pick one with ↓ and Enter", nullptr, choice.matches)
                .arg(typed));
        return;
    }
}

void MarketPicker::choose(const MarketId &market)
{
    if (!market.isValid())
        return;
    m_current = market;
    m_editing = false;
    popup()->hide();
    showCurrent();
    Q_EMIT marketChosen(market);
}

void MarketPicker::showCurrent()
{
    m_filter->setQuery({});
    const int row = m_current.isValid() ? m_model->rowOf(m_current) : -1;
    m_edit->setText(row >= 0      ? m_model->label(row)
            : m_current.isValid() ? m_current.toV1()
                                  : QString());
    m_edit->setCursorPosition(0);
    m_edit->setModified(false);
}

} // namespace ticker
