#include "lab/scenariomodel.h"
#include "lab/session.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace shoal;

namespace {

void expectWithin(double measured, double expected, double relative, const char* what)
{
    QVERIFY2(std::isfinite(measured) && std::abs(measured - expected) <= expected * relative,
             qPrintable(QStringLiteral("%1: measured %2, expected %3 +/- %4%")
                            .arg(QLatin1StringView(what))
                            .arg(measured)
                            .arg(expected)
                            .arg(relative * 100)));
}

} // namespace

/// A real M/M/c run against Erlang C: real threads, a real pool, Poisson arrivals.
class TestQueueingRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anMMcRunLandsNearErlangC();
};

void TestQueueingRun::anMMcRunLandsNearErlangC()
{
    // c = 4, exponential 20 ms, 100 calls/s: rho 0.5. Long enough for a stable p95 (about
    // 4000 calls in the steady part) on a loaded machine; sleeping jobs need no cores.
    Scenario s;
    s.name = QStringLiteral("mmc");
    s.workloadKind = QStringLiteral("synthetic");
    s.workloadParams = {{QStringLiteral("distribution"), QStringLiteral("exponential")},
                        {QStringLiteral("meanMs"), 20.0}};
    s.poolSize = 4;
    s.callApi = CallApi::Process;
    s.timeoutMs = 0;
    s.arrivalMode = ArrivalMode::Open;
    s.arrivalProcess = ArrivalProcess::Poisson;
    s.ratePerSec = 100;
    s.durationSec = 42;
    s.drainSec = 5;
    const ModelPrediction model = ScenarioModel::predict(s);
    QVERIFY2(model.kind == ModelKind::MMc, qPrintable(ModelPrediction::reasonName(model.reason)));
    QCOMPARE(model.utilisation, 0.5);

    Session session;
    QSignalSpy finished(&session, &Session::runFinished);
    QSignalSpy samples(&session, &Session::sampleAvailable);
    session.loadScenario(s);
    session.start();
    QVERIFY(finished.wait(180'000));
    const RunSummary summary = finished.first().at(0).value<RunSummary>();

    QCOMPARE(summary.model.kind, ModelKind::MMc);
    const SteadyMeasurement& m = summary.steady;
    QVERIFY(m.toSec - m.fromSec > 30);
    QVERIFY(m.calls > 2500);
    expectWithin(m.latencyP50Ms, *model.latencyP50Ms, 0.25, "p50");
    expectWithin(m.latencyP95Ms, *model.latencyP95Ms, 0.25, "p95");
    expectWithin(m.latencyMeanMs, *model.latencyMeanMs, 0.25, "mean");
    expectWithin(m.utilisation, 0.5, 0.25, "utilisation");
    // Little's law over a long window: both sides measured independently.
    expectWithin(m.littlesLaw.meanInSystem, m.littlesLaw.throughputTimesMeanLatency, 0.05,
                 "Little's law");

    // Every steady row carries the prediction and time-averages that add up.
    int predicted = 0;
    for (const auto& args : samples) {
        const MetricsRow row = args.at(0).value<Sample>().row;
        if (row.tSec < m.fromSec || row.tSec > m.toSec)
            continue;
        QVERIFY(row.utilisation >= 0 && row.utilisation <= 1.05);
        QVERIFY(row.inSystemMean >= 0);
        if (std::isfinite(row.predictedLatencyP95Ms)) {
            QCOMPARE(row.predictedLatencyP95Ms, *model.latencyP95Ms);
            ++predicted;
        }
    }
    QVERIFY(predicted > 100);
}

QTEST_GUILESS_MAIN(TestQueueingRun)
#include "tst_queueingrun.moc"
