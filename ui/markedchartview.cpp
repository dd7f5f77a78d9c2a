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
    // Solid and translucent: a dashed line costs many times more to draw, ten times a second.
    QColor lineInk = ink;
    lineInk.setAlpha(150);
    const QPen line(lineInk, 1);
    // Labels go on up to three lines; a marker with no room left for its label is drawn
    // as a line only (its label is in the event log), so dense markers stay readable.
    double labelRight[3] = {-1e9, -1e9, -1e9};
    for (const shoal::RunEvent& event : *m_events) {
        if (event.tSec < m_fromSec || event.tSec > m_toSec)
            continue;
        const double x = plot.left() + (event.tSec - m_fromSec) / span * plot.width();
        painter->setPen(line);
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        ++m_markersDrawn;
        int row = 0;
        while (row < 3 && x < labelRight[row])
            ++row;
        if (row == 3)
            continue;
        const QString label = EventText::label(event);
        const QRectF box(x + 2, plot.top() + 2 + row * (metrics.height() + 1),
                         metrics.horizontalAdvance(label) + 6, metrics.height());
        painter->fillRect(box, QColor(255, 255, 255, 210));
        painter->setPen(ink);
        painter->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, label);
        labelRight[row] = box.right() + 4;
    }
    painter->restore();
}
