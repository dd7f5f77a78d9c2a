#pragma once

#include "lab/runevent.h"

#include <QChartView>
#include <QList>

/// A chart view that draws the run's events over the plot: a dashed vertical line at each
/// event's time with its label ("pool.size 4 → 8", "burst 500"), so every live change and
/// timeline entry can be read against the curves. The events belong to the chart panel; this
/// view only reads them when it paints. GUI thread.
class MarkedChartView : public QChartView {
    Q_OBJECT

public:
    /// Takes ownership of \a chart; reads \a events (not owned) at every paint.
    MarkedChartView(QChart* chart, const QList<shoal::RunEvent>* events, QWidget* parent = nullptr);

    /// The x range the markers are placed in (the chart's time axis).
    void setTimeRange(double fromSec, double toSec);
    /// How many markers the last paint drew.
    int markersDrawn() const { return m_markersDrawn; }

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    const QList<shoal::RunEvent>* m_events = nullptr; ///< not owned
    double m_fromSec = 0;                             ///< left edge of the plot
    double m_toSec = 30;                              ///< right edge of the plot
    int m_markersDrawn = 0;                           ///< see markersDrawn()
};
