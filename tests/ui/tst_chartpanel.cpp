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

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
