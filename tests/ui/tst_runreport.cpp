// The HTML report of a real run, a real sweep and two real runs compared: one well-formed,
// self-contained page whose pictures are PNGs drawn by the window's widgets, holding the
// scenario, the machine, the figures, the sentences and every event.

#include "uitestsupport.h"

#include "testsupport/reportcheck.h"

#include "ui/reporthtml.h"
#include "ui/runreport.h"

#include "lab/session.h"
#include "lab/sweeprunner.h"
#include "text/comparisontext.h"
#include "text/eventtext.h"
#include "text/sweeptext.h"

#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shoal;

namespace {

/// How long a short run or sweep may take on a loaded two-core machine.
constexpr int kRunMs = 60000;

/// A finished run of the quick scenario lasting \a seconds with \a workers, a pool resize
/// at 0.3 s on its timeline.
RunRecord quickRun(int workers, double seconds = 0.7)
{
    Session session;
    Scenario s = uitest::quickScenario(seconds);
    s.poolSize = workers;
    s.timeline.append({0.3, Scenario::Action::SetSize, qint64(workers + 1), QString()});
    QSignalSpy finished(&session, &Session::runFinished);
    session.loadScenario(s);
    session.start();
    if (!finished.wait(kRunMs))
        qFatal("the run did not finish");
    return session.runRecord();
}

} // namespace

class TestRunReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { uitest::prepareTestProcess(); }
    void escapingKeepsTheMarkupWellFormed();
    void aRunsReportHoldsItsFiguresChartsAndEvents();
    void aRunFileWithoutLanesSaysSo();
    void aSweepsReportHoldsItsTableCurvesAndRecommendation();
    void aComparisonsReportNamesEveryFigure();
    void aReportIsWrittenAtomicallyOrNamesTheFile();

private:
    /// Parses \a html as XML from start to end, checks it needs nothing from outside and that
    /// its images are real pictures; fails the test otherwise.
    static testsupport::ReportPage parse(const QByteArray& html);
};

testsupport::ReportPage TestRunReport::parse(const QByteArray& html)
{
    testsupport::ReportPage page = testsupport::parseReport(html);
    if (!page.error.isEmpty())
        qFatal("%s", qPrintable(page.error));
    return page;
}

void TestRunReport::escapingKeepsTheMarkupWellFormed()
{
    ReportHtml html(QStringLiteral("a <b> & \"c\""), QStringLiteral("en"));
    html.paragraph(QStringLiteral("x < y && z\x01"));
    html.table({{QStringLiteral("k&v")}, {{QStringLiteral("<tr>")}}, {0}});
    const testsupport::ReportPage page = parse(html.page());
    QVERIFY(page.text.contains(QStringLiteral("a <b> & \"c\"")));
    QVERIFY(page.text.contains(QStringLiteral("x < y && z ")));
    QVERIFY(page.text.contains(QStringLiteral("<tr>")));
}

void TestRunReport::aRunsReportHoldsItsFiguresChartsAndEvents()
{
    const RunRecord record = quickRun(2, 0.7);
    QVERIFY(!record.events.isEmpty());
    QCOMPARE(int(record.lanes.lanes().size()), 3); // two workers, then a third
    const testsupport::ReportPage page = parse(RunReport::run(record));
    // The live charts with their lanes, and the spectrum.
    QCOMPARE(page.images, 2);
    QVERIFY(page.text.contains(record.scenario.name));
    QVERIFY(page.text.contains(record.scenario.description));
    QVERIFY(page.text.contains(record.machine.cpu));
    QVERIFY(page.text.contains(record.machine.os));
    const double throughput = record.summary.value(QStringLiteral("throughputPerSec")).toDouble();
    QVERIFY2(page.text.contains(QLocale().toString(throughput, 'f', 1)), qPrintable(page.text));
    // The settings as the preset spells them, the model's sentence and every event.
    QVERIFY(page.text.contains(QStringLiteral("workload.params.meanMs")));
    QVERIFY(page.text.contains(QStringLiteral("arrival.ratePerSec")));
    QVERIFY(page.text.contains(QStringLiteral("Queueing model: ")));
    for (const RunEvent& event : record.events)
        QVERIFY2(page.text.contains(EventText::label(event)), qPrintable(EventText::label(event)));
    QVERIFY(!page.text.contains(QStringLiteral("keeps no worker lanes")));
}

void TestRunReport::aRunFileWithoutLanesSaysSo()
{
    RunRecord record = quickRun(3, 0.5);
    record.lanes.clear(); // as a file written before run files kept lanes
    const testsupport::ReportPage page = parse(RunReport::run(record));
    QCOMPARE(page.images, 2);
    QVERIFY(page.text.contains(QStringLiteral("This run file keeps no worker lanes")));
}

void TestRunReport::aSweepsReportHoldsItsTableCurvesAndRecommendation()
{
    SweepRunner runner;
    SweepSpec spec;
    spec.axes.append({QStringLiteral("pool.size"), {1, 2, 4}});
    spec.warmupSec = 0;
    spec.pointSec = 0.3;
    spec.slo = SweepSlo{SweepSlo::Metric::P95, 50};
    QSignalSpy finished(&runner, &SweepRunner::finished);
    const Scenario base = uitest::quickScenario();
    runner.start(base, spec);
    QVERIFY(finished.wait(kRunMs));
    const auto result = finished.at(0).at(0).value<SweepResult>();

    const testsupport::ReportPage page =
        parse(RunReport::sweep(result, base, spec, MachineInfo::current()));
    QCOMPARE(page.images, 1);
    QVERIFY(page.text.contains(base.name));
    // The sweep as it ran, not as the preset's section says.
    QVERIFY(page.text.contains(QStringLiteral("Measured per point")));
    QVERIFY(page.text.contains(QLocale().toString(0.3) + QStringLiteral(" s")));
    QVERIFY(page.text.contains(spec.slo->toString()));
    QVERIFY(page.text.contains(MachineInfo::current().cpu));
    for (const QString& column : SweepText::header(result.keys))
        QVERIFY2(page.tableHeads.contains(column), qPrintable(column));
    for (const SweepGroup& group : result.analysis.groups)
        QVERIFY(page.text.contains(SweepText::sentence(group, result.keys)));
    QVERIFY(page.text.contains(
        QLocale().toString(result.points.constFirst().throughputPerSec, 'f', 1)));
}

void TestRunReport::aComparisonsReportNamesEveryFigure()
{
    RunRecord a = quickRun(2, 0.5);
    RunRecord b = quickRun(4, 0.5);
    b.scenario.name = QStringLiteral("ui-test-wide");
    const testsupport::ReportPage page = parse(RunReport::compare(
        a, QStringLiteral("/tmp/a & b.shoalrun"), b, QStringLiteral("b.shoalrun")));
    // A's charts and spectrum with B's dashed over them.
    QCOMPARE(page.images, 2);
    QVERIFY(page.text.contains(QStringLiteral("A solid, B dashed")));
    QVERIFY(page.text.contains(QStringLiteral("/tmp/a & b.shoalrun")));
    QVERIFY(page.text.contains(QStringLiteral("ui-test-wide")));
    const RunComparison comparison = compareRuns(a, b);
    for (const ComparedMetric& m : comparison.metrics) {
        QVERIFY2(page.text.contains(ComparisonText::figureName(m.figure)),
                 qPrintable(ComparisonText::figureName(m.figure)));
        QVERIFY(page.text.contains(ComparisonText::value(m.a, m.figure, QLocale())));
        const QString note = ComparisonText::noiseNote(m);
        QVERIFY2(note.isEmpty() || page.text.contains(note), qPrintable(note));
    }
    for (const QString& column : ComparisonText::header())
        QVERIFY2(page.tableHeads.contains(column), qPrintable(column));
    // The setting the runs differ in, with both values.
    QVERIFY(page.text.contains(QStringLiteral("pool.size")));
}

void TestRunReport::aReportIsWrittenAtomicallyOrNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.html"));
    QVERIFY(!RunReport::write(path, QByteArrayLiteral("<p>one</p>")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArrayLiteral("<p>one</p>"));
    const FileError e = RunReport::write(dir.filePath(QStringLiteral("no/such/r.html")), {});
    QVERIFY(e);
    QVERIFY(e.path.endsWith(QStringLiteral("no/such/r.html")));
}

QTEST_MAIN(TestRunReport)
#include "tst_runreport.moc"
