#include "scenariomodel.h"

#include "workloads/syntheticworkload.h"

namespace shoal {

ModelConditions ScenarioModel::conditionsOf(const Scenario& scenario, bool liveChanges)
{
    ModelConditions c;
    c.arrivalMode = scenario.arrivalMode;
    c.arrivalProcess = scenario.arrivalProcess;
    c.limiterOn = scenario.limiterEnabled;
    c.timeoutsOn = scenario.timeoutMs > 0 && scenario.callApi != CallApi::Process;
    c.liveChanges = liveChanges;
    c.servers = scenario.poolSize;
    c.arrivalPerSec = scenario.ratePerSec;
    // Only the synthetic kind knows its service time in advance; the others leave it empty.
    if (scenario.workloadKind == QStringLiteral("synthetic")) {
        QVariantMap values;
        if (!SyntheticWorkload::schema().resolve(scenario.workloadParams, &values)) {
            const SyntheticSettings settings = SyntheticWorkload::settingsFrom(values);
            c.gpuSlots = settings.gpuSlots;
            c.failureRate = settings.failureRate;
            c.service = settings.distribution;
        }
    }
    return c;
}

ModelPrediction ScenarioModel::predict(const Scenario& scenario, bool liveChanges)
{
    return QueueingModel::predict(conditionsOf(scenario, liveChanges));
}

} // namespace shoal
