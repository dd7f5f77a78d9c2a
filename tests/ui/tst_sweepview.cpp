// The Sweep view against a real Session and SweepRunner on the test thread, as the window has
// them: the form offers the settings and reads a preset's sweep section, refuses bad values
// naming the key, and a real sweep draws its series (model dashed, objective, recommendation,
// knee), exports the CSV and a PNG, can be canceled, and in the window locks the run commands
// while it drives the session whose live charts show each run.

#include "uitestsupport.h"

#include "testsupport/reportcheck.h"

#include "ui/chartpanel.h"
#include "ui/controlpanel.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/runactions.h"
#include "ui/sweepcharts.h"
#include "ui/sweepform.h"
#include "ui/sweepview.h"

#include "lab/presetlibrary.h"
#include "lab/session.h"
#include "lab/sweeprunner.h"
#include "text/sweeptext.h"

#include <QAction>
#include <QChart>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMessageBox>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <memory>

using namespace shoal;

namespace {

/// How long a short sweep may take on a loaded two-core machine.
constexpr int kSweepMs = 90000;

/// Poisson arrivals at 200/s of exponential 2 ms services: M/M/c, so the model applies at every
/// size tried.
Scenario mmcScenario()
{
    Scenario s = uitest::quickScenario();
    s.workloadParams.insert(QStringLiteral("distribution"), QStringLiteral("exponential"));
    s.arrivalProcess = ArrivalProcess::Poisson;
    return s;
}

/// pool.size over \a values, each point \a pointSec measured after no warm-up.
SweepSpec sizeSweep(QList<double> values, double pointSec = 0.4)
{
    SweepSpec spec;
    spec.axes.append({QStringLiteral("pool.size"), std::move(values)});
    spec.warmupSec = 0;
    spec.pointSec = pointSec;
    return spec;
}

/// The series of \a chart named \a name, or null.
QXYSeries* series(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series()) {
        if (s->name() == name)
            return static_cast<QXYSeries*>(s);
    }
    return nullptr;
}

QStringList names(QChart* chart)
{
    QStringList out;
    for (QAbstractSeries* s : chart->series())
        out.append(s->name());
    return out;
}

} // namespace

class TestSweepView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void formOffersNumericSettingsAndTheWorkloadsParameters();
    void presetSweepSectionFillsTheForm();
    void badValuesAreRefusedNamingTheKey();
    void sweepDrawsItsSeriesAndRecommends();
    void gridDrawsOneCurvePerValueOfTheSecondKey();
    void cancelStopsAndKeepsWhatWasMeasured();
    void exportsWriteTheCsvAndAPng();
    void exportToAMissingFolderSaysWhy();
    void windowLocksRunCommandsWhileTheSweepDrivesItsSession();

private:
    /// Starts \a spec on the view and waits for its end.
    void runSweep(const SweepSpec& spec);

    std::unique_ptr<Session> m_session;
    std::unique_ptr<SweepRunner> m_runner;
    std::unique_ptr<SweepView> m_view;
};

void TestSweepView::initTestCase()
{
    uitest::prepareTestProcess();
}

void TestSweepView::init()
{
    QSettings().clear();
    m_session = std::make_unique<Session>();
    m_runner = std::make_unique<SweepRunner>(m_session.get());
    m_view = std::make_unique<SweepView>(m_runner.get());
    connect(m_session.get(), &Session::scenarioChanged, m_view.get(), &SweepView::setScenario);
    m_session->loadScenario(mmcScenario());
    m_view->resize(1200, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestSweepView::cleanup()
{
    m_view.reset();
    m_runner.reset();
    m_session.reset();
}

void TestSweepView::runSweep(const SweepSpec& spec)
{
    QSignalSpy finished(m_runner.get(), &SweepRunner::finished);
    QVERIFY(m_view->start(spec));
    QVERIFY(m_view->isSweeping());
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isSweeping(), kSweepMs);
    QCOMPARE(finished.size(), 1);
    QVERIFY(m_view->result().has_value());
}

void TestSweepView::formOffersNumericSettingsAndTheWorkloadsParameters()
{
    const QComboBox* keys = m_view->form()->firstKey();
    QVERIFY(keys->findData(QStringLiteral("pool.size")) >= 0);
    QVERIFY(keys->findData(QStringLiteral("arrival.ratePerSec")) >= 0);
    QVERIFY(keys->findData(QStringLiteral("call.timeoutMs")) >= 0);
    QVERIFY(keys->findData(QStringLiteral("workload.params.meanMs")) >= 0);
    // The sweep sets the run's length; choices and switches are not swept.
    QCOMPARE(keys->findData(QStringLiteral("run.durationSec")), -1);
    QCOMPARE(keys->findData(QStringLiteral("arrival.mode")), -1);
    QCOMPARE(keys->findData(QStringLiteral("workload.params.distribution")), -1);
    // Without a sweep section: how many workers.
    QCOMPARE(keys->currentData().toString(), QStringLiteral("pool.size"));
    QCOMPARE(m_view->form()->secondKey()->currentData().toString(), QString());
    QString error;
    const std::optional<SweepSpec> spec = m_view->form()->spec(mmcScenario(), &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(spec->axes.size(), 1);
    QCOMPARE(spec->axes.first().values, (QList<double>{1, 2, 4, 8}));
}

void TestSweepView::presetSweepSectionFillsTheForm()
{
    ScenarioError error;
    const std::optional<Scenario> preset =
        PresetLibrary::load(QStringLiteral("size-mmc-pool"), &error);
    QVERIFY(preset && preset->sweep);
    m_session->loadScenario(*preset);
    QCOMPARE(m_view->form()->firstKey()->currentData().toString(), preset->sweep->axes.first().key);
    QString refusal;
    const std::optional<SweepSpec> spec = m_view->form()->spec(*preset, &refusal);
    QVERIFY2(spec, qPrintable(refusal));
    QCOMPARE(*spec, *preset->sweep);
}

void TestSweepView::badValuesAreRefusedNamingTheKey()
{
    QSignalSpy sweeping(m_view.get(), &SweepView::sweepingChanged);
    m_view->form()->firstValues()->setText(QStringLiteral("8..1"));
    QVERIFY(!m_view->start());
    QVERIFY(!m_view->isSweeping());
    QVERIFY2(m_view->verdict()->text().contains(QStringLiteral("pool.size")),
             qPrintable(m_view->verdict()->text()));
    QVERIFY2(m_view->verdict()->text().contains(QStringLiteral("8..1")),
             qPrintable(m_view->verdict()->text()));
    // A value the key cannot take is refused as --sweep refuses it.
    m_view->form()->firstValues()->setText(QStringLiteral("2, 2.5"));
    QVERIFY(!m_view->start());
    QVERIFY2(m_view->verdict()->text().contains(QStringLiteral("pool.size")),
             qPrintable(m_view->verdict()->text()));
    QCOMPARE(sweeping.size(), 0);
    QCOMPARE(m_session->state(), RunState::Idle);
}

void TestSweepView::sweepDrawsItsSeriesAndRecommends()
{
    SweepSpec spec = sizeSweep({2, 3, 4});
    spec.slo = SweepSlo{SweepSlo::Metric::P95, 900};
    QSignalSpy points(m_runner.get(), &SweepRunner::pointFinished);
    runSweep(spec);
    QCOMPARE(points.size(), 3);

    QChart* throughput = m_view->charts()->throughputChart();
    QChart* latency = m_view->charts()->latencyChart();
    QXYSeries* line = series(throughput, QStringLiteral("throughput"));
    QVERIFY2(line, qPrintable(names(throughput).join(QLatin1Char(','))));
    QCOMPARE(line->count(), 3);
    QCOMPARE(line->at(0).x(), 2.0);
    QVERIFY(line->at(0).y() > 0);
    for (const QString& name :
         {QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99")}) {
        QXYSeries* s = series(latency, name);
        QVERIFY2(s, qPrintable(name));
        QCOMPARE(s->count(), 3);
    }
    // p95 lies at or above p50 at every point.
    for (int i = 0; i < 3; ++i)
        QVERIFY(series(latency, QStringLiteral("p95"))->at(i).y() >=
                series(latency, QStringLiteral("p50"))->at(i).y());
    // M/M/c: the model's p95 is drawn dashed beside the measured one.
    QXYSeries* model = series(latency, QStringLiteral("p95 model"));
    QVERIFY2(model, qPrintable(names(latency).join(QLatin1Char(','))));
    QCOMPARE(model->count(), 3);
    QCOMPARE(model->pen().style(), Qt::DashLine);
    QXYSeries* objective = series(latency, QStringLiteral("p95 ≤ 900 ms"));
    QVERIFY2(objective, qPrintable(names(latency).join(QLatin1Char(','))));
    QCOMPARE(objective->at(0).y(), 900.0);
    // Every size meets so generous an objective: the smallest tried is recommended.
    QXYSeries* recommended = series(latency, QStringLiteral("recommended"));
    QVERIFY(recommended);
    QCOMPARE(recommended->count(), 1);
    QCOMPARE(recommended->at(0).x(), 2.0);
    QXYSeries* knee = series(throughput, QStringLiteral("knee"));
    QVERIFY(knee);
    QCOMPARE(knee->count(), 1);
    QCOMPARE(knee->at(0).x(), m_view->result()->analysis.groups.first().knee->value);
    QVERIFY2(m_view->verdict()->text().contains(QStringLiteral("pool.size 2")),
             qPrintable(m_view->verdict()->text()));
    // Hovering names the point's numbers.
    const QString hover = m_view->charts()->pointText(std::nullopt, 3.1);
    QVERIFY2(hover.contains(QStringLiteral("pool.size 3")), qPrintable(hover));
    QVERIFY2(hover.contains(QStringLiteral("calls/s")), qPrintable(hover));
    // The latency axis goes logarithmic on request, and back.
    m_view->charts()->setLogLatency(true);
    QVERIFY(qobject_cast<QLogValueAxis*>(latency->axes(Qt::Vertical).value(0)));
    m_view->charts()->setLogLatency(false);
    QVERIFY(qobject_cast<QValueAxis*>(latency->axes(Qt::Vertical).value(0)));
    // The session has its base configuration back.
    QCOMPARE(m_session->scenario(), mmcScenario());
    QCOMPARE(m_session->state(), RunState::Finished);
}

void TestSweepView::gridDrawsOneCurvePerValueOfTheSecondKey()
{
    SweepSpec spec = sizeSweep({2, 4}, 0.3);
    spec.axes.append({QStringLiteral("arrival.ratePerSec"), {100, 300}});
    runSweep(spec);
    QCOMPARE(m_view->result()->points.size(), 4);
    QChart* throughput = m_view->charts()->throughputChart();
    for (const QString& name :
         {QStringLiteral("ratePerSec = 100"), QStringLiteral("ratePerSec = 300")}) {
        QXYSeries* s = series(throughput, name);
        QVERIFY2(s, qPrintable(names(throughput).join(QLatin1Char(','))));
        QCOMPARE(s->count(), 2);
    }
    // The grid shows the objective's percentile (p95 without one), one curve per value.
    QVERIFY(series(m_view->charts()->latencyChart(), QStringLiteral("p95, ratePerSec = 300")));
    QCOMPARE(m_view->result()->analysis.groups.size(), 2);
    QCOMPARE(m_view->verdict()->text().count(QLatin1Char('\n')), 1); // a sentence per value
}

void TestSweepView::cancelStopsAndKeepsWhatWasMeasured()
{
    QSignalSpy points(m_runner.get(), &SweepRunner::pointFinished);
    QSignalSpy canceled(m_runner.get(), &SweepRunner::canceled);
    QVERIFY(m_view->start(sizeSweep({1, 2, 3, 4, 5, 6}, 30)));
    // The first point is far from done: cancel while it runs.
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), RunState::Running, kSweepMs);
    m_view->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isSweeping(), kSweepMs);
    QCOMPARE(canceled.size(), 1);
    QCOMPARE(points.size(), 0);
    QVERIFY2(m_view->verdict()->text().contains(QStringLiteral("Canceled")),
             qPrintable(m_view->verdict()->text()));
    QVERIFY(!m_view->result());
    QCOMPARE(m_session->state(), RunState::Idle);
    QCOMPARE(m_session->scenario(), mmcScenario());

    // A point that finished before the cancel stays on show.
    QVERIFY(m_view->start(sizeSweep({2, 3}, 0.3)));
    QTRY_COMPARE_WITH_TIMEOUT(points.size(), 1, kSweepMs);
    m_view->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isSweeping(), kSweepMs);
    if (points.size() == 1) { // the second had not finished before the cancel came
        QXYSeries* line = series(m_view->charts()->throughputChart(), QStringLiteral("throughput"));
        QVERIFY(line);
        QCOMPARE(line->count(), 1);
    }
}

void TestSweepView::exportsWriteTheCsvAndAPng()
{
    runSweep(sizeSweep({2, 4}, 0.3));
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("sweep.csv"));
    QVERIFY(m_view->exportCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QCOMPARE(written, SweepText::csv(*m_view->result()));
    QCOMPARE(written.count('\n'), 3); // the header and a row per point
    const QString png = dir.filePath(QStringLiteral("sweep.png"));
    QVERIFY(m_view->saveImage(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 2 * 300);
    // The report: the sweep's base preset, its table and its curves, nothing from outside.
    const QString html = dir.filePath(QStringLiteral("sweep.html"));
    QVERIFY(m_view->saveReport(html));
    const testsupport::ReportPage report = testsupport::readReport(html);
    QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
    QVERIFY(report.text.contains(mmcScenario().name));
    QCOMPARE(report.images, 1);
    QVERIFY(report.text.contains(QStringLiteral("Recommendation")));
}

void TestSweepView::exportToAMissingFolderSaysWhy()
{
    runSweep(sizeSweep({2}, 0.3));
    QSignalSpy written(m_view.get(), &SweepView::fileWritten);
    const QString path = QStringLiteral("/nonexistent-folder/sweep.csv");
    QVERIFY(!m_view->exportCsv(path));
    QCOMPARE(written.size(), 1);
    const QString error = written.first().at(1).toString();
    QVERIFY2(error.contains(path), qPrintable(error));
    QMessageBox* dialog = m_view->findChild<QMessageBox*>();
    QVERIFY(dialog);
    QVERIFY(dialog->text().contains(path));
    dialog->close();
}

void TestSweepView::windowLocksRunCommandsWhileTheSweepDrivesItsSession()
{
    cleanup();
    Session session;
    LanguageSwitcher languages;
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    MainWindow window(&session, &languages);
    window.loadScenario(mmcScenario());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget* dock = window.findChild<QDockWidget*>(QStringLiteral("sweepDock"));
    QVERIFY(dock);
    QVERIFY(window.actions()->run()->isEnabled());

    QSignalSpy sweeping(window.sweep(), &SweepView::sweepingChanged);
    const qint64 rowsBefore = window.charts()->rowsReceived();
    QVERIFY(window.sweep()->start(sizeSweep({2, 3}, 0.5)));
    QVERIFY(dock->isVisible());
    QVERIFY(!window.actions()->run()->isEnabled());
    QVERIFY(!window.actions()->openPreset()->isEnabled());
    QVERIFY(!window.controls()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window.sweep()->isSweeping(), kSweepMs);
    QCOMPARE(sweeping.size(), 2);
    // The live charts showed the sweep's runs.
    QVERIFY(window.charts()->rowsReceived() > rowsBefore);
    QVERIFY(window.actions()->run()->isEnabled());
    QVERIFY(window.controls()->isEnabled());
    QCOMPARE(window.controls()->scenario(), mmcScenario());
    QCOMPARE(window.sweep()->result()->points.size(), 2);
    // The Run menu's Sweep… shows the view.
    dock->hide();
    window.actions()->sweep()->trigger();
    QVERIFY(dock->isVisible());
}

QTEST_MAIN(TestSweepView)
#include "tst_sweepview.moc"
