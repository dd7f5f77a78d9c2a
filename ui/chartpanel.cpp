#include "chartpanel.h"

#include "pngfile.h"

#include "timechart.h"
#include "workerlanes.h"

#include <QEvent>
#include <QGridLayout>

#include <algorithm>
#include <cmath>

using shoal::MetricsRow;

namespace {

/// The smallest 1, 2 or 5 times a power of ten at or above \a value (> 0), with some headroom.
double niceCeiling(double value)
{
    const double padded = value * 1.05;
    const double magnitude = std::pow(10.0, std::floor(std::log10(padded)));
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= padded)
            return factor * magnitude;
    }
    return 10 * magnitude;
}

/// How far past its planned end a run's last row may land and still end the axis there.
constexpr double kLastRowSlackSec = 0.5;

} // namespace

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent)
{
    // Little's law: the calls in system (time-averaged) against throughput x mean latency.
    addPlot(QT_TR_NOOP("Queue and in flight"), QT_TR_NOOP("calls"),
            {{[](const MetricsRow& r) -> double { return static_cast<double>(r.waiting); },
              QT_TR_NOOP("waiting")},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.inFlight); },
              QT_TR_NOOP("in flight")},
             {[](const MetricsRow& r) -> double { return r.inSystemMean; },
              QT_TR_NOOP("in system (mean)")},
             modelLine([](const MetricsRow& r)
                           -> double { return r.throughputPerSec * r.latencyMeanMs / 1000.0; },
                       QT_TR_NOOP("λ·W (Little's law)"), 2)},
            Ticks::WholeNumbers);
    addPlot(
        QT_TR_NOOP("Throughput"), QT_TR_NOOP("calls/s"),
        {{[](const MetricsRow& r) -> double { return r.throughputPerSec; },
          QT_TR_NOOP("completed/s")},
         {[](const MetricsRow& r) -> double { return r.timeoutsPerSec; }, QT_TR_NOOP("timeouts/s")},
         {[](const MetricsRow& r) -> double { return r.offeredPerSec; }, QT_TR_NOOP("offered/s")}});
    addPlot(
        QT_TR_NOOP("Latency"), QT_TR_NOOP("ms"),
        {{[](const MetricsRow& r) -> double { return r.latencyP50Ms; }, QT_TR_NOOP("p50")},
         {[](const MetricsRow& r) -> double { return r.latencyP95Ms; }, QT_TR_NOOP("p95")},
         {[](const MetricsRow& r) -> double { return r.latencyP99Ms; }, QT_TR_NOOP("p99")},
         {[](const MetricsRow& r) -> double { return r.queueWaitP95Ms; },
          QT_TR_NOOP("queue wait p95")},
         {[](const MetricsRow& r) -> double { return r.serviceP95Ms; }, QT_TR_NOOP("service p95")},
         modelLine([](const MetricsRow& r) -> double { return r.predictedLatencyP95Ms; },
                   QT_TR_NOOP("model p95"), 1),
         modelLine([](const MetricsRow& r) -> double { return r.predictedQueueWaitP95Ms; },
                   QT_TR_NOOP("model queue wait p95"), 3)});
    addPlot(QT_TR_NOOP("Outcomes (cumulative)"), QT_TR_NOOP("calls"),
            {{[](const MetricsRow& r) -> double { return static_cast<double>(r.timedOut); },
              QT_TR_NOOP("timed out")},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.canceled); },
              QT_TR_NOOP("canceled")},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.failed); },
              QT_TR_NOOP("errors")},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.rejected); },
              QT_TR_NOOP("rejected")},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.notRunning); },
              QT_TR_NOOP("pool closed")}},
            Ticks::WholeNumbers);
    // Utilisation in workers (busy = utilisation x size), on the axis the pool size is on.
    addPlot(QT_TR_NOOP("Pool and limiter"), QT_TR_NOOP("workers / tokens"),
            {{[](const MetricsRow& r) -> double { return r.poolSize; }, QT_TR_NOOP("pool size")},
             {[](const MetricsRow& r) -> double { return r.utilisation * r.poolSize; },
              QT_TR_NOOP("busy (utilisation × size)")},
             {[](const MetricsRow& r) -> double { return r.limiterTokens; },
              QT_TR_NOOP("limiter tokens")},
             {[](const MetricsRow& r) -> double { return r.abandonedWorkers; },
              QT_TR_NOOP("abandoned workers")}},
            Ticks::WholeNumbers);

    m_lanes = new WorkerLanes(&m_timeline, this);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    int cell = 0;
    for (const Plot& plot : m_plots) {
        grid->addWidget(plot.chart, cell / 2, cell % 2);
        ++cell;
    }
    grid->addWidget(m_lanes, cell / 2, cell % 2);
    // One time axis for the grid: labelled under the bottom row only (the lanes have their
    // own).
    for (std::size_t i = 0; i + 1 < m_plots.size(); ++i)
        m_plots[i].chart->setTimeLabelsVisible(false);
    for (int row = 0; row < 3; ++row)
        grid->setRowStretch(row, 1);
    retranslate();
    refresh();
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::addPlot(const char* title, const char* unit, std::vector<Line> lines, Ticks ticks)
{
    Plot plot;
    plot.title = title;
    plot.unit = unit;
    plot.lines = std::move(lines);
    for (std::size_t i = 0; i < plot.lines.size(); ++i) {
        if (!plot.lines[i].model)
            plot.measured.push_back(i);
    }
    plot.chart = new TimeChart(this);
    plot.chart->setEvents(&m_events);
    plot.chart->setWholeNumbers(ticks == Ticks::WholeNumbers);
    m_plots.push_back(std::move(plot));
}

ChartPanel::Line ChartPanel::modelLine(double (*value)(const MetricsRow&), const char* name,
                                       int colorOf)
{
    Line line;
    line.value = value;
    line.name = name;
    line.model = true;
    line.colorOf = colorOf;
    line.decimator = SeriesDecimator(1, SeriesDecimator::NonFinite::Break);
    return line;
}

void ChartPanel::retranslate()
{
    for (Plot& plot : m_plots) {
        plot.chart->setTitle(tr(plot.title));
        plot.chart->setUnit(tr(plot.unit));
        QStringList names;
        for (const Line& line : plot.lines)
            names.append(tr(line.name));
        if (!m_comparedName.isEmpty()) {
            for (std::size_t i : plot.measured)
                names.append(tr(plot.lines[i].name));
        }
        plot.chart->setLineNames(names);
        for (std::size_t i = 0; i < plot.lines.size(); ++i) {
            const Line& line = plot.lines[i];
            plot.chart->setLineStyle(static_cast<int>(i), line.colorOf,
                                     line.model ? TimeChart::Stroke::Dashed
                                                : TimeChart::Stroke::Solid);
        }
        for (std::size_t k = 0; k < plot.measured.size() && !m_comparedName.isEmpty(); ++k)
            plot.chart->setLineStyle(static_cast<int>(plot.lines.size() + k),
                                     static_cast<int>(plot.measured[k]),
                                     TimeChart::Stroke::Compared);
        plot.chart->setComparedName(
            m_comparedName.isEmpty() ? QString() : tr("dashed: %1").arg(m_comparedName));
    }
    m_lanes->update();
}

void ChartPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChartPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_dirty = true; // the plots' widths decide how finely the series are drawn
}

void ChartPanel::appendSample(const MetricsRow& row, const QList<shoal::WorkerProbe>& workers)
{
    m_history.append(row);
    m_timeline.append(row.tSec, workers);
    m_dirty = true;
}

void ChartPanel::setLanes(const shoal::WorkerTimeline& lanes)
{
    m_timeline = lanes;
    m_dirty = true;
}

void ChartPanel::addEvent(const shoal::RunEvent& event)
{
    m_events.append(event);
    m_dirty = true;
}

void ChartPanel::clear()
{
    m_history.clear();
    m_timeline.clear();
    m_events.clear();
    m_dirty = true;
    m_restart = true;
}

void ChartPanel::setCompared(const QList<MetricsRow>& rows, const QString& name)
{
    m_compared = rows;
    m_comparedName = name.isEmpty() ? tr("compared run") : name;
    m_comparedFrom = std::numeric_limits<double>::quiet_NaN();
    retranslate();
    m_dirty = true;
}

void ChartPanel::clearCompared()
{
    m_compared.clear();
    m_comparedName.clear();
    m_comparedFrom = std::numeric_limits<double>::quiet_NaN();
    retranslate();
    m_dirty = true;
}

void ChartPanel::drawCompared(double from, double to, const std::vector<double>& bucketWidths)
{
    if (m_comparedName.isEmpty() || (from == m_comparedFrom && to == m_comparedTo))
        return;
    m_comparedFrom = from;
    m_comparedTo = to;
    for (std::size_t p = 0; p < m_plots.size(); ++p) {
        Plot& plot = m_plots[p];
        for (std::size_t k = 0; k < plot.measured.size(); ++k) {
            SeriesDecimator decimator(bucketWidths[p]);
            for (const MetricsRow& row : m_compared) {
                if (row.tSec >= from && row.tSec <= to)
                    decimator.add(row.tSec, plot.lines[plot.measured[k]].value(row));
            }
            plot.chart->replace(static_cast<int>(plot.lines.size() + k), decimator.points());
        }
    }
}

void ChartPanel::setWindow(Window window)
{
    if (window == m_window)
        return;
    m_window = window;
    m_dirty = true;
    m_restart = true;
    refresh();
}

void ChartPanel::setPlannedSec(double sec)
{
    m_plannedSec = std::max(0.0, sec);
    m_dirty = true;
}

double ChartPanel::windowSeconds(Window window)
{
    switch (window) {
    case Window::Last30Sec:
        return 30;
    case Window::Last2Min:
        return 120;
    case Window::Last10Min:
        return 600;
    case Window::All:
        return 0;
    }
    return 0;
}

void ChartPanel::refresh()
{
    if (!m_dirty)
        return;
    m_dirty = false;

    // The window: the newest row at the right edge; early in a run the axis already spans the
    // whole window, so the curves grow from the left instead of stretching. The whole run
    // grows in round steps past its planned length, so its axis rarely moves.
    // A compared run widens the whole run's axis to its own length too.
    const double latest = m_history.size() > 0 ? m_history.last().tSec : 0.0;
    const double longest = std::max(latest, m_compared.isEmpty() ? 0.0 : m_compared.last().tSec);
    const double span = windowSeconds(m_window);
    const double from = span > 0 ? std::max(0.0, latest - span) : 0.0;
    // A run's last row lands a moment past its planned end: that stretches the axis to it, not
    // to the next round step, so a finished run fills the plot.
    const double past = longest <= m_plannedSec + kLastRowSlackSec ? longest : niceCeiling(longest);
    const double to = span > 0
                          ? std::max(latest, span)
                          : std::max({m_plannedSec, 10.0, longest > m_plannedSec ? past : 0.0});

    // The lines are thinned to buckets about six pixels wide (up to four points each). The
    // buckets sit at fixed times, so each row is fed once and what scrolls out of the window is
    // dropped; a new bucket width (a resize, the whole run's axis growing) starts over.
    bool restart = m_restart;
    std::vector<double> bucketWidths;
    for (const Plot& plot : m_plots) {
        bucketWidths.push_back((to - from) / std::max(25, plot.chart->plotArea().width() / 6));
        restart = restart || plot.lines.front().decimator.bucketWidth() != bucketWidths.back();
    }
    if (restart) {
        for (std::size_t p = 0; p < m_plots.size(); ++p) {
            for (Line& line : m_plots[p].lines)
                line.decimator =
                    SeriesDecimator(bucketWidths[p], line.model ? SeriesDecimator::NonFinite::Break
                                                                : SeriesDecimator::NonFinite::Skip);
        }
        m_fedUntilSec = -1;
        m_restart = false;
        m_comparedFrom = std::numeric_limits<double>::quiet_NaN();
    }
    m_history.forEachRowSince(std::max(from, m_fedUntilSec), [this](const MetricsRow& row) {
        if (row.tSec <= m_fedUntilSec)
            return;
        for (Plot& plot : m_plots) {
            for (Line& line : plot.lines)
                line.decimator.add(row.tSec, line.value(row));
        }
    });
    if (m_history.size() > 0)
        m_fedUntilSec = latest;
    drawCompared(from, to, bucketWidths);

    for (Plot& plot : m_plots) {
        double low = 0;
        double high = 0;
        const auto extend = [&low, &high](const QList<QPointF>& points) {
            for (const QPointF& p : points) {
                if (std::isnan(p.y()))
                    continue; // a break in a model's line
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
        };
        for (std::size_t i = 0; i < plot.lines.size(); ++i) {
            SeriesDecimator& decimator = plot.lines[i].decimator;
            decimator.dropBefore(from);
            QList<QPointF> points = decimator.points();
            extend(points);
            plot.chart->replace(static_cast<int>(i), std::move(points));
        }
        for (int line = static_cast<int>(plot.lines.size()); line < plot.chart->lineCount(); ++line)
            extend(plot.chart->points(line));
        // The value axis in round steps, so it moves seldom.
        const double top = niceCeiling(std::max(high, low + 1));
        const double bottom = low < 0 ? -niceCeiling(-low) : 0.0;
        plot.chart->setTimeRange(from, to);
        plot.chart->setValueRange(bottom, top);
    }
    m_lanes->setRange(from, to);
}

bool ChartPanel::saveImage(const QString& path, QString* error)
{
    refresh();
    return PngFile::write(grab().toImage(), path, error);
}

QList<TimeChart*> ChartPanel::charts() const
{
    QList<TimeChart*> result;
    for (const Plot& plot : m_plots)
        result.append(plot.chart);
    return result;
}
