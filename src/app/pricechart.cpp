#include "pricechart.h"

#include "tickcolors.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ticker {

PriceChart::PriceChart(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void PriceChart::appendBounded(Points &points, Point point)
{
    points.push_back(point);
    while (points.size() > capacity)
        points.pop_front();
}

void PriceChart::setPoints(const Points &points)
{
    m_points = points;
    update(); // Qt merges the updates of one event loop pass into a single paint
}

void PriceChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());

    const QFontMetrics metrics(font());
    const int labelWidth = metrics.horizontalAdvance(u"000,000,000.0000"_s);
    const QRectF plot = QRectF(rect()).adjusted(8, 10, -labelWidth - 12, -metrics.height() - 10);

    if (m_points.size() < 2 || plot.width() < 10 || plot.height() < 10) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
            m_points.empty() ? tr("Waiting for the first tick…") : tr("Waiting for more ticks…"));
        return;
    }

    const auto [lowIt, highIt] = std::minmax_element(
        m_points.begin(), m_points.end(), [](auto a, auto b) { return a.price < b.price; });
    double low = lowIt->price, high = highIt->price;
    if (high - low < high * 1e-9) { // a flat line sits in the middle
        low -= std::max(1e-9, high * 0.001);
        high += std::max(1e-9, high * 0.001);
    }
    const qint64 t0 = m_points.front().timeMs;
    const double span = std::max<double>(1, double(m_points.back().timeMs - t0));
    const auto toPoint = [&](const Point &p) {
        return QPointF(plot.left() + double(p.timeMs - t0) / span * plot.width(),
            plot.bottom() - (p.price - low) / (high - low) * plot.height());
    };

    // Grid: the high, the low and the middle, labelled at the right.
    const QLocale locale;
    painter.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
    for (int i = 0; i <= 2; ++i) {
        const double y = plot.top() + plot.height() * i / 2.0;
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    painter.setPen(pal.color(QPalette::PlaceholderText));
    // Enough fraction digits to tell the three labels apart, and no float noise beyond that.
    const int labelDecimals
        = std::clamp(int(std::ceil(-std::log10((high - low) / 2.0))) + 1, 0, 10);
    for (int i = 0; i <= 2; ++i) {
        const double y = plot.top() + plot.height() * i / 2.0;
        const double value = high - (high - low) * i / 2.0;
        const QRectF box(
            plot.right() + 6, y - metrics.height() / 2.0, labelWidth, metrics.height());
        painter.drawText(
            box, Qt::AlignLeft | Qt::AlignVCenter, locale.toString(value, 'f', labelDecimals));
    }
    const qint64 seconds = qint64(span / 1000);
    const QString window
        = seconds < 120 ? tr("last %1 s").arg(seconds) : tr("last %1 min").arg(seconds / 60);
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height()),
        Qt::AlignLeft | Qt::AlignTop, window);

    QPainterPath line;
    line.moveTo(toPoint(m_points.front()));
    for (auto it = std::next(m_points.begin()); it != m_points.end(); ++it)
        line.lineTo(toPoint(*it));

    const double move = m_points.back().price - m_points.front().price;
    const QColor color = move > 0 ? risingColor()
        : move < 0                ? fallingColor()
                                  : pal.color(QPalette::Text);
    QPainterPath area = line;
    area.lineTo(plot.right(), plot.bottom());
    area.lineTo(plot.left(), plot.bottom());
    area.closeSubpath();
    QLinearGradient fill(plot.topLeft(), plot.bottomLeft());
    QColor top = color;
    top.setAlpha(70);
    QColor bottom = color;
    bottom.setAlpha(0);
    fill.setColorAt(0, top);
    fill.setColorAt(1, bottom);
    painter.fillPath(area, fill);
    painter.setPen(QPen(color, 2));
    painter.drawPath(line);
    painter.setBrush(color);
    painter.drawEllipse(toPoint(m_points.back()), 3, 3);
}

} // namespace ticker
