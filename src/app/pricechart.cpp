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
#include <limits>

using namespace Qt::StringLiterals;

namespace ticker {

namespace {

constexpr double margin = 4;      // px past a changed column: the pen and the newest tick's dot
constexpr double leadPx = 8;      // the view ends this far past the newest tick's column
constexpr double zoomRoom = 1.15; // a short history fills 1/1.15 of the width, then grows

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

// The view's frame: its columns' times across the plot.
Frame frameOf(const QRectF &plot, const ChartColumns &columns, double low, double high)
{
    return {plot, columns.startMs(), columns.endMs(), low, high};
}

// The price lines and their labels.
void drawPriceAxis(QPainter &painter, StaticTextCache &texts, const Frame &frame,
    const std::vector<double> &values, const QStringList &labels, const QPalette &palette)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double y = frame.y(values[i]);
        painter.setPen(QPen(palette.color(QPalette::Mid), 1, Qt::DotLine));
        painter.drawLine(QPointF(frame.plot.left(), y), QPointF(frame.plot.right(), y));
        const QStaticText &label = texts.text(labels[qsizetype(i)], painter.font());
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawStaticText(
            QPointF(frame.plot.right() + 8, std::round(y - label.size().height() / 2)), label);
    }
}

// Clock times at the bottom, on round local times: where they go and which labels fit.
void layOutTimeAxis(const QFontMetricsF &metrics, const Frame &frame, double rightEdge,
    std::vector<qint64> &values, QStringList &labels, std::vector<QRectF> &boxes)
{
    const QLocale locale;
    const qint64 utcOffsetMs = QDateTime::fromMSecsSinceEpoch(frame.t1).offsetFromUtc() * 1000LL;
    const double labelWidth = metrics.horizontalAdvance(u"00:00:00"_s) + 28;
    const qint64 step
        = timeStepMs(frame.t1 - frame.t0, std::max(1, int(frame.plot.width() / labelWidth)));
    const QString format = step < 60'000 ? u"HH:mm:ss"_s : u"HH:mm"_s;
    values = timeTicks(frame.t0, frame.t1, step, utcOffsetMs);
    labels.clear();
    boxes.clear();
    for (const qint64 t : values) {
        const double x = frame.x(t);
        const QString label = locale.toString(QDateTime::fromMSecsSinceEpoch(t), format);
        const double half = metrics.horizontalAdvance(label) / 2;
        // A label cut by the edge says nothing: an empty one is not drawn.
        const bool cut = x - half < 0 || x + half > rightEdge;
        labels.append(cut ? QString() : label);
        boxes.emplace_back(x - half, frame.plot.bottom() + 4, 2 * half, metrics.height());
    }
}

void drawTimeAxis(QPainter &painter, StaticTextCache &texts, const Frame &frame,
    const std::vector<qint64> &values, const QStringList &labels, const std::vector<QRectF> &boxes,
    const QPalette &palette)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double x = frame.x(values[i]);
        painter.setPen(QPen(palette.color(QPalette::Mid), 1, Qt::DotLine));
        painter.drawLine(QPointF(x, frame.plot.top()), QPointF(x, frame.plot.bottom()));
        if (labels[qsizetype(i)].isEmpty())
            continue;
        const QStaticText &label = texts.text(labels[qsizetype(i)], painter.font());
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawStaticText(
            QPointF(std::round(boxes[i].center().x() - label.size().width() / 2), boxes[i].top()),
            label);
    }
}

// The line over a gradient fill, then a dot on the newest point when it is among them.
void drawSeries(QPainter &painter, const Frame &frame, const std::vector<PricePoint> &points,
    const QPolygonF &tops, const QColor &color, bool dense, bool withNewest, qreal dpr)
{
    // The fill follows the top of each column, not the line's zigzag: a polygon whose edges
    // span the plot's height costs the rasterizer every edge on every scanline.
    QPolygonF area = tops;
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
    if (!dense) {
        painter.setPen(QPen(color, 2));
        painter.drawPath(line);
    } else {
        // Qt's fast stroker takes lines at most one device pixel wide (a 2 px line costs about
        // six times as much on dense data); on a 2x screen a second pass one device pixel over
        // gives the line its weight without the slow path.
        // Aliased: a column of dense data is a stack of near-vertical lines a device pixel
        // apart, which antialiasing only blurs, at several times the cost (the cosmetic
        // stroker's coverage for every pixel of every line).
        QPen hairline(color, 1);
        hairline.setCosmetic(true);
        painter.setPen(hairline);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.drawPath(line);
        if (dpr >= 1.5) {
            painter.translate(1 / dpr, 0);
            painter.drawPath(line);
            painter.translate(-1 / dpr, 0);
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
    }
    if (withNewest) {
        painter.setBrush(color);
        painter.drawEllipse(frame.at(points.back()), 3, 3);
    }
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
    setAttribute(Qt::WA_OpaquePaintEvent); // every paint fills what it repaints
    m_frameClock = new FrameClock(this);
    connect(m_frameClock, &FrameClock::frame, this, &PriceChart::frame);
}

void PriceChart::setFrameClock(FrameClock *clock)
{
    if (m_frameClock->parent() == this)
        delete m_frameClock;
    m_frameClock = clock;
    connect(m_frameClock, &FrameClock::frame, this, &PriceChart::frame);
}

void PriceChart::setHistory(const PriceHistory *history)
{
    m_history = history;
    m_regrid = true;
    update();
}

void PriceChart::historyChanged()
{
    // Hidden or minimised, there is nothing to draw: paint once when seen again.
    if (!isVisible() || window()->isMinimized()) {
        m_missedChanges = true;
        return;
    }
    m_changed = true;
    m_frameClock->request();
}

void PriceChart::frame()
{
    if (!std::exchange(m_changed, false))
        return;
    const QRegion dirty = sync();
    if (!dirty.isEmpty())
        update(dirty);
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

void PriceChart::resizeEvent(QResizeEvent *)
{
    m_relayout = true;
}

void PriceChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_guessDigits = -1;
        m_relayout = true;
    }
    if (event->type() == QEvent::PaletteChange)
        m_background = {};
    QWidget::changeEvent(event);
}

int PriceChart::wantedColumns()
{
    if (!m_history || m_history->isEmpty() || height() < 40)
        return 0;
    // Room for the price labels, guessed from the newest price's text, measured again only
    // when its number of digits changes: the columns need only be near the plot's width in
    // device pixels.
    const double newestPrice = m_history->newest().price;
    const int digits = newestPrice >= 1 ? int(std::log10(newestPrice)) + 1 : 1;
    if (digits != m_guessDigits) {
        m_guessDigits = digits;
        m_guessWidth = QFontMetricsF(font()).horizontalAdvance(
            QLocale().toString(newestPrice, 'f', newestPrice >= 1000 ? 0 : 4));
    }
    const double plotWidth = width() - 24 - m_guessWidth;
    return plotWidth >= 10 ? int(plotWidth * devicePixelRatioF()) : 0;
}

int PriceChart::leadColumns(int columns) const
{
    return std::min(columns / 4, int(std::lround(leadPx * devicePixelRatioF())));
}

void PriceChart::resetGrid(int columns)
{
    m_regrid = false;
    m_gridSpanMs = m_spanMs;
    const qint64 fullMs = std::max<qint64>(1, m_spanMs / columns);
    const qint64 oldest = m_history->at(0).timeMs, newest = m_history->newest().timeMs;
    if (newest - oldest >= (columns - 1) * fullMs) {
        m_columns.reset(*m_history, fullMs,
            ChartColumns::columnAt(newest, fullMs) - (columns - 1 - leadColumns(columns)), columns);
        return;
    }
    // A shorter history fills the width from its oldest point, with room to grow.
    const auto columnMs = std::clamp<qint64>(
        qint64(std::ceil(double(newest - oldest + 1) * zoomRoom / columns)), 1, fullMs);
    m_columns.reset(*m_history, columnMs, ChartColumns::columnAt(oldest, columnMs), columns);
}

// Looked up on every sync (a binary search): a scroll, candles merged before the view or the
// day dropping the tick all change it without touching the view's columns.
bool PriceChart::carryIn()
{
    const PriceHistory::Range before
        = m_history->range(std::numeric_limits<qint64>::min(), m_columns.startMs() - 1);
    std::optional<PricePoint> carried;
    if (before.size() > 0)
        carried = before[before.size() - 1];
    return std::exchange(m_carried, carried) != carried;
}

double PriceChart::openingPrice() const
{
    return m_carried ? m_carried->price : m_columns[m_columns.nextFilled(-1)].first.price;
}

QRegion PriceChart::sync()
{
    const int columns = wantedColumns();
    if (columns <= 0) {
        m_columns.clear();
        m_carried.reset();
        m_layout = {};
        return rect(); // the waiting text
    }
    bool all = false;
    ChartColumns::Changes changes;
    if (m_regrid || columns != m_columns.size() || m_spanMs != m_gridSpanMs) {
        resetGrid(columns);
        all = true;
    } else {
        changes = m_columns.update(*m_history);
        const qint64 fullMs = std::max<qint64>(1, m_spanMs / columns);
        if (changes.pastEnd && !changes.lost && m_columns.columnMs() == fullMs) {
            // Scroll so that the newest tick lands the lead's columns before the right edge.
            const qint64 first = ChartColumns::columnAt(m_history->newest().timeMs, fullMs)
                - (columns - 1 - leadColumns(columns));
            m_columns.scroll(first - m_columns.firstColumn());
            changes = m_columns.update(*m_history);
            all = true;
        }
        // A merge or compaction inside the view, or a short history outgrowing its zoom.
        if (changes.lost || changes.pastEnd) {
            resetGrid(columns);
            all = true;
        }
    }
    if (carryIn())
        m_relayout = true; // the opening, the range and the line's start
    if (all || m_relayout || !m_layout.valid || !layoutStillFits(changes.from, changes.to)) {
        relayout();
        return rect();
    }
    if (changes.from < 0)
        return {};
    if (m_hoverX)
        return rect(); // the tip may name another tick now
    return columnsRect(changes.from, changes.to).toAlignedRect();
}

// Whether changed columns can be drawn on the picture shown: the same price range, opening,
// colour and pen.
bool PriceChart::layoutStillFits(int from, int to) const
{
    if (m_columns.nextFilled(-1) < 0 || openingPrice() != m_layout.opening)
        return false;
    const double move = m_columns[m_columns.newest()].last.price - m_layout.opening;
    if ((move > 0) - (move < 0) != m_layout.trend)
        return false;
    if ((double(m_columns.m4Count()) * 2 >= m_layout.plot.width()) != m_layout.dense)
        return false;
    for (int i = std::max(from, 0); i <= to; ++i) {
        const ChartColumns::Column &column = m_columns[i];
        if (column.count && (column.low.price < m_layout.low || column.high.price > m_layout.high))
            return false;
    }
    return true;
}

void PriceChart::relayout()
{
    m_relayout = false;
    m_layout = {};
    m_background = {};
    if (m_columns.m4Count() + (m_carried ? 1 : 0) < 2)
        return;
    // M4 keeps every column's extremes, so these are the view's true high and low.
    double lowest = m_carried ? m_carried->price : std::numeric_limits<double>::max();
    double highest = m_carried ? m_carried->price : std::numeric_limits<double>::lowest();
    for (int i = 0; i <= m_columns.newest(); ++i) {
        if (m_columns[i].count) {
            lowest = std::min(lowest, m_columns[i].low.price);
            highest = std::max(highest, m_columns[i].high.price);
        }
    }
    const double pad
        = highest > lowest ? (highest - lowest) * 0.08 : std::max(1e-8, highest * 0.001);
    m_layout.low = lowest - pad;
    m_layout.high = highest + pad;

    // Price labels at round values, at most one per two lines of text.
    const QFontMetricsF metrics(font());
    const QLocale locale;
    const double plotHeight = height() - 10 - metrics.height() - 10;
    const double step = priceStep(
        m_layout.high - m_layout.low, std::max(2, int(plotHeight / (metrics.height() * 2.2))));
    const int decimals = std::min(stepDecimals(step), 10);
    m_layout.priceValues = priceTicks(m_layout.low, m_layout.high, step);
    for (const double value : m_layout.priceValues) {
        m_layout.priceLabels.append(locale.toString(value, 'f', decimals));
        m_layout.labelWidth
            = std::max(m_layout.labelWidth, metrics.horizontalAdvance(m_layout.priceLabels.back()));
    }
    m_layout.plot = QRectF(8, 10, width() - m_layout.labelWidth - 24, plotHeight);
    const Frame frame = frameOf(m_layout.plot, m_columns, m_layout.low, m_layout.high);
    layOutTimeAxis(metrics, frame, frame.plot.right() + m_layout.labelWidth, m_layout.timeValues,
        m_layout.timeTickLabels, m_layout.timeLabelBoxes);
    for (const QString &label : std::as_const(m_layout.timeTickLabels)) {
        if (!label.isEmpty())
            m_layout.timeLabels.append(label);
    }

    m_layout.opening = openingPrice();
    const double move = m_columns[m_columns.newest()].last.price - m_layout.opening;
    m_layout.trend = (move > 0) - (move < 0);
    m_layout.dense = double(m_columns.m4Count()) * 2 >= m_layout.plot.width();
    m_layout.valid = true;
}

// Where changed columns show: from the filled column before them (the line joins it) to the
// one after, or, when they hold the newest tick, to their end (nothing is drawn past the newest
// tick, then or before); the margin takes in the pen and the newest tick's dot.
QRectF PriceChart::columnsRect(int from, int to) const
{
    const Frame frame = frameOf(m_layout.plot, m_columns, m_layout.low, m_layout.high);
    const int before = m_columns.previousFilled(from);
    const int after = m_columns.nextFilled(to);
    const double left = (before >= 0        ? frame.x(m_columns.columnStartMs(before))
                                : m_carried ? frame.plot.left()
                                            : frame.x(m_columns.columnStartMs(from)))
        - margin;
    const double right = frame.x(m_columns.columnStartMs((after >= 0 ? after : to) + 1));
    return QRectF(QPointF(left, frame.plot.top() - margin),
        QPointF(right + margin, frame.plot.bottom() + margin));
}

// The columns a region needs, and the filled ones either side for the line into and out of it.
void PriceChart::paintSeries(QPainter &painter, const QRect &region, const QColor &color)
{
    const Frame frame = frameOf(m_layout.plot, m_columns, m_layout.low, m_layout.high);
    const int n = m_columns.size();
    const double perColumn = frame.plot.width() / n;
    const auto columnAtX = [&](double x) {
        return std::clamp(int(std::floor((x - frame.plot.left()) / perColumn)), 0, n - 1);
    };
    int from = columnAtX(region.left() - margin);
    int to = columnAtX(region.right() + 1 + margin);
    const int before = m_columns.previousFilled(from);
    if (before >= 0)
        from = before;
    const int after = m_columns.nextFilled(to);
    to = after >= 0 ? after : m_columns.newest();
    std::vector<PricePoint> points;
    QPolygonF tops;
    if (m_carried && before < 0) {
        // Level from the left edge until the view's first tick, where the line steps to it.
        const qint64 firstMs = m_columns[m_columns.nextFilled(-1)].first.timeMs;
        for (const qint64 t : {frame.t0, firstMs}) {
            points.push_back({t, m_carried->price});
            tops.append(frame.at(points.back()));
        }
    }
    for (int i = from; i <= to; ++i) {
        const ChartColumns::Column &column = m_columns[i];
        if (!column.count)
            continue;
        m_columns.appendM4(i, points);
        tops.append(QPointF(frame.x(column.first.timeMs), frame.y(column.high.price)));
    }
    if (points.empty())
        return;
    drawSeries(painter, frame, points, tops, color, m_layout.dense, to == m_columns.newest(),
        devicePixelRatioF());
}

void PriceChart::paintBackground(QPainter &painter)
{
    const qreal dpr = devicePixelRatioF();
    if (m_background.isNull() || m_background.devicePixelRatio() != dpr
        || m_background.deviceIndependentSize() != QSizeF(size())) {
        m_background = QPixmap(size() * dpr);
        m_background.setDevicePixelRatio(dpr);
        const QPalette pal = palette();
        m_background.fill(pal.color(QPalette::Base));
        QPainter p(&m_background);
        p.setFont(font());
        // Aliased: the grid is level and upright, crisp on whole pixels (and antialiased dots
        // cost the stroker several times as much).
        const Frame frame = frameOf(m_layout.plot, m_columns, m_layout.low, m_layout.high);
        drawPriceAxis(p, m_axisTexts, frame, m_layout.priceValues, m_layout.priceLabels, pal);
        drawTimeAxis(p, m_axisTexts, frame, m_layout.timeValues, m_layout.timeTickLabels,
            m_layout.timeLabelBoxes, pal);
        // The range's opening price, for reference.
        const double opening = frame.y(m_layout.opening);
        p.setPen(QPen(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine));
        p.drawLine(QPointF(frame.plot.left(), opening), QPointF(frame.plot.right(), opening));
    }
    // The painter's clip keeps the copy to the region being painted.
    painter.drawPixmap(QPointF(0, 0), m_background);
}

void PriceChart::paintEvent(QPaintEvent *event)
{
    ++m_paintCount;
    const QRect region = event->rect();
    m_lastPaintRect = region;
    // A paint of the whole widget takes in what changed; a strip draws the picture the rest of
    // the widget shows.
    if (region.contains(rect()))
        sync();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    if (!m_layout.valid) {
        painter.fillRect(region, pal.base());
        m_hoverText.clear();
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
            m_columns.points() == 0 ? tr("Waiting for the first tick…")
                                    : tr("Waiting for more ticks…"));
        return;
    }

    paintBackground(painter);
    const Frame frame = frameOf(m_layout.plot, m_columns, m_layout.low, m_layout.high);
    const QColor color = m_layout.trend > 0 ? risingColor(pal)
        : m_layout.trend < 0                ? fallingColor(pal)
                                            : pal.color(QPalette::Text);
    paintSeries(painter, region, color);

    // Hover: the nearest stored tick (not a decimated one).
    m_hoverText.clear();
    if (!m_hoverX || *m_hoverX < frame.plot.left() || *m_hoverX > frame.plot.right())
        return;
    const qint64 last = frame.t1 - 1;
    const qint64 hoverTime = frame.t0
        + qint64((*m_hoverX - frame.plot.left()) / frame.plot.width() * double(last - frame.t0));
    const PricePoint *nearest = m_history->nearest(hoverTime);
    if (nearest && nearest->timeMs < frame.t0) {
        const PriceHistory::Range inView = m_history->range(frame.t0, last);
        nearest = inView.size() ? &inView[0] : nullptr;
    }
    if (nearest)
        m_hoverText = drawHover(painter, frame, *nearest, color, pal);
}

} // namespace ticker
