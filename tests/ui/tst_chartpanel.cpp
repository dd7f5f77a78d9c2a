// ChartPanel: bounded history, series thinned to the plot's width, the window's time range,
// markers only where they belong.

#include "uitestsupport.h"

#include "ui/chartpanel.h"
#include "ui/markedchartview.h"
#include "ui/workerlanes.h"

#include <QChart>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

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

QValueAxis* timeAxis(QChart* chart)
{
    return static_cast<QValueAxis*>(chart->axes(Qt::Horizontal).at(0));
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

    for (QChart* chart : panel.charts()) {
        // At most one point per pixel of the chart's width.
        const int width = static_cast<int>(chart->size().width());
        for (QAbstractSeries* series : chart->series()) {
            const auto* line = static_cast<QLineSeries*>(series);
            QVERIFY2(line->count() <= std::max(50, width), qPrintable(line->name()));
        }
        QCOMPARE(timeAxis(chart)->min(), 0.0);
        QCOMPARE(timeAxis(chart)->max(), 3600.0);
    }
    // The one-sample p99 spike survives the thinning.
    const auto* p99 = static_cast<QLineSeries*>(panel.charts().at(2)->series().at(2));
    bool spike = false;
    for (const QPointF& p : p99->points())
        spike = spike || p.y() == 900;
    QVERIFY(spike);
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
    for (QChart* chart : panel.charts()) {
        QCOMPARE(timeAxis(chart)->min(), 270.0);
        QCOMPARE(timeAxis(chart)->max(), 300.0);
        const auto* line = static_cast<QLineSeries*>(chart->series().at(0));
        if (line->count() > 0)
            QVERIFY(line->at(0).x() >= 270.0);
    }
    panel.setWindow(ChartPanel::Window::Last10Min);
    for (QChart* chart : panel.charts()) {
        // Early in a run the axis already spans the window.
        QCOMPARE(timeAxis(chart)->min(), 0.0);
        QCOMPARE(timeAxis(chart)->max(), 600.0);
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
    QCOMPARE(timeAxis(panel.charts().at(0))->max(), 45.0);
    // Past its planned length the axis grows in round steps, not every tick.
    for (int n = 451; n <= 470; ++n)
        panel.appendSample(rowAt(n), eightWorkers(n));
    panel.refresh();
    QCOMPARE(timeAxis(panel.charts().at(0))->max(), 50.0);
    panel.appendSample(rowAt(471), eightWorkers(471));
    panel.refresh();
    QCOMPARE(timeAxis(panel.charts().at(0))->max(), 50.0);
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
    const QList<MarkedChartView*> views = panel.findChildren<MarkedChartView*>();
    QCOMPARE(views.size(), 5);
    for (MarkedChartView* view : views) {
        view->viewport()->repaint();
        QCOMPARE(view->markersDrawn(), 2);
    }
    panel.setWindow(ChartPanel::Window::All);
    for (MarkedChartView* view : views) {
        view->viewport()->repaint();
        QCOMPARE(view->markersDrawn(), 3);
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
    for (QChart* chart : panel.charts()) {
        for (QAbstractSeries* series : chart->series())
            QCOMPARE(static_cast<QLineSeries*>(series)->count(), 0);
    }
}

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
