#pragma once

#include <QIcon>
#include <QObject>
#include <QString>

class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace ticker {

class MarketStore;

// The tray's view of the shown market: its price and change in the tooltip (present()'s
// words, as the window's), optionally the price drawn into the icon. A tick only marks it
// dirty; it looks again at most once a second and touches the icon only when its text changed,
// so an idle or hidden app costs nothing per tick here.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultRefreshMs = 1000;

    explicit TrayIcon(const MarketStore *store, QObject *parent = nullptr);
    ~TrayIcon() override;

    QSystemTrayIcon *icon() const { return m_icon; }
    void setMenu(QMenu *menu);
    void setShowsPrice(bool on);
    bool showsPrice() const { return m_showsPrice; }
    QString toolTip() const { return m_toolTip; }
    QString iconText() const { return m_iconText; } // drawn into the icon; empty: the app's icon
    bool isRefreshPending() const;
    void setRefreshMs(int ms); // tests

Q_SIGNALS:
    void toolTipChanged(const QString &toolTip);
    void activated(); // clicked: show or hide the window

private:
    void schedule();
    void refresh();
    QIcon priceIcon(const QString &text, const QColor &background) const;

    const MarketStore *m_store;
    QSystemTrayIcon *m_icon;
    QTimer *m_refresh;
    QIcon m_appIcon;
    QString m_toolTip;
    QString m_iconText;
    QColor m_iconColor;
    bool m_showsPrice = false;
};

} // namespace ticker
