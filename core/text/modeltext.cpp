#include "modeltext.h"

#include <cmath>

using shoal::ModelKind;
using shoal::ModelPrediction;
using shoal::ModelReason;

namespace {

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

} // namespace

QString ModelText::label(const ModelPrediction& model)
{
    switch (model.kind) {
    case ModelKind::MMc:
        return QStringLiteral("M/M/%1").arg(model.servers);
    case ModelKind::MGcAllenCunneen:
        return tr("M/G/%1 (Allen-Cunneen)").arg(model.servers);
    case ModelKind::None:
        break;
    }
    return tr("no model");
}

QString ModelText::reason(ModelReason reason)
{
    switch (reason) {
    case ModelReason::Applies:
        return tr("the model applies");
    case ModelReason::ClosedLoop:
        return tr("closed loop: the arrival rate depends on the pool");
    case ModelReason::NotPoisson:
        return tr("arrivals are evenly spaced, not Poisson");
    case ModelReason::Limiter:
        return tr("the limiter caps throughput");
    case ModelReason::GpuSlots:
        return tr("shared GPU slots cap concurrency below the pool size");
    case ModelReason::Timeouts:
        return tr("calls time out and leave the queue, which the model does not cover");
    case ModelReason::Failures:
        return tr("jobs fail, which the model does not cover");
    case ModelReason::LiveChanges:
        return tr("a setting changed: no steady state to compare with");
    case ModelReason::UnknownServiceTime:
        return tr("the workload's service time is not known in advance");
    case ModelReason::InvalidInput:
        return tr("no workers, no arrivals or no service time");
    case ModelReason::Unstable:
        return tr("unstable: the queue grows without bound");
    }
    return QString();
}

QString ModelText::comparison(double measuredP95Ms, const ModelPrediction& model)
{
    if (model.kind == ModelKind::None || !model.latencyP95Ms)
        return tr("no model: %1").arg(reason(model.reason));
    const double predicted = *model.latencyP95Ms;
    if (!std::isfinite(measuredP95Ms))
        return tr("%1 predicts p95 %2 ms; no call was measured in the steady part")
            .arg(label(model), ms(predicted));
    const double gap = predicted > 0 ? (measuredP95Ms - predicted) / predicted * 100 : 0;
    return tr("measured p95 %1 ms, %2 predicts %3 ms (%4%)")
        .arg(ms(measuredP95Ms), label(model), ms(predicted),
             (gap >= 0 ? QStringLiteral("+") : QString()) + QString::number(gap, 'f', 0));
}
