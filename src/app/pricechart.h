#pragma once

#include "bithumbticker/pricehistory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

namespace ticker {

// The line chart of one market: the last 5 minutes, hour or day of its PriceHistory,
// decimated (M4) to four points per pixel column, so a paint costs the width of the widget,
// not the length of the history. Price labels at the right and clock times at the bottom fall
// on round values; hovering shows a crosshair and the exact time and price of the nearest
// tick. New ticks repaint at most once a frame, and not at all while the window is hidden or
// minimised (showing it again paints it fresh).
class PriceChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 fiveMinutesMs = 5 * 60 * 1000;
    static constexpr qint64 oneHourMs = 60 * 60 * 1000;
    static constexpr qint64 oneDayMs = PriceHistory::windowMs;

    explicit PriceChart(QWidget *parent = nullptr);

    void setHistory(const PriceHistory *history); // not owned; null shows nothing
    const PriceHistory *history() const { return m_history; }
    void historyChanged(); // new ticks: repaint within a frame
    void setSpanMs(qint64 spanMs);
    qint64 spanMs() const { return m_spanMs; }
    void setFrameIntervalMs(int ms) { m_frameTimer.setInterval(ms); }

    // What the last paint showed, for tests.
    std::size_t drawnPoints() const { return m_drawnPoints; }
    int paintCount() const { return m_paintCount; }
    QString hoverText() const { return m_hoverText; } // empty when not hovering a point
    QStringList timeLabels() const { return m_timeLabels; }
    QStringList priceLabels() const { return m_priceLabels; }

    QSize sizeHint() const override { return {480, 200}; }
    QSize minimumSizeHint() const override { return {220, 110}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    const PriceHistory *m_history = nullptr;
    qint64 m_spanMs = fiveMinutesMs;
    QTimer m_frameTimer;
    QPointer<QWidget> m_watchedWindow; // whose minimising this chart follows
    bool m_missedChanges = false;      // ticks came while nothing could be seen
    std::optional<double> m_hoverX;
    std::size_t m_drawnPoints = 0;
    int m_paintCount = 0;
    QString m_hoverText;
    QStringList m_timeLabels;
    QStringList m_priceLabels;
};

} // namespace ticker
