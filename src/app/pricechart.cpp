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
{ }

void PriceChart::setHistory(const PriceHistory *history)
{
    m_history = history;
    update();
}

void PriceChart::setSpanMs(qint64 spanMs)
{
    m_spanMs = spanMs;
    update();
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

    std::vector<PricePoint> points;
    qint64 t0 = 0, t1 = 0;
    if (m_history && !m_history->isEmpty() && plot.width() >= 10 && plot.height() >= 10) {
        t1 = m_history->newest().timeMs;
        // A history shorter than the range fills the width instead of hugging its right edge.
        t0 = std::max(t1 - m_spanMs, m_history->at(0).timeMs);
        const int columns = int(plot.width() * devicePixelRatioF());
        points = decimateM4(m_history->range(t0, t1), t0, t1, columns);
    }
    m_drawnPoints = points.size();
    if (points.size() < 2) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
            points.empty() ? tr("Waiting for the first tick…") : tr("Waiting for more ticks…"));
        return;
    }

    // M4 keeps every column's extremes, so these are the range's true high and low.
    const auto [lowIt, highIt] = std::minmax_element(
        points.begin(), points.end(), [](auto a, auto b) { return a.price < b.price; });
    double low = lowIt->price, high = highIt->price;
    if (high - low < high * 1e-9) { // a flat line sits in the middle
        low -= std::max(1e-9, high * 0.001);
        high += std::max(1e-9, high * 0.001);
    }
    const double span = std::max(1.0, double(t1 - t0));
    const auto toPoint = [&](const PricePoint &p) {
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
    const qint64 shownSeconds = (t1 - t0) / 1000;
    const QString rangeName = m_spanMs >= oneDayMs ? tr("last 24 h")
        : m_spanMs >= oneHourMs                    ? tr("last hour")
                                                   : tr("last 5 min");
    const QString window = t1 - t0 >= m_spanMs ? rangeName
        : shownSeconds < 120                   ? tr("last %1 s").arg(shownSeconds)
                                               : tr("last %1 min").arg(shownSeconds / 60);
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height()),
        Qt::AlignLeft | Qt::AlignTop, window);

    // The range's opening price, for reference.
    const double opening = points.front().price;
    const double openingY = plot.bottom() - (opening - low) / (high - low) * plot.height();
    painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
    painter.drawLine(QPointF(plot.left(), openingY), QPointF(plot.right(), openingY));

    QPainterPath line;
    line.moveTo(toPoint(points.front()));
    for (auto it = std::next(points.begin()); it != points.end(); ++it)
        line.lineTo(toPoint(*it));

    const double move = points.back().price - opening;
    const QColor color = move > 0 ? risingColor()
        : move < 0                ? fallingColor()
                                  : pal.color(QPalette::Text);
    QPainterPath area = line;
    area.lineTo(toPoint(points.back()).x(), plot.bottom());
    area.lineTo(toPoint(points.front()).x(), plot.bottom());
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
    painter.drawEllipse(toPoint(points.back()), 3, 3);
}

} // namespace ticker
