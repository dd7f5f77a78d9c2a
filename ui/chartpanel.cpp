#include "chartpanel.h"

#include "markedchartview.h"
#include "seriesdecimator.h"
#include "timeaxisticks.h"
#include "workerlanes.h"

#include <QChart>
#include <QEvent>
#include <QGridLayout>
#include <QImageWriter>
#include <QLegend>
#include <QLineSeries>
#include <QSaveFile>
#include <QValueAxis>

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

} // namespace

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent)
{
    addPlot(QT_TR_NOOP("Queue and in flight"), QT_TR_NOOP("calls"),
            {{[](const MetricsRow& r) -> double { return static_cast<double>(r.waiting); },
              QT_TR_NOOP("waiting"), nullptr},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.inFlight); },
              QT_TR_NOOP("in flight"), nullptr}});
    addPlot(QT_TR_NOOP("Throughput"), QT_TR_NOOP("calls/s"),
            {{[](const MetricsRow& r) -> double { return r.throughputPerSec; },
              QT_TR_NOOP("completed/s"), nullptr},
             {[](const MetricsRow& r) -> double { return r.timeoutsPerSec; },
              QT_TR_NOOP("timeouts/s"), nullptr},
             {[](const MetricsRow& r) -> double { return r.offeredPerSec; },
              QT_TR_NOOP("offered/s"), nullptr}});
    addPlot(
        QT_TR_NOOP("Latency"), QT_TR_NOOP("ms"),
        {{[](const MetricsRow& r) -> double { return r.latencyP50Ms; }, QT_TR_NOOP("p50"), nullptr},
         {[](const MetricsRow& r) -> double { return r.latencyP95Ms; }, QT_TR_NOOP("p95"), nullptr},
         {[](const MetricsRow& r) -> double { return r.latencyP99Ms; }, QT_TR_NOOP("p99"), nullptr},
         {[](const MetricsRow& r) -> double { return r.queueWaitP95Ms; },
          QT_TR_NOOP("queue wait p95"), nullptr},
         {[](const MetricsRow& r) -> double { return r.serviceP95Ms; }, QT_TR_NOOP("service p95"),
          nullptr}});
    addPlot(QT_TR_NOOP("Outcomes (cumulative)"), QT_TR_NOOP("calls"),
            {{[](const MetricsRow& r) -> double { return static_cast<double>(r.timedOut); },
              QT_TR_NOOP("timed out"), nullptr},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.canceled); },
              QT_TR_NOOP("canceled"), nullptr},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.failed); },
              QT_TR_NOOP("errors"), nullptr},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.rejected); },
              QT_TR_NOOP("rejected"), nullptr},
             {[](const MetricsRow& r) -> double { return static_cast<double>(r.notRunning); },
              QT_TR_NOOP("pool closed"), nullptr}});
    addPlot(QT_TR_NOOP("Pool and limiter"), QT_TR_NOOP("workers / tokens"),
            {{[](const MetricsRow& r) -> double { return r.poolSize; }, QT_TR_NOOP("pool size"),
              nullptr},
             {[](const MetricsRow& r) -> double { return r.limiterTokens; },
              QT_TR_NOOP("limiter tokens"), nullptr},
             {[](const MetricsRow& r) -> double { return r.abandonedWorkers; },
              QT_TR_NOOP("abandoned workers"), nullptr}});

    m_lanes = new WorkerLanes(&m_timeline, this);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    int cell = 0;
    for (const Plot& plot : m_plots) {
        grid->addWidget(plot.view, cell / 2, cell % 2);
        ++cell;
    }
    grid->addWidget(m_lanes, cell / 2, cell % 2);
    // One time axis for the grid: labelled under the bottom row only (the lanes have their
    // own). A sliding window relabels every labelled axis ten times a second, which is most
    // of what a tick costs.
    for (std::size_t i = 0; i + 1 < m_plots.size(); ++i)
        m_plots[i].timeAxis->setLabelsVisible(false);
    for (int row = 0; row < 3; ++row)
        grid->setRowStretch(row, 1);
    retranslate();
    refresh();
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::addPlot(const char* title, const char* unit, std::vector<Line> lines)
{
    Plot plot;
    plot.title = title;
    plot.unit = unit;
    auto* chart = new QChart;
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 2, 4, 2));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignTop);
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    plot.timeAxis = new QValueAxis(chart);
    plot.valueAxis = new QValueAxis(chart);
    for (QValueAxis* axis : {plot.timeAxis, plot.valueAxis}) {
        axis->setLabelsFont(small);
        axis->setTitleFont(small);
    }
    plot.timeAxis->setTickType(QValueAxis::TicksDynamic);
    plot.timeAxis->setTickAnchor(0);
    plot.timeAxis->setLabelFormat(QStringLiteral("%g s"));
    plot.valueAxis->setLabelFormat(QStringLiteral("%g"));
    plot.valueAxis->setTickType(QValueAxis::TicksDynamic);
    plot.valueAxis->setTickAnchor(0);
    chart->addAxis(plot.timeAxis, Qt::AlignBottom);
    chart->addAxis(plot.valueAxis, Qt::AlignLeft);
    for (Line& line : lines) {
        line.series = new QLineSeries(chart);
        chart->addSeries(line.series);
        line.series->attachAxis(plot.timeAxis);
        line.series->attachAxis(plot.valueAxis);
        // A one-pixel pen takes the painter's fast cosmetic path; wider ones are stroked as
        // outlines, several times the cost at ten frames a second.
        QPen pen = line.series->pen();
        pen.setWidth(1);
        line.series->setPen(pen);
    }
    plot.lines = std::move(lines);
    plot.view = new MarkedChartView(chart, &m_events, this);
    plot.view->setMinimumSize(260, 160);
    m_plots.push_back(std::move(plot));
}

void ChartPanel::retranslate()
{
    for (Plot& plot : m_plots) {
        plot.view->chart()->setTitle(tr(plot.title));
        plot.valueAxis->setTitleText(tr(plot.unit));
        for (Line& line : plot.lines)
            line.series->setName(tr(line.name));
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
}

void ChartPanel::setWindow(Window window)
{
    if (window == m_window)
        return;
    m_window = window;
    m_dirty = true;
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
    const double latest = m_history.size() > 0 ? m_history.last().tSec : 0.0;
    const double span = windowSeconds(m_window);
    const double from = span > 0 ? std::max(0.0, latest - span) : 0.0;
    const double to =
        span > 0
            ? std::max(latest, span)
            : std::max({m_plannedSec, 10.0, latest > m_plannedSec ? niceCeiling(latest) : 0.0});

    // One pass over the history feeds every line's decimator: about one point per three
    // pixels of plot (a low and a high per bucket), whatever the history holds.
    struct Feed {
        Line* line;
        SeriesDecimator decimator;
    };
    std::vector<Feed> feeds;
    for (Plot& plot : m_plots) {
        const int width = static_cast<int>(plot.view->chart()->plotArea().width());
        for (Line& line : plot.lines)
            feeds.push_back({&line, SeriesDecimator(from, to, std::max(25, width / 6))});
    }
    m_history.forEachRow([&](const MetricsRow& row) {
        if (row.tSec < from || row.tSec > to)
            return;
        for (Feed& feed : feeds)
            feed.decimator.add(row.tSec, feed.line->value(row));
    });

    const double tickStep = TimeAxisTicks::step(from, to, TimeAxisTicks::DefaultTicks);
    std::size_t next = 0;
    for (Plot& plot : m_plots) {
        std::vector<Feed*> plotFeeds;
        double low = 0;
        double high = 0;
        for (std::size_t i = 0; i < plot.lines.size(); ++i) {
            Feed& feed = feeds[next++];
            plotFeeds.push_back(&feed);
            if (feed.decimator.maximum() >= feed.decimator.minimum()) {
                low = std::min(low, feed.decimator.minimum());
                high = std::max(high, feed.decimator.maximum());
            }
        }
        // A range change makes every series recompute its geometry; emptied first, they
        // compute it once, in replace(). Axis changes also relayout the chart, so each is made
        // only when its value really moves: the value axis in round steps.
        const double top = niceCeiling(std::max(high, low + 1));
        const double bottom = low < 0 ? -niceCeiling(-low) : 0.0;
        const bool valueMoves = plot.valueAxis->min() != bottom || plot.valueAxis->max() != top;
        const bool timeMoves = plot.timeAxis->min() != from || plot.timeAxis->max() != to;
        if (valueMoves || timeMoves) {
            for (Line& line : plot.lines)
                line.series->clear();
        }
        if (valueMoves) {
            plot.valueAxis->setTickInterval(TimeAxisTicks::step(bottom, top, 4));
            plot.valueAxis->setRange(bottom, top);
        }
        if (plot.timeAxis->tickInterval() != tickStep)
            plot.timeAxis->setTickInterval(tickStep);
        if (timeMoves)
            plot.timeAxis->setRange(from, to);
        for (Feed* feed : plotFeeds)
            feed->line->series->replace(feed->decimator.take());
        plot.view->setTimeRange(from, to);
        plot.view->viewport()->update();
    }
    m_lanes->setRange(from, to);
}

bool ChartPanel::saveImage(const QString& path, QString* error)
{
    refresh();
    const QImage image = grab().toImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        *error = tr("cannot write %1: %2").arg(path, writer.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QList<QChart*> ChartPanel::charts() const
{
    QList<QChart*> result;
    for (const Plot& plot : m_plots)
        result.append(plot.view->chart());
    return result;
}
