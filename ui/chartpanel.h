#pragma once

#include "lab/workertimeline.h"
#include "seriesdecimator.h"

#include "lab/metricshistory.h"
#include "lab/metricsrow.h"
#include "lab/runevent.h"

#include <QList>
#include <QWidget>

#include <limits>
#include <vector>

class TimeChart;
class WorkerLanes;

/// The live charts of a run, on one shared time axis: queue length and in flight, beside the
/// calls in system and Little's law's lambda x W; throughput, timeouts and offered load per
/// second; latency percentiles (end to end, queue wait, service) with the queueing model's p95s
/// dashed; cumulative outcomes; pool size, busy workers, limiter tokens and abandoned workers;
/// and the worker lanes. Rows go into a bounded, downsampled history (MetricsHistory); refresh()
/// redraws what the visible window holds, thinned to the plot's width, with one replace() per
/// series. Every run event is a labelled marker on every chart. GUI thread.
class ChartPanel : public QWidget {
    Q_OBJECT

public:
    /// How much of the run the charts show.
    enum class Window { Last30Sec, Last2Min, Last10Min, All };

    explicit ChartPanel(QWidget* parent = nullptr);
    ~ChartPanel() override;

    /// Adds the newest row and the workers seen with it; drawn at the next refresh().
    void appendSample(const shoal::MetricsRow& row, const QList<shoal::WorkerProbe>& workers);
    /// Replaces the workers' states with \a lanes (a run file's); drawn at the next refresh().
    void setLanes(const shoal::WorkerTimeline& lanes);
    /// Adds a marker; drawn at the next refresh().
    void addEvent(const shoal::RunEvent& event);
    /// Forgets every row, worker and event (a new run); a run compared with stays.
    void clear();

    /// Draws \a rows, another run's called \a name, beside this run's on every chart: each
    /// measured line in its colour in long dashes, both runs aligned at their start, so a live
    /// run can be held against a saved one while it runs. Replaces any earlier one; drawn at
    /// the next refresh().
    void setCompared(const QList<shoal::MetricsRow>& rows, const QString& name);
    /// Draws no other run.
    void clearCompared();
    /// The run compared with, as setCompared() named it; empty: none.
    const QString& comparedName() const { return m_comparedName; }

    /// The visible window; redraws.
    void setWindow(Window window);
    Window window() const { return m_window; }
    /// How long the run is planned to be (0 when it ends by a job count): the whole-run window
    /// spans it from the start, so the curves grow across the plot.
    void setPlannedSec(double sec);
    /// The length of \a window in seconds; 0 for All.
    static double windowSeconds(Window window);

    /// Redraws the series, axes, markers and lanes if anything changed since the last call.
    /// Called at the display rate (10 Hz), however fast rows arrive.
    void refresh();

    /// Writes the charts and lanes as they are shown to a PNG file (atomically). False with
    /// \a error set (a sentence naming the file) when it cannot be written.
    bool saveImage(const QString& path, QString* error);

    /// The charts, top left to bottom right (for tests and the window's screenshots).
    QList<TimeChart*> charts() const;
    /// The worker lanes.
    WorkerLanes* lanes() const { return m_lanes; }
    /// The events drawn as markers.
    const QList<shoal::RunEvent>& events() const { return m_events; }
    /// Rows kept (bounded) and rows received since clear().
    qsizetype rowsKept() const { return m_history.size(); }
    /// See rowsKept().
    qint64 rowsReceived() const { return m_history.appended(); }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// One line: what it plots from a row, its name (translated when drawn) and its points
    /// thinned to the plot's width.
    struct Line {
        double (*value)(const shoal::MetricsRow&) = nullptr;
        const char* name = nullptr;
        /// A model's line: dashed, in the colour of the plot's line \a colorOf (the measured
        /// one it predicts), and broken where the value is NaN (no model) instead of joined.
        bool model = false;
        int colorOf = -1;
        SeriesDecimator decimator{};
    };
    /// One chart and its lines.
    struct Plot {
        const char* title = nullptr;
        const char* unit = nullptr;
        TimeChart* chart = nullptr;
        std::vector<Line> lines;
        /// The measured lines (not a model's), each drawn again from the compared run, as the
        /// chart's lines after \a lines.
        std::vector<std::size_t> measured;
    };
    /// Whether a plot's value axis counts (ticks on whole numbers).
    enum class Ticks { Any, WholeNumbers };

    void addPlot(const char* title, const char* unit, std::vector<Line> lines,
                 Ticks ticks = Ticks::Any);
    /// A model's line of \a colorOf's colour (see Line::model).
    static Line modelLine(double (*value)(const shoal::MetricsRow&), const char* name, int colorOf);
    void retranslate();
    /// Draws the compared run's lines over \a from..\a to, thinned to \a bucketWidths.
    void drawCompared(double from, double to, const std::vector<double>& bucketWidths);

    shoal::MetricsHistory m_history;  ///< bounded; older rows coarser
    shoal::WorkerTimeline m_timeline; ///< each worker's states
    QList<shoal::RunEvent> m_events;  ///< markers, oldest first
    std::vector<Plot> m_plots;        ///< top left to bottom right
    WorkerLanes* m_lanes = nullptr;   ///< the last grid cell
    Window m_window = Window::All;
    double m_plannedSec = 0;             ///< see setPlannedSec()
    bool m_dirty = true;                 ///< something to redraw
    bool m_restart = true;               ///< the lines' thinning starts over from the history
    double m_fedUntilSec = 0;            ///< the newest row the lines were fed
    QList<shoal::MetricsRow> m_compared; ///< the other run's rows, whole
    QString m_comparedName;              ///< see comparedName()
    /// The range the compared lines were drawn for; NaN when they are stale.
    double m_comparedFrom = std::numeric_limits<double>::quiet_NaN();
    double m_comparedTo = 0; ///< see m_comparedFrom
};
