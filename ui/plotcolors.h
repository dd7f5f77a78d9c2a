#pragma once

#include "pool/poolprobe.h"

#include <QColor>
#include <QPalette>

/// The colours the painted plots use, in one place. Series (chart lines, worker states) come
/// from a fixed table, so a line keeps its colour in every theme and the legend matches; the
/// chrome (grid, axes, label backgrounds) is derived from the widget's palette, so a
/// dark theme gets a dark plot. GUI thread.
class PlotColors {
public:
    /// The colour of chart line \a line (wraps after the table's six).
    static QColor line(int line);
    /// The lane colour of worker state \a state.
    static QColor workerState(shoal::WorkerState state);

    /// The grid: a faint step from the background towards the text.
    static QColor grid(const QPalette& palette);
    /// The axes and the time ticks.
    static QColor axis(const QPalette& palette);
    /// An event marker's label text (a series colour: the same in every theme).
    static QColor markerText();
    /// An event marker's line: the label colour, faded.
    static QColor markerLine();
    /// Behind a marker label, so it reads over the lines.
    static QColor labelBackground(const QPalette& palette);
};
