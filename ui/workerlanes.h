#pragma once

#include "plottextcache.h"

#include "pool/dispatchorder.h"

#include <QPixmap>
#include <QWidget>

namespace shoal {
class WorkerTimeline;
} // namespace shoal

/// The worker lanes: one row per worker, coloured by its state over the charts' time window
/// (idle, blocked in blockUntilReady, busy, abandoned, retiring), with a legend, so a person
/// can see a timed-out worker still burning, or a shrink waiting for a job to finish. Draws a
/// shoal::WorkerTimeline it does not own; stretches narrower than a pixel share it, and the more
/// notable state wins. GUI thread.
class WorkerLanes : public QWidget {
    Q_OBJECT

public:
    explicit WorkerLanes(const shoal::WorkerTimeline* timeline, QWidget* parent = nullptr);

    /// The time window to draw, in run seconds; repaints.
    void setRange(double fromSec, double toSec);
    /// The lanes drawn at the last paint (a worker with any segment in the window).
    int lanesDrawn() const { return m_lanesDrawn; }
    /// The lanes given a "#id" label at the last paint: every lane when a row fits the text,
    /// else every k-th, so that many workers still show which is which.
    int lanesLabelled() const { return m_lanesLabelled; }
    /// The pool's dispatch order, which the tool tip names: it decides how jobs spread over
    /// the lanes at low load.
    void setDispatchOrder(shoal::DispatchOrder order);
    /// Whether the lanes are of a run shown from a run file: when it kept none (it was written
    /// before run files kept them), the empty plot says so instead of asking for a run.
    void setRecorded(bool recorded);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// Draws the title and legend into m_header and places the plot under them. Text is
    /// costly to lay out, so this runs when the size or the language changes, not per frame.
    void layOut();
    /// Says what the lanes show and how the current dispatch order spreads the jobs.
    void updateToolTip();

    const shoal::WorkerTimeline* m_timeline = nullptr; ///< not owned
    double m_fromSec = 0;                              ///< left edge
    double m_toSec = 30;                               ///< right edge
    int m_lanesDrawn = 0;                              ///< see lanesDrawn()
    int m_lanesLabelled = 0;                           ///< see lanesLabelled()
    QRect m_plot;                                      ///< where the lanes go
    QPixmap m_header;                                  ///< title and legend; null when stale
    PlotTextCache m_texts;                             ///< lane and axis labels
    /// What the tool tip names; see setDispatchOrder().
    shoal::DispatchOrder m_order = shoal::DispatchOrder::NewestIdleFirst;
    bool m_recorded = false; ///< see setRecorded()
};
