#include "lab/erlangc.h"
#include "lab/scenariomodel.h"

#include <QtTest>

#include <cmath>

using namespace shoal;

class TestScenarioModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anOpenPoissonExponentialRunIsMMc();
    void eachSettingThatRulesTheModelOutIsRead();
};

namespace {

Scenario mmcScenario()
{
    Scenario s;
    s.workloadKind = QStringLiteral("synthetic");
    s.workloadParams = {{QStringLiteral("distribution"), QStringLiteral("exponential")},
                        {QStringLiteral("meanMs"), 20.0}};
    s.poolSize = 4;
    s.arrivalMode = ArrivalMode::Open;
    s.arrivalProcess = ArrivalProcess::Poisson;
    s.ratePerSec = 100; // a = 2 erlangs, rho = 0.5
    return s;
}

} // namespace

void TestScenarioModel::anOpenPoissonExponentialRunIsMMc()
{
    const ModelPrediction p = ScenarioModel::predict(mmcScenario());
    QCOMPARE(p.kind, ModelKind::MMc);
    QCOMPARE(p.servers, 4);
    QCOMPARE(p.arrivalPerSec, 100.0);
    QCOMPARE(p.serviceMeanMs, 20.0);
    QVERIFY(std::abs(p.utilisation - 0.5) < 1e-12);
    QVERIFY(p.waitProbability.has_value());
    QVERIFY(std::abs(*p.waitProbability - ErlangC::erlangCFormula(4, 2.0)) < 1e-12);
}

void TestScenarioModel::eachSettingThatRulesTheModelOutIsRead()
{
    Scenario s = mmcScenario();
    // A timeout only counts with a call form that uses it.
    s.timeoutMs = 50;
    QCOMPARE(ScenarioModel::predict(s).kind, ModelKind::MMc);
    s.callApi = CallApi::ProcessTimed;
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::Timeouts);
    s.callApi = CallApi::ProcessCtx;
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::Timeouts);

    s = mmcScenario();
    s.workloadParams.insert(QStringLiteral("gpuSlots"), qint64(2));
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::GpuSlots);
    s = mmcScenario();
    s.workloadParams.insert(QStringLiteral("failureRate"), 0.1);
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::Failures);
    s = mmcScenario();
    s.limiterEnabled = true;
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::Limiter);
    s = mmcScenario();
    s.arrivalProcess = ArrivalProcess::Constant;
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::NotPoisson);
    s = mmcScenario();
    s.arrivalMode = ArrivalMode::Closed;
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::ClosedLoop);
    s = mmcScenario();
    QCOMPARE(ScenarioModel::predict(s, true).reason, ModelReason::LiveChanges);

    s = mmcScenario();
    s.workloadParams.insert(QStringLiteral("distribution"), QStringLiteral("fixed"));
    QCOMPARE(ScenarioModel::predict(s).kind, ModelKind::MGcAllenCunneen);
    s.ratePerSec = 250; // rho = 1.25
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::Unstable);

    s = mmcScenario();
    s.workloadKind = QStringLiteral("hash");
    s.workloadParams.clear();
    QCOMPARE(ScenarioModel::predict(s).reason, ModelReason::UnknownServiceTime);
}

QTEST_GUILESS_MAIN(TestScenarioModel)
#include "tst_scenariomodel.moc"
