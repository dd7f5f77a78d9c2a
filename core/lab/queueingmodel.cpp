#include "queueingmodel.h"

#include "allencunneen.h"
#include "erlangc.h"
#include "mgclatency.h"

#include <cmath>

namespace shoal {

QString ModelPrediction::modelName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::MMc:
        return QStringLiteral("M/M/c");
    case ModelKind::MGcAllenCunneen:
        return QStringLiteral("M/G/c (Allen-Cunneen)");
    case ModelKind::None:
        break;
    }
    return QStringLiteral("none");
}

QString ModelPrediction::reasonName(ModelReason reason)
{
    static const char* const names[] = {
        "applies",  "closedLoop",  "notPoisson",         "limiter",      "gpuSlots", "timeouts",
        "failures", "liveChanges", "unknownServiceTime", "invalidInput", "unstable",
    };
    return QString::fromLatin1(names[static_cast<int>(reason)]);
}

ModelReason QueueingModel::applicability(const ModelConditions& in)
{
    // What shapes the run most is named first: a limiter or shared slots change what the pool
    // does, evenly spaced arrivals only how long calls wait.
    if (in.arrivalMode != ArrivalMode::Open)
        return ModelReason::ClosedLoop;
    if (in.limiterOn)
        return ModelReason::Limiter;
    if (in.gpuSlots > 0)
        return ModelReason::GpuSlots;
    if (in.timeoutsOn)
        return ModelReason::Timeouts;
    if (in.failureRate > 0)
        return ModelReason::Failures;
    if (in.arrivalProcess != ArrivalProcess::Poisson)
        return ModelReason::NotPoisson;
    if (in.liveChanges)
        return ModelReason::LiveChanges;
    if (!in.service)
        return ModelReason::UnknownServiceTime;
    if (in.servers < 1 || !(in.arrivalPerSec > 0) || !(in.service->expectedMs() > 0) ||
        !std::isfinite(in.arrivalPerSec))
        return ModelReason::InvalidInput;
    return ModelReason::Applies;
}

ModelPrediction QueueingModel::predict(const ModelConditions& in)
{
    ModelPrediction out;
    out.servers = in.servers;
    out.arrivalPerSec = in.arrivalPerSec;
    out.serviceMeanMs = in.service ? in.service->expectedMs() : 0;
    out.utilisation = in.servers > 0 ? in.arrivalPerSec * out.serviceMeanMs / 1000 / in.servers : 0;
    out.reason = applicability(in);
    if (out.reason != ModelReason::Applies)
        return out;

    const bool exponential = in.service->shape == ServiceTimeDistribution::Shape::Exponential;
    out.kind = exponential ? ModelKind::MMc : ModelKind::MGcAllenCunneen;
    const ErlangC mmc(in.servers, in.arrivalPerSec, out.serviceMeanMs);
    if (!mmc.isStable()) {
        out.reason = ModelReason::Unstable;
        return out;
    }
    if (exponential) {
        out.waitProbability = mmc.waitProbability();
        out.queueWaitMeanMs = mmc.queueWaitMeanMs();
        out.queueWaitP95Ms = mmc.queueWaitQuantileMs(0.95);
        out.latencyMeanMs = mmc.latencyMeanMs();
        out.latencyP50Ms = mmc.latencyQuantileMs(0.50);
        out.latencyP95Ms = mmc.latencyQuantileMs(0.95);
        out.latencyP99Ms = mmc.latencyQuantileMs(0.99);
        return out;
    }
    const AllenCunneen mgc(in.servers, in.arrivalPerSec, out.serviceMeanMs,
                           in.service->squaredCoefficientOfVariation());
    out.waitProbability = mgc.waitProbability();
    out.queueWaitMeanMs = mgc.queueWaitMeanMs();
    out.queueWaitP95Ms = mgc.queueWaitQuantileMs(0.95);
    out.latencyMeanMs = mgc.latencyMeanMs();
    // Approximate quantiles: Erlang C's wait shape with Allen-Cunneen's mean, plus the real
    // service time (see MgcLatency).
    const double c = mgc.waitProbability();
    const MgcLatency latency(c, c > 0 ? *out.queueWaitMeanMs / c : 0, *in.service);
    out.latencyP50Ms = latency.quantileMs(0.50);
    out.latencyP95Ms = latency.quantileMs(0.95);
    out.latencyP99Ms = latency.quantileMs(0.99);
    return out;
}

} // namespace shoal
