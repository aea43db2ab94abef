#include "pricechart.h"

#include "bithumbticker/priceformat.h"
#include "chartaxes.h"
#include "tickcolors.h"

#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr int frameMs = 16; // ~60 Hz

// The exact decimal a stored double came from: the shortest text that reads back as it.
QString exactPrice(double price, const QLocale &locale)
{
    return formatPrice(QString::number(price, 'f', QLocale::FloatingPointShortest), price, locale);
}

// Where a time and a price land in the plot.
struct Frame
{
    QRectF plot;
    qint64 t0, t1;
    double low, high;

    double x(qint64 t) const
    {
        return plot.left() + double(t - t0) / std::max(1.0, double(t1 - t0)) * plot.width();
    }
    double y(double price) const
    {
        return plot.bottom() - (price - low) / (high - low) * plot.height();
    }
    QPointF at(const PricePoint &p) const { return {x(p.timeMs), y(p.price)}; }
};

void drawPriceAxis(QPainter &painter, const Frame &frame, const std::vector<double> &values,
    const QStringList &labels, double labelWidth, const QPalette &palette)
{
    const QFontMetricsF metrics(painter.font());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double y = frame.y(values[i]);
        painter.setPen(QPen(palette.color(QPalette::Mid), 1, Qt::DotLine));
        painter.drawLine(QPointF(frame.plot.left(), y), QPointF(frame.plot.right(), y));
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(frame.plot.right() + 8, y - metrics.height() / 2, labelWidth + 8,
                             metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter, labels[qsizetype(i)]);
    }
}

// Clock times at the bottom, on round local times; returns the labels drawn.
QStringList drawTimeAxis(
    QPainter &painter, const Frame &frame, double rightEdge, const QPalette &palette)
{
    const QFontMetricsF metrics(painter.font());
    const QLocale locale;
    const qint64 utcOffsetMs = QDateTime::fromMSecsSinceEpoch(frame.t1).offsetFromUtc() * 1000LL;
    const double labelWidth = metrics.horizontalAdvance(u"00:00:00"_s) + 28;
    const qint64 step
        = timeStepMs(frame.t1 - frame.t0, std::max(1, int(frame.plot.width() / labelWidth)));
    const QString format = step < 60'000 ? u"HH:mm:ss"_s : u"HH:mm"_s;
    QStringList drawn;
    for (const qint64 t : timeTicks(frame.t0, frame.t1, step, utcOffsetMs)) {
        const double x = frame.x(t);
        painter.setPen(QPen(palette.color(QPalette::Mid), 1, Qt::DotLine));
        painter.drawLine(QPointF(x, frame.plot.top()), QPointF(x, frame.plot.bottom()));
        const QString label = locale.toString(QDateTime::fromMSecsSinceEpoch(t), format);
        const double half = metrics.horizontalAdvance(label) / 2;
        if (x - half < 0 || x + half > rightEdge)
            continue; // a label cut by the edge says nothing
        drawn.append(label);
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(x - half, frame.plot.bottom() + 4, 2 * half, metrics.height()),
            Qt::AlignCenter, label);
    }
    return drawn;
}

// The line over a gradient fill, then a dot on the newest point.
void drawSeries(QPainter &painter, const Frame &frame, const std::vector<PricePoint> &points,
    const QColor &color, qreal dpr)
{
    // The fill follows the top of each device pixel column, not the line's zigzag: a polygon
    // whose edges span the plot's height costs the rasterizer every edge on every scanline.
    QPolygonF area;
    for (const PricePoint &point : points) {
        const QPointF at = frame.at(point);
        if (!area.isEmpty() && std::floor(area.back().x() * dpr) == std::floor(at.x() * dpr))
            area.back().setY(std::min(area.back().y(), at.y()));
        else
            area.append(at);
    }
    area.append(QPointF(area.back().x(), frame.plot.bottom()));
    area.append(QPointF(area.front().x(), frame.plot.bottom()));
    QLinearGradient fill(frame.plot.topLeft(), frame.plot.bottomLeft());
    QColor top = color;
    top.setAlpha(70);
    QColor bottom = color;
    bottom.setAlpha(0);
    fill.setColorAt(0, top);
    fill.setColorAt(1, bottom);
    // Its edge lies under the line, so it needs no antialiasing.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawPolygon(area);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);

    QPainterPath line;
    line.moveTo(frame.at(points.front()));
    for (auto it = std::next(points.begin()); it != points.end(); ++it)
        line.lineTo(frame.at(*it));
    if (points.size() * 2 < std::size_t(frame.plot.width())) {
        painter.setPen(QPen(color, 2));
        painter.drawPath(line);
    } else {
        // Qt's fast stroker takes lines at most one device pixel wide (a 2 px line costs about
        // six times as much on dense data); on a 2x screen a second pass one device pixel over
        // gives the line its weight without the slow path.
        QPen hairline(color, 1);
        hairline.setCosmetic(true);
        painter.setPen(hairline);
        painter.drawPath(line);
        if (dpr >= 1.5) {
            painter.translate(1 / dpr, 0);
            painter.drawPath(line);
            painter.translate(-1 / dpr, 0);
        }
    }
    painter.setBrush(color);
    painter.drawEllipse(frame.at(points.back()), 3, 3);
}

// A crosshair on the point, and a tip with its time and exact price; returns the tip's text.
QString drawHover(QPainter &painter, const Frame &frame, const PricePoint &point,
    const QColor &color, const QPalette &palette)
{
    const QLocale locale;
    const QPointF at = frame.at(point);
    QColor crosshair = palette.color(QPalette::Text);
    crosshair.setAlpha(110);
    painter.setPen(QPen(crosshair, 1, Qt::DashLine));
    painter.drawLine(QPointF(at.x(), frame.plot.top()), QPointF(at.x(), frame.plot.bottom()));
    painter.drawLine(QPointF(frame.plot.left(), at.y()), QPointF(frame.plot.right(), at.y()));
    painter.setPen(QPen(color, 2));
    painter.setBrush(palette.base());
    painter.drawEllipse(at, 4, 4);

    const QString time
        = locale.toString(QDateTime::fromMSecsSinceEpoch(point.timeMs), u"yyyy-MM-dd HH:mm:ss"_s);
    const QString price = exactPrice(point.price, locale);
    const QFontMetricsF metrics(painter.font());
    QFont bold = painter.font();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    const QSizeF box(
        std::max(metrics.horizontalAdvance(time), boldMetrics.horizontalAdvance(price)) + 16,
        metrics.height() + boldMetrics.height() + 10);
    // Beside the point, flipped to stay inside the plot.
    QPointF corner(at.x() + 12, at.y() - box.height() - 8);
    if (corner.x() + box.width() > frame.plot.right())
        corner.setX(at.x() - 12 - box.width());
    if (corner.y() < frame.plot.top())
        corner.setY(at.y() + 8);
    const QRectF tip(corner, box);
    painter.setPen(palette.color(QPalette::Mid));
    painter.setBrush(palette.toolTipBase());
    painter.drawRoundedRect(tip, 4, 4);
    painter.setPen(palette.color(QPalette::ToolTipText));
    painter.drawText(tip.adjusted(8, 5, -8, 0), Qt::AlignLeft | Qt::AlignTop, time);
    painter.setFont(bold);
    painter.drawText(
        tip.adjusted(8, 5 + metrics.height(), -8, 0), Qt::AlignLeft | Qt::AlignTop, price);
    return time + u'\n' + price;
}

} // namespace

PriceChart::PriceChart(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent); // every paint fills the whole widget
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(frameMs);
    connect(&m_frameTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
}

void PriceChart::setHistory(const PriceHistory *history)
{
    m_history = history;
    update();
}

void PriceChart::historyChanged()
{
    // Hidden or minimised, there is nothing to draw: paint once when seen again.
    if (!isVisible() || window()->isMinimized()) {
        m_missedChanges = true;
        return;
    }
    if (!m_frameTimer.isActive())
        m_frameTimer.start();
}

void PriceChart::showEvent(QShowEvent *)
{
    // A restored window may only flush its old backing store, so watch its state ourselves.
    if (m_watchedWindow != window()) {
        if (m_watchedWindow)
            m_watchedWindow->removeEventFilter(this);
        m_watchedWindow = window();
        m_watchedWindow->installEventFilter(this);
    }
    if (m_missedChanges) {
        m_missedChanges = false;
        update();
    }
}

bool PriceChart::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::WindowStateChange && m_missedChanges && isVisible()
        && !window()->isMinimized()) {
        m_missedChanges = false;
        update();
    }
    return QWidget::eventFilter(watched, event);
}

void PriceChart::setSpanMs(qint64 spanMs)
{
    m_spanMs = spanMs;
    update();
}

void PriceChart::mouseMoveEvent(QMouseEvent *event)
{
    m_hoverX = event->position().x();
    update();
}

void PriceChart::leaveEvent(QEvent *)
{
    m_hoverX.reset();
    update();
}

void PriceChart::paintEvent(QPaintEvent *)
{
    ++m_paintCount;
    m_hoverText.clear();
    m_timeLabels.clear();
    m_priceLabels.clear();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const QFontMetricsF metrics(font());
    const QLocale locale;

    // Room for the price labels, guessed from the newest price; the decimation only needs a
    // column count near the plot's width.
    const double newestPrice = m_history && !m_history->isEmpty() ? m_history->newest().price : 0;
    const double guessedPlotWidth = width() - 24
        - metrics.horizontalAdvance(locale.toString(newestPrice, 'f', newestPrice >= 1000 ? 0 : 4));
    std::vector<PricePoint> points;
    qint64 t0 = 0, t1 = 0;
    if (m_history && !m_history->isEmpty() && guessedPlotWidth >= 10 && height() >= 40) {
        t1 = m_history->newest().timeMs;
        // A history shorter than the range fills the width instead of hugging its right edge.
        t0 = std::max(t1 - m_spanMs, m_history->at(0).timeMs);
        const int columns = int(guessedPlotWidth * devicePixelRatioF());
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
    const double pad = highIt->price > lowIt->price ? (highIt->price - lowIt->price) * 0.08
                                                    : std::max(1e-8, highIt->price * 0.001);
    const double low = lowIt->price - pad, high = highIt->price + pad;

    // Price labels at round values, at most one per two lines of text.
    const double plotHeight = height() - 10 - metrics.height() - 10;
    const double step
        = priceStep(high - low, std::max(2, int(plotHeight / (metrics.height() * 2.2))));
    const int decimals = std::min(stepDecimals(step), 10);
    const std::vector<double> priceValues = priceTicks(low, high, step);
    double labelWidth = 0;
    for (const double value : priceValues) {
        m_priceLabels.append(locale.toString(value, 'f', decimals));
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(m_priceLabels.back()));
    }
    const Frame frame {QRectF(8, 10, width() - labelWidth - 24, plotHeight), t0, t1, low, high};
    drawPriceAxis(painter, frame, priceValues, m_priceLabels, labelWidth, pal);
    m_timeLabels = drawTimeAxis(painter, frame, frame.plot.right() + labelWidth, pal);

    // The range's opening price, for reference.
    const double opening = points.front().price;
    painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
    painter.drawLine(QPointF(frame.plot.left(), frame.y(opening)),
        QPointF(frame.plot.right(), frame.y(opening)));

    const double move = points.back().price - opening;
    const QColor color = move > 0 ? risingColor(pal)
        : move < 0                ? fallingColor(pal)
                                  : pal.color(QPalette::Text);
    drawSeries(painter, frame, points, color, devicePixelRatioF());

    // Hover: the nearest stored tick (not a decimated one).
    if (!m_hoverX || *m_hoverX < frame.plot.left() || *m_hoverX > frame.plot.right())
        return;
    const qint64 hoverTime
        = t0 + qint64((*m_hoverX - frame.plot.left()) / frame.plot.width() * double(t1 - t0));
    const PricePoint *nearest = m_history->nearest(hoverTime);
    if (nearest->timeMs < t0)
        nearest = &m_history->range(t0, t1)[0];
    m_hoverText = drawHover(painter, frame, *nearest, color, pal);
}

} // namespace ticker
