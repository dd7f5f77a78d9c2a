#include "timeaxis.h"

#include "plottextcache.h"
#include "timeaxisticks.h"
#include "timemapping.h"

#include <QPainter>

void TimeAxis::paint(QPainter& painter, const QRect& plot, const TimeMapping& time, double fromSec,
                     double toSec, PlotTextCache& texts, const QFont& font, const QColor& tickColor,
                     int tickLength)
{
    painter.setFont(font);
    for (double t : TimeAxisTicks::ticks(fromSec, toSec, TimeAxisTicks::DefaultTicks)) {
        const QStaticText& label = texts.get(TimeAxisTicks::label(t), font);
        const int x = time.column(t);
        // An opaque one-pixel rectangle: the raster engine fills it far cheaper than a line.
        painter.fillRect(QRect(x, plot.bottom(), 1, tickLength), tickColor);
        painter.drawStaticText(QPointF(x - label.size().width() / 2, plot.bottom() + tickLength),
                               label);
    }
}
