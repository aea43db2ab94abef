#pragma once

#include <QPoint>
#include <QWidget>

class QGridLayout;
class QMenu;
class QTimer;

namespace ticker {

class MarketStore;
class ValueLabel;

// A small frameless window that stays on top: the shown market's symbol, price, change (Korean
// colours), age and status, from the same MarketStore and present() as MainWindow. Dragged
// with the mouse; a double-click asks for the full window; right-click shows its menu.
// Hidden, it does nothing per tick and catches up when shown; a label is repainted only
// when its text or colour changed (ValueLabel).
class CompactWindow : public QWidget
{
    Q_OBJECT
public:
    explicit CompactWindow(MarketStore *store, QWidget *parent = nullptr);

    void setTranslucent(bool on);
    void setContextMenu(QMenu *menu) { m_menu = menu; } // shown on right-click

    QString symbolText() const;
    QString priceText() const;
    QString quoteText() const;
    QString changeText() const;
    QColor changeColor() const;
    QString ageText() const;
    QString statusText() const;                      // whole; the window shows as much as fits
    int refreshCount() const { return m_refreshes; } // how often it looked at the store

    static constexpr double translucentOpacity = 0.8;

Q_SIGNALS:
    void fullWindowRequested();
    // Dropped after a drag: where, on which screen (its name), to remember.
    void moved(const QString &screenName, const QPoint &position);
    void seenChanged(bool seen); // shown or hidden

public Q_SLOTS:
    void refresh();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    MarketStore *m_store;
    QGridLayout *m_layout;
    ValueLabel *m_symbol;
    ValueLabel *m_status;
    ValueLabel *m_price;
    ValueLabel *m_quote;
    ValueLabel *m_change;
    ValueLabel *m_age;
    QTimer *m_ageTimer;
    QMenu *m_menu = nullptr;
    QPoint m_dragOffset;
    bool m_dragging = false;
    bool m_dragged = false;
    bool m_missed = false; // the store changed while hidden
    int m_refreshes = 0;
};

} // namespace ticker
