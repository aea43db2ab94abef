#pragma once

#include "bithumbticker/marketcatalog.h"

#include <QWidget>

#include <functional>
#include <vector>

class QAbstractItemView;
class QCompleter;
class QLineEdit;
class QToolButton;

namespace ticker {

class MarketFilterModel;
class MarketListModel;

// Where the user picks a market: a line to type in and the catalogue under it, filtered as one
// types (symbol, Korean or English name, 초성; see MarketQuery), best match first. Works from
// the keyboard alone: focus, type, ↓/↑ through the list, Enter. Enter takes the highlighted
// market; with none highlighted, what the text names (chooseMarket): a market spelling, a
// symbol, a whole name, or the only market it finds; anything else is refused with a reason.
class MarketPicker : public QWidget
{
    Q_OBJECT
public:
    explicit MarketPicker(QWidget *parent = nullptr);
    ~MarketPicker() override;

    // A new catalogue (a refresh). The current market stays current, listed or not.
    void setEntries(std::vector<MarketCatalog::Entry> entries);
    const std::vector<MarketCatalog::Entry> &entries() const;

    // Shows this market as the current one, without emitting marketChosen.
    void setCurrentMarket(const MarketId &market);
    MarketId currentMarket() const { return m_current; }

    // Per-market tooltip in the list (the window's "last trade N s ago"), kept across refreshes.
    void setMarketToolTip(const MarketId &market, const QString &text);
    QString marketToolTip(const MarketId &market) const;
    // Or a function asked on hover only (see MarketListModel::setToolTipSource).
    void setMarketToolTipSource(std::function<QString(const MarketId &)> source);

    // On (the default): a well-spelled market the catalogue does not list is refused. Off: it
    // is chosen all the same (for a catalogue known to be partial, like the bundled list).
    void setRefusesUnlisted(bool refuses) { m_refusesUnlisted = refuses; }
    bool refusesUnlisted() const { return m_refusesUnlisted; }

    // Opens the list: what the typed text finds, or the whole catalogue.
    void showPopup();

    QLineEdit *lineEdit() const { return m_edit; }
    QAbstractItemView *popup() const; // the list under the line
    MarketListModel *marketModel() const { return m_model; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void marketChosen(const ticker::MarketId &market);
    void refused(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filterBy(const QString &query);
    void updatePopup();
    void chooseTyped();
    void choose(const MarketId &market);
    void showCurrent();

    QLineEdit *m_edit;
    QToolButton *m_button;
    MarketListModel *m_model;
    MarketFilterModel *m_filter;
    QCompleter *m_completer;
    MarketId m_current;
    int m_popupWidth = 0;
    bool m_editing = false; // the text is the user's, not the current market's label
    bool m_refusesUnlisted = true;
};

} // namespace ticker
