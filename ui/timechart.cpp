#include "timechart.h"

#include "legendlayout.h"
#include "plotcolors.h"
#include "timeaxis.h"
#include "timeaxisticks.h"
#include "timemapping.h"

#include "text/eventtext.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 4;        ///< around everything
constexpr int kTickLength = 3;    ///< the value axis' ticks, left of the plot
constexpr int kLegendGap = 14;    ///< between the title and the legend
constexpr int kLegendIndent = 40; ///< where wrapped legend lines start

QFont smallFont(const QFont& font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

QFont titleFont(const QFont& font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

/// A value label: short enough for the axis column ("250", "1.5", "12k", "3.2M").
QString valueLabel(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1e6)
        return QLocale().toString(value / 1e6, 'g', 3) + QLatin1Char('M');
    if (magnitude >= 1e4)
        return QLocale().toString(value / 1e3, 'g', 3) + QLatin1Char('k');
    return QLocale().toString(value, 'g', 4);
}

} // namespace

TimeChart::TimeChart(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TimeChart::setTitle(const QString& title)
{
    m_title = title;
    invalidate();
}

void TimeChart::setUnit(const QString& unit)
{
    m_unit = unit;
    invalidate();
}

void TimeChart::setLineNames(const QStringList& names)
{
    m_lines.resize(static_cast<std::size_t>(names.size()));
    for (qsizetype i = 0; i < names.size(); ++i)
        m_lines[static_cast<std::size_t>(i)].name = names[i];
    invalidate();
}

QColor TimeChart::lineColor(int line) const
{
    const int colorOf = m_lines.at(static_cast<std::size_t>(line)).colorOf;
    return PlotColors::line(colorOf >= 0 ? colorOf : line);
}

void TimeChart::setLineStyle(int line, int colorOf, Stroke stroke)
{
    Line& l = m_lines.at(static_cast<std::size_t>(line));
    l.colorOf = colorOf;
    l.stroke = stroke;
    invalidate();
}

void TimeChart::setComparedName(const QString& name)
{
    m_comparedName = name;
    invalidate();
}

void TimeChart::setWholeNumbers(bool whole)
{
    m_wholeNumbers = whole;
    update();
}

QList<double> TimeChart::valueTicks() const
{
    return TimeAxisTicks::ticks(m_bottom, m_top, 4, m_wholeNumbers ? 1.0 : 0.0);
}

LegendLayout TimeChart::legend() const
{
    QList<LegendLayout::Entry> entries;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].stroke != Stroke::Compared)
            entries.append({m_lines[i].name, lineColor(static_cast<int>(i)),
                            m_lines[i].stroke == Stroke::Dashed});
    }
    // Another run's lines share their measured lines' colours: one entry says which run.
    if (!m_comparedName.isEmpty())
        entries.append({m_comparedName, palette().color(QPalette::WindowText), true});
    const QFontMetrics title(titleFont(font()));
    const QFont small = smallFont(font());
    const int top = kMargin + (title.height() - QFontMetrics(small).height()) / 2;
    return LegendLayout(entries, small, kMargin + title.horizontalAdvance(m_title) + kLegendGap,
                        kMargin + kLegendIndent, width() - kMargin, top);
}

void TimeChart::replace(int line, QList<QPointF> points)
{
    m_lines.at(static_cast<std::size_t>(line)).points = std::move(points);
    update();
}

void TimeChart::setTimeRange(double fromSec, double toSec)
{
    m_fromSec = fromSec;
    m_toSec = std::max(toSec, fromSec + 1e-3);
    update();
}

void TimeChart::setValueRange(double bottom, double top)
{
    m_bottom = bottom;
    m_top = std::max(top, bottom + 1e-9);
    update();
}

void TimeChart::setTimeLabelsVisible(bool visible)
{
    m_timeLabels = visible;
    invalidate();
}

void TimeChart::setEvents(const QList<shoal::RunEvent>* events)
{
    m_events = events;
    update();
}

QRect TimeChart::plotArea() const
{
    if (m_laidOutFor != size())
        layOut();
    return m_plot;
}

void TimeChart::invalidate()
{
    m_laidOutFor = QSize();
    m_frame = QPixmap();
    update();
}

void TimeChart::layOut() const
{
    // The title, then the legend on the same line, wrapping under it while it does not fit.
    const QFontMetrics title(titleFont(font()));
    const QFontMetrics small(smallFont(font()));
    const int rows = legend().rows();
    const int top = kMargin + title.height() + (rows - 1) * (small.height() + 2) + 6;
    // The same left column in every chart (unit, labels, ticks), so the plots line up.
    const int left = leftColumnWidth(font());
    const int right = rightColumnWidth(font());
    const int bottom = (m_timeLabels ? small.height() + kTickLength + 2 : 0) + kMargin;
    m_plot =
        QRect(left, top, std::max(1, width() - left - right), std::max(1, height() - top - bottom));
    m_laidOutFor = size();
    m_frame = QPixmap();
}

int TimeChart::rightColumnWidth(const QFont& font)
{
    return QFontMetrics(smallFont(font)).horizontalAdvance(QStringLiteral("0000 s")) / 2 + kMargin;
}

int TimeChart::leftColumnWidth(const QFont& font)
{
    const QFontMetrics small(smallFont(font));
    return kMargin + small.height() + small.horizontalAdvance(QStringLiteral("-888.8k")) +
           kTickLength + 2;
}

QSize TimeChart::sizeHint() const
{
    return {480, 240};
}

QSize TimeChart::minimumSizeHint() const
{
    return {260, 160};
}

void TimeChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::StyleChange) {
        m_texts.clear();
        invalidate();
    }
    QWidget::changeEvent(event);
}

void TimeChart::paintFrame()
{
    const qreal ratio = devicePixelRatioF();
    m_frame = QPixmap(size() * ratio);
    m_frame.setDevicePixelRatio(ratio);
    m_frame.fill(palette().base().color());
    QPainter painter(&m_frame);
    painter.setRenderHint(QPainter::TextAntialiasing);

    const QFont bold = titleFont(font());
    const QFont small = smallFont(font());
    const QFontMetrics titleMetrics(bold);
    const QFontMetrics smallMetrics(small);
    painter.setPen(palette().text().color());
    painter.setFont(bold);
    painter.drawText(QRect(kMargin, kMargin, width(), titleMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, m_title);

    // The legend, wrapped as layOut() counts it.
    legend().paint(painter, small);

    // The unit, along the value axis.
    const QRect plot = plotArea();
    painter.save();
    painter.translate(kMargin, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRect(-plot.height() / 2, 0, plot.height(), smallMetrics.height()),
                     Qt::AlignCenter, m_unit);
    painter.restore();
}

const QStaticText& TimeChart::staticText(const QString& text)
{
    return m_texts.get(text, smallFont(font()));
}

void TimeChart::paintEvent(QPaintEvent*)
{
    const QRect plot = plotArea();
    if (m_frame.isNull() || m_frame.size() != size() * devicePixelRatioF())
        paintFrame();
    QPainter painter(this);
    // The frame around the plot comes from the pixmap; the plot, most of the area, is filled
    // (cheaper than copying).
    const qreal ratio = m_frame.devicePixelRatio();
    for (const QRect& part :
         {QRect(0, 0, width(), plot.top()), QRect(0, plot.top(), plot.left(), plot.height()),
          QRect(plot.right() + 1, plot.top(), width() - plot.right() - 1, plot.height()),
          QRect(0, plot.bottom() + 1, width(), height() - plot.bottom() - 1)}) {
        if (!part.isEmpty())
            painter.drawPixmap(part, m_frame,
                               QRectF(part.topLeft() * ratio, QSizeF(part.size()) * ratio));
    }
    painter.fillRect(plot, palette().base());
    drawGrid(painter, plot);
    drawLines(painter, plot);
    drawMarkers(painter, plot);
}

void TimeChart::drawGrid(QPainter& painter, const QRect& plot)
{
    painter.setFont(smallFont(font()));
    const TimeMapping time(m_fromSec, m_toSec, plot);
    const double valueScale = plot.height() / (m_top - m_bottom);
    const QList<double> timeTicks =
        TimeAxisTicks::ticks(m_fromSec, m_toSec, TimeAxisTicks::DefaultTicks);
    const QList<double> valueTicks = this->valueTicks();

    // Grid, ticks and axes as opaque one-pixel rectangles, which the raster engine fills far
    // more cheaply than it strokes lines.
    const QColor gridInk = PlotColors::grid(palette());
    for (double t : timeTicks)
        painter.fillRect(QRect(time.column(t), plot.top(), 1, plot.height()), gridInk);
    for (double v : valueTicks) {
        const int y = plot.bottom() - static_cast<int>(std::lround((v - m_bottom) * valueScale));
        painter.fillRect(QRect(plot.left() - kTickLength, y, plot.width() + kTickLength, 1),
                         gridInk);
    }
    const QColor axisInk = PlotColors::axis(palette());
    painter.fillRect(QRect(plot.left(), plot.bottom(), plot.width(), 1), axisInk);
    painter.fillRect(QRect(plot.left(), plot.top(), 1, plot.height()), axisInk);

    painter.setPen(palette().text().color());
    for (double v : valueTicks) {
        const QStaticText& label = staticText(valueLabel(v));
        const QSizeF size = label.size();
        const int y = plot.bottom() - static_cast<int>(std::lround((v - m_bottom) * valueScale));
        painter.drawStaticText(
            QPointF(plot.left() - kTickLength - 2 - size.width(), y - size.height() / 2), label);
    }
    if (m_timeLabels)
        TimeAxis::paint(painter, plot, time, m_fromSec, m_toSec, m_texts, smallFont(font()),
                        axisInk, kTickLength);
}

void TimeChart::drawLines(QPainter& painter, const QRect& plot)
{
    const TimeMapping time(m_fromSec, m_toSec, plot);
    const double valueScale = plot.height() / (m_top - m_bottom);
    painter.save();
    painter.setClipRect(plot.adjusted(0, -1, 1, 1));
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const QList<QPointF>& points = m_lines[i].points;
        if (points.isEmpty())
            continue;
        // One pixel wide: the raster engine's fast line path, antialiased at no extra cost.
        QPen pen(lineColor(static_cast<int>(i)), 1);
        if (m_lines[i].stroke == Stroke::Dashed)
            pen.setDashPattern({5, 3});
        else if (m_lines[i].stroke == Stroke::Compared)
            pen.setDashPattern({10, 3}); // longer than a model's, so the two stay apart
        painter.setPen(pen);
        // Through pixel centres, so a flat line is one crisp row, not two half-tone ones; a NaN
        // value ends one polyline and the next point starts another.
        qsizetype p = 0;
        while (p < points.size()) {
            m_polygon.clear();
            for (; p < points.size() && !std::isnan(points[p].y()); ++p)
                m_polygon.append(
                    QPointF(time.x(points[p].x()) + 0.5,
                            plot.bottom() + 0.5 - (points[p].y() - m_bottom) * valueScale));
            if (m_polygon.size() > 1)
                painter.drawPolyline(m_polygon);
            ++p;
        }
    }
    painter.restore();
}

void TimeChart::drawMarkers(QPainter& painter, const QRect& plot)
{
    m_markersDrawn = 0;
    m_markerLabels.clear();
    if (!m_events || m_events->isEmpty())
        return;
    const TimeMapping time(m_fromSec, m_toSec, plot);
    const QFontMetrics metrics(smallFont(font()));
    // Labels go on up to three lines; a marker with no room left for its label is drawn as a
    // line only (its label is in the event log), so dense markers stay readable. Dozens of
    // labels would be unreadable anyway.
    constexpr int kMaxLabels = 8;
    QList<int> columns;
    int lastX = -1;
    double labelRight[3] = {-1e9, -1e9, -1e9};
    int labels = 0;
    struct Label {
        QRectF box;
        QString text;
    };
    QList<Label> boxes;
    for (const shoal::RunEvent& event : *m_events) {
        if (event.tSec < m_fromSec || event.tSec > m_toSec)
            continue;
        const double x = time.x(event.tSec);
        ++m_markersDrawn;
        const int column = static_cast<int>(x);
        if (column != lastX)
            columns.append(column);
        lastX = column;
        if (labels == kMaxLabels)
            continue;
        Label label{QRectF(), EventText::label(event)};
        const double width = staticText(label.text).size().width() + 6;
        // Right of its line, or ending at the plot's right edge when it would run past it.
        const double left = std::max<double>(plot.left(), std::min(x + 2, plot.right() - width));
        int row = 0;
        while (row < 3 && left < labelRight[row])
            ++row;
        if (row == 3)
            continue;
        ++labels;
        label.box =
            QRectF(left, plot.top() + 2 + row * (metrics.height() + 1), width, metrics.height());
        labelRight[row] = label.box.right() + 4;
        boxes.append(label);
    }
    // The lines under the labels: opaque one-pixel rectangles, which the raster engine fills
    // row by row, far cheaper than stroking lines.
    const QColor lineInk = PlotColors::markerLine();
    for (int column : columns)
        painter.fillRect(QRect(column, plot.top(), 1, plot.height()), lineInk);
    painter.setFont(smallFont(font()));
    painter.setPen(PlotColors::markerText());
    const QColor labelBackground = PlotColors::labelBackground(palette());
    for (const Label& label : boxes) {
        m_markerLabels.append(label.box);
        painter.fillRect(label.box, labelBackground);
        painter.drawStaticText(label.box.topLeft() + QPointF(3, 0), staticText(label.text));
    }
}
