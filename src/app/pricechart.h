#pragma once

#include "bithumbticker/pricehistory.h"

#include <QWidget>

namespace ticker {

// The live line chart of one market: the last 5 minutes, hour or day of its PriceHistory,
// decimated (M4) to four points per pixel column, so a paint costs the width of the widget,
// not the length of the history. Repaints go through update(), which Qt merges into one paint
// per frame and skips while the window is hidden.
class PriceChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 fiveMinutesMs = 5 * 60 * 1000;
    static constexpr qint64 oneHourMs = 60 * 60 * 1000;
    static constexpr qint64 oneDayMs = PriceHistory::windowMs;

    explicit PriceChart(QWidget *parent = nullptr);

    void setHistory(const PriceHistory *history); // not owned; null shows nothing
    void historyChanged() { update(); }
    void setSpanMs(qint64 spanMs);
    qint64 spanMs() const { return m_spanMs; }
    std::size_t drawnPoints() const { return m_drawnPoints; } // in the last paint

    QSize sizeHint() const override { return {480, 180}; }
    QSize minimumSizeHint() const override { return {200, 100}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const PriceHistory *m_history = nullptr;
    qint64 m_spanMs = fiveMinutesMs;
    std::size_t m_drawnPoints = 0;
};

} // namespace ticker
