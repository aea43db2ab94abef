#pragma once

#include <QWidget>

#include <deque>

namespace ticker {

// A small live line chart of the recent prices of one market. It keeps at most `capacity`
// points, so painting costs the same after a minute or a week.
class PriceChart : public QWidget
{
    Q_OBJECT
public:
    struct Point
    {
        qint64 timeMs;
        double price;
    };
    using Points = std::deque<Point>;
    static constexpr std::size_t capacity = 600;

    explicit PriceChart(QWidget *parent = nullptr);

    void setPoints(const Points &points);
    const Points &points() const { return m_points; }

    // Appends to a bounded series, dropping the oldest point at the cap.
    static void appendBounded(Points &points, Point point);

    QSize sizeHint() const override { return {480, 180}; }
    QSize minimumSizeHint() const override { return {200, 100}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Points m_points;
};

} // namespace ticker
