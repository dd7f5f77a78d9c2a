// ChartPanel: bounded history, series thinned to the plot's width, the window's time range,
// markers only where they belong.

#include "uitestsupport.h"

#include "ui/chartpanel.h"
#include "ui/timechart.h"
#include "ui/workerlanes.h"

#include <QTest>

#include <cmath>
#include <utility>

using namespace shoal;

namespace {

MetricsRow rowAt(int n)
{
    MetricsRow r;
    r.tSec = n * 0.1;
    r.intervalSec = 0.1;
    r.poolSize = 8;
    r.submitted = n * 10;
    r.completed = n * 10 - 3;
    r.waiting = 1;
    r.inFlight = 2;
    r.throughputPerSec = 100 + (n % 7);
    r.latencyP50Ms = 5;
    r.latencyP95Ms = 9;
    r.latencyP99Ms = n == 20'000 ? 900 : 12;
    return r;
}

QList<WorkerProbe> eightWorkers(int n)
{
    QList<WorkerProbe> workers;
    for (int id = 1; id <= 8; ++id) {
        WorkerProbe p;
        p.id = id;
        p.state = (n + id) % 3 ? WorkerState::Busy : WorkerState::Idle;
        workers.append(p);
    }
    return workers;
}

/// The chart titled \a title and the index of its line named \a name; -1 when there is none.
std::pair<TimeChart*, int> lineOf(const ChartPanel& panel, const QString& title,
                                  const QString& name)
{
    for (TimeChart* chart : panel.charts()) {
        if (chart->title() != title)
            continue;
        for (int line = 0; line < chart->lineCount(); ++line) {
            if (chart->lineName(line) == name)
                return {chart, line};
        }
    }
    return {nullptr, -1};
}

} // namespace

class TestChartPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepareTestProcess(); }
    void anHourStaysBoundedAndThinnedToThePlotWidth();
    void theWindowSetsTheSharedTimeAxis();
    void wholeRunSpansThePlannedLength();
    void markersAreDrawnOnlyInTheWindow();
    void clearForgetsTheRun();
    void modelLinesAreDashedAndBreakWhereNoModelApplies();
    void littlesLawAndUtilisationFollowTheRows();
    void countPlotsTickOnWholeNumbers();
    void aComparedRunIsDrawnDashedInTheSameColours();
    void aComparedRunFollowsTheWindowAndWidensTheWholeRun();
    void manyWorkersStillHaveLaneLabels();
};

void TestChartPanel::anHourStaysBoundedAndThinnedToThePlotWidth()
{
    ChartPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setWindow(ChartPanel::Window::All);
    panel.setPlannedSec(3600);
    for (int n = 1; n <= 36'000; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    QCOMPARE(panel.rowsReceived(), 36'000);
    QVERIFY(panel.rowsKept() <= 24'000);
    panel.refresh();

    for (TimeChart* chart : panel.charts()) {
        // At most one point per pixel of the plot's width.
        const int width = chart->plotArea().width();
        for (int line = 0; line < chart->lineCount(); ++line)
            QVERIFY2(chart->points(line).size() <= std::max(50, width),
                     qPrintable(chart->lineName(line)));
        QCOMPARE(chart->timeMin(), 0.0);
        QCOMPARE(chart->timeMax(), 3600.0);
    }
    // The one-sample p99 spike survives the thinning, and sets the value axis.
    TimeChart* latency = panel.charts().at(2);
    QCOMPARE(latency->lineName(2), QStringLiteral("p99"));
    bool spike = false;
    for (const QPointF& p : latency->points(2))
        spike = spike || p.y() == 900;
    QVERIFY(spike);
    QCOMPARE(latency->valueMax(), 1000.0);
    panel.lanes()->repaint();
    QCOMPARE(panel.lanes()->lanesDrawn(), 8);
}

void TestChartPanel::theWindowSetsTheSharedTimeAxis()
{
    ChartPanel panel;
    panel.resize(1000, 700);
    for (int n = 1; n <= 3000; ++n) // 300 s
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.setWindow(ChartPanel::Window::Last30Sec);
    panel.refresh();
    for (TimeChart* chart : panel.charts()) {
        QCOMPARE(chart->timeMin(), 270.0);
        QCOMPARE(chart->timeMax(), 300.0);
        for (int line = 0; line < chart->lineCount(); ++line) {
            if (!chart->points(line).isEmpty())
                QVERIFY(chart->points(line).constFirst().x() >= 270.0);
        }
    }
    panel.setWindow(ChartPanel::Window::Last10Min);
    for (TimeChart* chart : panel.charts()) {
        // Early in a run the axis already spans the window.
        QCOMPARE(chart->timeMin(), 0.0);
        QCOMPARE(chart->timeMax(), 600.0);
    }
}

void TestChartPanel::wholeRunSpansThePlannedLength()
{
    ChartPanel panel;
    panel.setPlannedSec(45);
    panel.setWindow(ChartPanel::Window::All);
    for (int n = 1; n <= 50; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.refresh();
    QCOMPARE(panel.charts().at(0)->timeMax(), 45.0);
    // Past its planned length the axis grows in round steps, not every tick.
    for (int n = 451; n <= 470; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.refresh();
    QCOMPARE(panel.charts().at(0)->timeMax(), 50.0);
    panel.appendSample(rowAt(471), eightWorkers(471));
    panel.refresh();
    QCOMPARE(panel.charts().at(0)->timeMax(), 50.0);

    // A finished run's last row a moment past the planned end: the axis ends at it.
    panel.clear();
    panel.setPlannedSec(10);
    for (int n = 1; n <= 100; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    MetricsRow last = rowAt(100);
    last.tSec = 10.03;
    panel.appendSample(last, eightWorkers(101));
    panel.refresh();
    QCOMPARE(panel.charts().at(0)->timeMax(), 10.03);
}

void TestChartPanel::markersAreDrawnOnlyInTheWindow()
{
    ChartPanel panel;
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    for (int n = 1; n <= 1200; ++n) // 120 s
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.addEvent({10, QStringLiteral("pool.size"), QStringLiteral("4"), QStringLiteral("8")});
    panel.addEvent({100, QStringLiteral("burst"), QString(), QStringLiteral("500")});
    panel.addEvent({110, QStringLiteral("cancelAll"), QString(), QString()});
    panel.setWindow(ChartPanel::Window::Last30Sec);
    panel.refresh();
    const QList<TimeChart*> charts = panel.charts();
    QCOMPARE(charts.size(), 5);
    for (TimeChart* chart : charts) {
        chart->repaint();
        QCOMPARE(chart->markersDrawn(), 2);
    }
    panel.setWindow(ChartPanel::Window::All);
    for (TimeChart* chart : charts) {
        chart->repaint();
        QCOMPARE(chart->markersDrawn(), 3);
    }
}

void TestChartPanel::clearForgetsTheRun()
{
    ChartPanel panel;
    for (int n = 1; n <= 100; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.addEvent({1, QStringLiteral("burst"), QString(), QStringLiteral("5")});
    panel.clear();
    panel.refresh();
    QCOMPARE(panel.rowsKept(), 0);
    QVERIFY(panel.events().isEmpty());
    for (TimeChart* chart : panel.charts()) {
        for (int line = 0; line < chart->lineCount(); ++line)
            QCOMPARE(chart->points(line).size(), 0);
    }
}

void TestChartPanel::modelLinesAreDashedAndBreakWhereNoModelApplies()
{
    ChartPanel panel;
    panel.resize(1200, 800);
    // Rows 1-50 and 101-150 carry the model's p95s; rows 51-100 have none (NaN).
    for (int n = 1; n <= 150; ++n) {
        MetricsRow r = rowAt(n);
        if (n <= 50 || n > 100) {
            r.predictedLatencyP95Ms = 8;
            r.predictedQueueWaitP95Ms = 1.5;
        }
        panel.appendSample(r, eightWorkers(n));
    }
    panel.refresh();
    const auto [latency, p95] = lineOf(panel, QStringLiteral("Latency"), QStringLiteral("p95"));
    QVERIFY(latency);
    QVERIFY(!latency->isDashed(p95));
    for (const QString& name :
         {QStringLiteral("model p95"), QStringLiteral("model queue wait p95")}) {
        const auto [chart, line] = lineOf(panel, QStringLiteral("Latency"), name);
        QVERIFY2(chart == latency, qPrintable(name));
        QVERIFY(chart->isDashed(line));
        const QList<QPointF>& points = chart->points(line);
        QVERIFY(points.size() >= 4);
        // Drawn on both sides of the stretch without a model, with one break between.
        int breaks = 0;
        for (const QPointF& p : points) {
            if (std::isnan(p.y())) {
                ++breaks;
                QVERIFY(p.x() > 5.0 && p.x() <= 10.05);
            } else {
                QVERIFY(p.x() <= 5.05 || p.x() > 10.05);
            }
        }
        QCOMPARE(breaks, 1);
        QVERIFY(points.constFirst().x() < 1);
        QVERIFY(points.constLast().x() > 14.9);
    }
    // The model's p95 in the colour of the measured p95 it is compared with.
    const auto [chart, model] =
        lineOf(panel, QStringLiteral("Latency"), QStringLiteral("model p95"));
    QCOMPARE(chart->lineColor(model), latency->lineColor(p95));
}

void TestChartPanel::littlesLawAndUtilisationFollowTheRows()
{
    ChartPanel panel;
    for (int n = 1; n <= 50; ++n) {
        MetricsRow r = rowAt(n);
        r.throughputPerSec = 200;
        r.latencyMeanMs = 15; // lambda x W = 3 calls
        r.inSystemMean = 2.9;
        r.utilisation = 0.25; // of 8 workers: 2 busy
        panel.appendSample(r, eightWorkers(n));
    }
    panel.refresh();
    const QString queue = QStringLiteral("Queue and in flight");
    const auto [chart, little] = lineOf(panel, queue, QStringLiteral("λ·W (Little's law)"));
    QVERIFY(chart);
    QVERIFY(chart->isDashed(little));
    QVERIFY(!chart->points(little).isEmpty());
    for (const QPointF& p : chart->points(little))
        QCOMPARE(p.y(), 3.0);
    const auto [same, inSystem] = lineOf(panel, queue, QStringLiteral("in system (mean)"));
    QCOMPARE(same, chart);
    QCOMPARE(chart->points(inSystem).constLast().y(), 2.9);
    const auto [pool, busy] = lineOf(panel, QStringLiteral("Pool and limiter"),
                                     QStringLiteral("busy (utilisation × size)"));
    QVERIFY(pool);
    QVERIFY(!pool->points(busy).isEmpty());
    for (const QPointF& p : pool->points(busy))
        QCOMPARE(p.y(), 2.0);
}

void TestChartPanel::countPlotsTickOnWholeNumbers()
{
    ChartPanel panel;
    // One call timed out: the outcomes' value axis spans 0..2, where four ticks would be 0.5
    // apart.
    for (int n = 1; n <= 50; ++n) {
        MetricsRow r = rowAt(n);
        r.timedOut = n > 25 ? 1 : 0;
        panel.appendSample(r, eightWorkers(n));
    }
    panel.refresh();
    for (TimeChart* chart : panel.charts()) {
        const bool counts = chart->title() == QStringLiteral("Outcomes (cumulative)") ||
                            chart->title() == QStringLiteral("Queue and in flight") ||
                            chart->title() == QStringLiteral("Pool and limiter");
        QCOMPARE(chart->wholeNumbers(), counts);
        if (!counts)
            continue;
        QVERIFY(chart->valueTicks().size() >= 2);
        for (double tick : chart->valueTicks())
            QVERIFY2(tick == std::floor(tick), qPrintable(chart->title()));
    }
    TimeChart* outcomes =
        lineOf(panel, QStringLiteral("Outcomes (cumulative)"), QStringLiteral("timed out")).first;
    QVERIFY(outcomes->valueMax() <= 2.5);
    QCOMPARE(outcomes->valueTicks(), (QList<double>{0, 1, 2}));
    // The same range without the option ticks on halves.
    outcomes->setWholeNumbers(false);
    QVERIFY(outcomes->valueTicks().contains(0.5));
}

void TestChartPanel::manyWorkersStillHaveLaneLabels()
{
    ChartPanel panel;
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QList<WorkerProbe> workers;
    for (int id = 1; id <= 64; ++id) {
        WorkerProbe p;
        p.id = id;
        p.state = id % 2 ? WorkerState::Busy : WorkerState::Idle;
        workers.append(p);
    }
    for (int n = 1; n <= 50; ++n)
        panel.appendSample(rowAt(n), workers);
    panel.refresh();
    panel.lanes()->repaint();
    QCOMPARE(panel.lanes()->lanesDrawn(), 64);
    // Rows thinner than a line of text: every few lanes are labelled, not none and not all.
    const int labelled = panel.lanes()->lanesLabelled();
    QVERIFY2(labelled >= 4 && labelled < 64, qPrintable(QString::number(labelled)));

    // Eight lanes fit their labels, one each.
    ChartPanel few;
    few.resize(1000, 700);
    few.show();
    QVERIFY(QTest::qWaitForWindowExposed(&few));
    for (int n = 1; n <= 50; ++n)
        few.appendSample(rowAt(n), eightWorkers(n));
    few.refresh();
    few.lanes()->repaint();
    QCOMPARE(few.lanes()->lanesLabelled(), 8);
}

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"

void TestChartPanel::aComparedRunIsDrawnDashedInTheSameColours()
{
    ChartPanel panel;
    panel.resize(1200, 800);
    panel.setWindow(ChartPanel::Window::All);
    for (int n = 1; n <= 50; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    QList<MetricsRow> other;
    for (int n = 1; n <= 50; ++n) {
        MetricsRow r = rowAt(n);
        r.latencyP95Ms = 40; // the other run is slower
        r.throughputPerSec = 60;
        other.append(r);
    }
    panel.refresh();
    QList<int> linesBefore;
    for (TimeChart* chart : panel.charts())
        linesBefore.append(chart->lineCount());

    panel.setCompared(other, QStringLiteral("before.shoalrun"));
    panel.refresh();
    QCOMPARE(panel.comparedName(), QStringLiteral("before.shoalrun"));
    const QList<TimeChart*> charts = panel.charts();
    for (int c = 0; c < charts.size(); ++c) {
        TimeChart* chart = charts[c];
        QCOMPARE(chart->comparedName(), QStringLiteral("dashed: before.shoalrun"));
        // Every measured line again, after the run's own, in its colour, in the compared stroke.
        int measured = 0;
        for (int line = 0; line < linesBefore[c]; ++line) {
            if (chart->stroke(line) != TimeChart::Stroke::Solid)
                continue; // a model's line is not drawn again
            const int again = linesBefore[c] + measured++;
            QCOMPARE(chart->stroke(again), TimeChart::Stroke::Compared);
            QCOMPARE(chart->lineColor(again), chart->lineColor(line));
            QCOMPARE(chart->lineName(again), chart->lineName(line));
        }
        QVERIFY(measured > 0);
        QCOMPARE(chart->lineCount(), linesBefore[c] + measured);
    }
    // The compared p95 is the other run's, and the value axis makes room for it.
    const auto [latency, p95] = lineOf(panel, QStringLiteral("Latency"), QStringLiteral("p95"));
    int comparedP95 = -1;
    for (int line = latency->lineCount() - 1; line >= 0 && comparedP95 < 0; --line) {
        if (latency->lineName(line) == QStringLiteral("p95") &&
            latency->stroke(line) == TimeChart::Stroke::Compared)
            comparedP95 = line;
    }
    QVERIFY(comparedP95 > p95);
    QVERIFY(!latency->points(comparedP95).isEmpty());
    for (const QPointF& point : latency->points(comparedP95))
        QCOMPARE(point.y(), 40.0);
    for (const QPointF& point : latency->points(p95))
        QCOMPARE(point.y(), 9.0);
    QVERIFY(latency->valueMax() >= 40);

    panel.clear(); // a new run: the compared one stays
    panel.refresh();
    QCOMPARE(latency->lineCount(), linesBefore[2] + 5);
    QVERIFY(!latency->points(comparedP95).isEmpty());

    panel.clearCompared();
    panel.refresh();
    QVERIFY(panel.comparedName().isEmpty());
    for (int c = 0; c < charts.size(); ++c) {
        QCOMPARE(charts[c]->lineCount(), linesBefore[c]);
        QVERIFY(charts[c]->comparedName().isEmpty());
    }
}

void TestChartPanel::aComparedRunFollowsTheWindowAndWidensTheWholeRun()
{
    ChartPanel panel;
    panel.resize(1200, 800);
    panel.setPlannedSec(10);
    panel.setWindow(ChartPanel::Window::All);
    QList<MetricsRow> longer;
    for (int n = 1; n <= 600; ++n) // a minute
        longer.append(rowAt(n));
    panel.setCompared(longer, QStringLiteral("long.shoalrun"));
    for (int n = 1; n <= 20; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.refresh();
    // The whole run spans the longer, compared run; its line reaches its end.
    const auto [throughput, completed] =
        lineOf(panel, QStringLiteral("Throughput"), QStringLiteral("completed/s"));
    QCOMPARE(throughput->timeMax(), 100.0);
    const int compared = throughput->lineCount() - 3;
    QCOMPARE(throughput->stroke(compared), TimeChart::Stroke::Compared);
    QCOMPARE(throughput->points(compared).constLast().x(), 60.0);
    QCOMPARE(throughput->points(completed).constLast().x(), 2.0);

    // The last 30 s of this run: the compared run over the same seconds of its own.
    for (int n = 21; n <= 450; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.setWindow(ChartPanel::Window::Last30Sec);
    panel.refresh();
    QCOMPARE(throughput->timeMin(), 15.0);
    QCOMPARE(throughput->timeMax(), 45.0);
    const QList<QPointF>& points = throughput->points(compared);
    QVERIFY(!points.isEmpty());
    QVERIFY(points.constFirst().x() >= 15.0);
    QVERIFY(points.constLast().x() <= 45.0);
    QVERIFY(points.constLast().x() > 44.0);
}
