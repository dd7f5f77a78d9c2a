#include "lab/presetlibrary.h"
#include "lab/sweeprunner.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace shoal;

namespace {

const QString kSize = QStringLiteral("pool.size");
/// Generous for a loaded two-core machine: a 0.7 s point can take seconds to get going.
constexpr int kDeadlineMs = 120'000;

/// 100 Poisson calls/s of exponential 5 ms jobs: M/M/c applies, every size here is stable.
Scenario base()
{
    Scenario s = *PresetLibrary::builtin(QStringLiteral("steady-state"));
    s.ratePerSec = 100;
    s.workloadParams.insert(QStringLiteral("meanMs"), 5.0);
    s.drainSec = 1;
    return s;
}

SweepSpec sizes(QList<double> values, int repeats)
{
    SweepSpec spec;
    spec.axes = {{kSize, values}};
    spec.warmupSec = 0.2;
    spec.pointSec = 0.5;
    spec.repeats = repeats;
    spec.slo = parseSweepSlo(u"p95<=10000");
    return spec;
}

} // namespace

class TestSweepRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void planInterleavesRepeats();
    void planRefusesWhatSetWouldRefuse_data();
    void planRefusesWhatSetWouldRefuse();
    void aSmallSweepMeasuresEveryPointInOrder();
    void cancelStopsMidSweepAndAnotherCanRun();
};

void TestSweepRunner::planInterleavesRepeats()
{
    ScenarioError error;
    const auto plan = SweepRunner::plan(base(), sizes({1, 2, 3}, 2), &error);
    QVERIFY(plan);
    QCOMPARE(plan->size(), 6);
    const QList<double> order{1, 2, 3, 1, 2, 3};
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(plan->at(i).values.value(kSize), order.at(i));
        QCOMPARE(plan->at(i).repeat, i / 3);
        QCOMPARE(plan->at(i).scenario.poolSize, static_cast<int>(order.at(i)));
        QCOMPARE(plan->at(i).scenario.durationSec, 0.7); // warm-up plus measured
    }
}

void TestSweepRunner::planRefusesWhatSetWouldRefuse_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("repeats");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown key") << "pool.sise" << QList<double>{1} << 1 << "pool.sise";
    QTest::newRow("out of range") << kSize << QList<double>{-1, 1} << 1 << kSize;
    QTest::newRow("not an integer") << kSize << QList<double>{1.5} << 1 << kSize;
    QTest::newRow("no values") << kSize << QList<double>{} << 1 << kSize;
    QTest::newRow("too many runs") << kSize << QList<double>{1, 2} << 300 << "sweep.points";
    QTest::newRow("the run length")
        << "run.durationSec" << QList<double>{1} << 1 << "run.durationSec";
}

void TestSweepRunner::planRefusesWhatSetWouldRefuse()
{
    QFETCH(QString, key);
    QFETCH(QList<double>, values);
    QFETCH(int, repeats);
    QFETCH(QString, path);
    SweepSpec spec = sizes(values, repeats);
    spec.axes.first().key = key;
    ScenarioError error;
    QVERIFY(!SweepRunner::plan(base(), spec, &error));
    QVERIFY(error);
    QCOMPARE(error.path, path);
}

void TestSweepRunner::aSmallSweepMeasuresEveryPointInOrder()
{
    SweepRunner runner;
    QSignalSpy points(&runner, &SweepRunner::pointFinished);
    QSignalSpy progress(&runner, &SweepRunner::progress);
    QSignalSpy finished(&runner, &SweepRunner::finished);
    QSignalSpy failed(&runner, &SweepRunner::failed);
    runner.start(base(), sizes({1, 2, 3}, 2));
    QVERIFY(runner.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kDeadlineMs);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!runner.isRunning());
    QCOMPARE(points.size(), 6);
    QCOMPARE(progress.size(), 7); // one before the first run, one after each
    QCOMPARE(progress.last().at(0).toInt(), 6);
    QCOMPARE(progress.last().at(1).toInt(), 6);

    const auto result = finished.first().at(0).value<SweepResult>();
    QCOMPARE(result.keys, QStringList{kSize});
    QCOMPARE(result.points.size(), 6);
    QCOMPARE(result.models.size(), 6);
    const QList<double> order{1, 2, 3, 1, 2, 3};
    for (int i = 0; i < 6; ++i) {
        const SweepPoint& p = result.points.at(i);
        QCOMPARE(p.values.value(kSize), order.at(i));
        QCOMPARE(p.repeat, i / 3);
        // Only the measured window: about 50 calls at 100/s in 0.5 s, never the whole 0.7 s.
        QVERIFY2(p.offeredPerSec > 20 && p.offeredPerSec < 250,
                 qPrintable(QString::number(p.offeredPerSec)));
        QVERIFY(std::isfinite(p.throughputPerSec) && p.throughputPerSec > 0);
        QVERIFY(p.latencyMs.p50 <= p.latencyMs.p95 && p.latencyMs.p95 <= p.latencyMs.p99);
        QVERIFY(p.latencyMs.mean > 0);
        QVERIFY(p.utilisation > 0 && p.utilisation < 1.5);
        QCOMPARE(p.rejected, 0);
        QCOMPARE(result.models.at(i).kind, ModelKind::MMc);
        QCOMPARE(result.models.at(i).servers, static_cast<int>(order.at(i)));
    }
    QCOMPARE(points.at(3).at(0).value<SweepPoint>().repeat, 1);

    // Every size meets a loose objective, so the smallest tried is recommended.
    QCOMPARE(result.analysis.groups.size(), 1);
    const SweepGroup& g = result.analysis.groups.first();
    QVERIFY(g.recommendation);
    QCOMPARE(*g.recommendation->value, 1.0);
    QCOMPARE(g.recommendation->reason, SweepRecommendation::Reason::SmallestTriedMeets);
    QVERIFY(g.knee);
    QVERIFY(!g.usl); // open loop: no scaling fit
    const QJsonObject json = result.toJson();
    QCOMPARE(json.value(QStringLiteral("points")).toArray().size(), 6);
    QCOMPARE(json.value(QStringLiteral("points"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("model"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("M/M/c"));
}

void TestSweepRunner::cancelStopsMidSweepAndAnotherCanRun()
{
    SweepRunner runner;
    QSignalSpy points(&runner, &SweepRunner::pointFinished);
    QSignalSpy finished(&runner, &SweepRunner::finished);
    QSignalSpy canceled(&runner, &SweepRunner::canceled);
    runner.start(base(), sizes({1, 2, 3, 4}, 3));
    QTRY_COMPARE_WITH_TIMEOUT(points.size(), 1, kDeadlineMs);
    runner.cancel();
    QCOMPARE(canceled.size(), 1);
    QVERIFY(!runner.isRunning());
    const int done = static_cast<int>(points.size());
    QVERIFY(done < 12);

    // The dropped run leaves nothing behind: a new sweep on the same runner runs to the end.
    runner.start(base(), sizes({2}, 1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kDeadlineMs);
    QCOMPARE(points.size(), done + 1);
    QCOMPARE(canceled.size(), 1);
}

QTEST_GUILESS_MAIN(TestSweepRunner)
#include "tst_sweeprunner.moc"
