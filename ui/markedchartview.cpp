#include "markedchartview.h"

#include "eventtext.h"

#include <QChart>
#include <QPainter>

MarkedChartView::MarkedChartView(QChart* chart, const QList<shoal::RunEvent>* events,
                                 QWidget* parent)
    : QChartView(chart, parent)
    , m_events(events)
{
    setRenderHint(QPainter::Antialiasing);
}

void MarkedChartView::setTimeRange(double fromSec, double toSec)
{
    m_fromSec = fromSec;
    m_toSec = std::max(toSec, fromSec + 1e-3);
}

void MarkedChartView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    m_markersDrawn = 0;
    if (!m_events || m_events->isEmpty())
        return;
    const QRectF plot = chart()->plotArea();
    const double span = m_toSec - m_fromSec;
    painter->save();
    QFont small = painter->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    const QFontMetricsF metrics(small);
    const QColor ink(0x55, 0x3c, 0x9a);
    // Labels go on up to three lines; a marker with no room left for its label is drawn
    // as a line only (its label is in the event log), so dense markers stay readable. The
    // lines are gathered and drawn at once, one pixel wide and not antialiased: a vertical line
    // needs neither, and a stroked one per event costs milliseconds per frame.
    QList<QLine> lines;
    int lastX = -1;
    double labelRight[3] = {-1e9, -1e9, -1e9};
    // Dozens of labels are unreadable and cost a text layout each; the log has them all.
    constexpr int kMaxLabels = 8;
    int labels = 0;
    for (const shoal::RunEvent& event : *m_events) {
        if (event.tSec < m_fromSec || event.tSec > m_toSec)
            continue;
        const double x = plot.left() + (event.tSec - m_fromSec) / span * plot.width();
        ++m_markersDrawn;
        const int column = static_cast<int>(x);
        if (column != lastX)
            lines.append(QLine(column, static_cast<int>(plot.top()), column,
                               static_cast<int>(plot.bottom())));
        lastX = column;
        int row = 0;
        while (row < 3 && x < labelRight[row])
            ++row;
        if (row == 3 || labels == kMaxLabels)
            continue;
        ++labels;
        const QString label = EventText::label(event);
        const QRectF box(x + 2, plot.top() + 2 + row * (metrics.height() + 1),
                         metrics.horizontalAdvance(label) + 6, metrics.height());
        painter->fillRect(box, QColor(255, 255, 255, 210));
        painter->setPen(ink);
        painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, label);
        labelRight[row] = box.right() + 4;
    }
    // Opaque: the raster engine fills solid one-pixel lines without blending.
    const QColor lineInk(0xaa, 0x9d, 0xcc);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(lineInk, 0));
    painter->drawLines(lines);
    painter->restore();
}
