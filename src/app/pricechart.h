#pragma once

#include "bithumbticker/pricehistory.h"
#include "chartcolumns.h"
#include "frameclock.h"
#include "statictextcache.h"

#include <QPixmap>
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
//
// What a quiet feed costs: the time axis moves in whole columns (the view ends a few columns
// past the newest tick and scrolls when a tick passes its end), each column's M4 is kept
// (ChartColumns) and only the columns new ticks fall in are summarised again, and a tick that
// neither scrolls the view nor leaves the price range repaints only the strip from the column
// before it to the end of its own, over a cached picture of the grid and axes. A history shorter
// than the range fills the width from its oldest point and zooms out in steps as it grows. The
// price before the view holds until the view's first tick, so the line starts at the left edge
// at that price (after a quiet spell the chart is not empty), and that price is the range's
// opening.
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
    void historyChanged(); // new ticks: repaint on the next frame
    void setSpanMs(qint64 spanMs);
    qint64 spanMs() const { return m_spanMs; }
    // The window's beat, shared with its other views (default: one of the chart's own).
    void setFrameClock(FrameClock *clock);
    void setFrameIntervalMs(int ms) { m_frameClock->setIntervalMs(ms); }

    // What the last paint showed, for tests.
    std::size_t drawnPoints() const { return m_layout.valid ? m_columns.m4Count() : 0; }
    int paintCount() const { return m_paintCount; }
    QRect lastPaintRect() const { return m_lastPaintRect; } // the bounding rect of its region
    QString hoverText() const { return m_hoverText; }       // empty when not hovering a point
    QStringList timeLabels() const { return m_layout.timeLabels; }
    QStringList priceLabels() const { return m_layout.priceLabels; }
    // The view: its columns' M4 points, and the time grid they sit on.
    std::vector<PricePoint> columnPoints() const { return m_columns.m4(); }
    qint64 viewStartMs() const { return m_columns.startMs(); }
    qint64 viewEndMs() const { return m_columns.endMs(); } // exclusive
    int columnCount() const { return m_columns.size(); }
    // The last tick before the view, whose price the line carries in from the left edge.
    std::optional<PricePoint> carriedIn() const { return m_carried; }

    QSize sizeHint() const override { return {480, 200}; }
    QSize minimumSizeHint() const override { return {220, 110}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // What the picture depends on besides the columns' points; any change repaints all.
    struct Layout
    {
        bool valid = false; // false: the waiting text
        QRectF plot;
        double low = 0, high = 0; // the price range, padded
        double opening = 0;       // the first price in view: the dashed line
        int trend = 0;            // the sign of newest − opening: the line's colour
        bool dense = false;       // a hairline for many points
        std::vector<double> priceValues;
        QStringList priceLabels;
        double labelWidth = 0;
        std::vector<qint64> timeValues;
        QStringList timeTickLabels; // one a value; empty where an edge would cut it
        std::vector<QRectF> timeLabelBoxes;
        QStringList timeLabels; // those drawn
    };

    void frame();
    QRegion sync(); // brings columns and layout up to the history; returns what to repaint
    int wantedColumns();
    int leadColumns(int columns) const;
    void resetGrid(int columns);
    bool carryIn(); // whether the price carried in changed
    double openingPrice() const;
    void relayout();
    bool layoutStillFits(int from, int to) const;
    QRectF columnsRect(int from, int to) const;
    void paintSeries(QPainter &painter, const QRect &region, const QColor &color);
    void paintBackground(QPainter &painter);

    const PriceHistory *m_history = nullptr;
    qint64 m_spanMs = fiveMinutesMs;
    FrameClock *m_frameClock;
    bool m_changed = false;            // ticks wait for the frame
    QPointer<QWidget> m_watchedWindow; // whose minimising this chart follows
    bool m_missedChanges = false;      // ticks came while nothing could be seen
    std::optional<double> m_hoverX;
    ChartColumns m_columns;
    std::optional<PricePoint> m_carried;
    qint64 m_gridSpanMs = 0;
    bool m_regrid = true;   // a new history or range: the columns start again
    bool m_relayout = true; // a new size or font
    int m_guessDigits = -1; // the newest price's digits, and the width its text takes
    double m_guessWidth = 0;
    Layout m_layout;
    // The layout's grid, axis labels and opening line, drawn once a layout: a strip paint
    // copies its part instead of stroking dotted lines again (11% of a quiet feed's GUI thread).
    QPixmap m_background;
    StaticTextCache m_axisTexts;
    int m_paintCount = 0;
    QRect m_lastPaintRect;
    QString m_hoverText;
};

} // namespace ticker
