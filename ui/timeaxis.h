#pragma once

#include <QColor>
#include <QRect>

class PlotTextCache;
class QFont;
class QPainter;
class TimeMapping;

/// The time axis under a plot: a tick and a label ("90 s") at each of TimeAxisTicks' round
/// steps, so the charts and the worker lanes label the same times in the same places.
/// GUI thread.
class TimeAxis {
public:
    /// Draws ticks of \a tickLength in \a tickColor under \a plot and their labels in
    /// \a font (laid out once in \a texts), in the painter's pen.
    static void paint(QPainter& painter, const QRect& plot, const TimeMapping& time, double fromSec,
                      double toSec, PlotTextCache& texts, const QFont& font,
                      const QColor& tickColor, int tickLength);
};
