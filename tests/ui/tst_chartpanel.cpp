// ChartPanel: bounded history, series thinned to the plot's width, the window's time range,
// markers only where they belong.

#include "uitestsupport.h"

#include "ui/chartpanel.h"
#include "ui/timechart.h"
#include "ui/workerlanes.h"

#include <QTest>

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

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
