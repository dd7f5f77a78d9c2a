#include "runsummary.h"

#include <cmath>

namespace shoal {
namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject countersJson(const OutcomeCounts& counts)
{
    QJsonObject json{{QStringLiteral("submitted"), counts.submitted}};
    for (const Outcome outcome : kOutcomes)
        json.insert(QLatin1StringView(outcomeKey(outcome)), counts[outcome]);
    return json;
}

void insertOptional(QJsonObject& json, const char* key, const std::optional<double>& value)
{
    if (value)
        json.insert(QLatin1StringView(key), number(*value));
}

QJsonObject steadyJson(const SteadyMeasurement& m)
{
    return {
        {QStringLiteral("fromSec"), m.fromSec},
        {QStringLiteral("toSec"), m.toSec},
        {QStringLiteral("calls"), m.calls},
        {QStringLiteral("latencyMs"), QJsonObject{{QStringLiteral("mean"), number(m.latencyMeanMs)},
                                                  {QStringLiteral("p50"), number(m.latencyP50Ms)},
                                                  {QStringLiteral("p95"), number(m.latencyP95Ms)},
                                                  {QStringLiteral("p99"), number(m.latencyP99Ms)}}},
        {QStringLiteral("queueWaitP95Ms"), number(m.queueWaitP95Ms)},
        {QStringLiteral("waitShare"), number(m.waitShare)},
        {QStringLiteral("utilisation"), number(m.utilisation)},
    };
}

} // namespace

QJsonObject RunSummary::modelJson(const ModelPrediction& model)
{
    QJsonObject json{
        {QStringLiteral("name"), model.name()},
        {QStringLiteral("reason"), ModelPrediction::reasonName(model.reason)},
        {QStringLiteral("servers"), model.servers},
        {QStringLiteral("arrivalPerSec"), number(model.arrivalPerSec)},
        {QStringLiteral("serviceMeanMs"), number(model.serviceMeanMs)},
        {QStringLiteral("utilisation"), number(model.utilisation)},
    };
    insertOptional(json, "waitProbability", model.waitProbability);
    insertOptional(json, "queueWaitMeanMs", model.queueWaitMeanMs);
    insertOptional(json, "queueWaitP95Ms", model.queueWaitP95Ms);
    insertOptional(json, "latencyMeanMs", model.latencyMeanMs);
    insertOptional(json, "latencyP50Ms", model.latencyP50Ms);
    insertOptional(json, "latencyP95Ms", model.latencyP95Ms);
    insertOptional(json, "latencyP99Ms", model.latencyP99Ms);
    return json;
}

std::optional<ModelPrediction> RunSummary::modelFromJson(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject json = value.toObject();
    ModelPrediction model;
    const QString name = json.value(QStringLiteral("name")).toString();
    bool known = false;
    for (const ModelKind kind : {ModelKind::None, ModelKind::MMc, ModelKind::MGcAllenCunneen}) {
        if (ModelPrediction::modelName(kind) == name) {
            model.kind = kind;
            known = true;
        }
    }
    const QString reason = json.value(QStringLiteral("reason")).toString();
    bool reasonKnown = false;
    for (int r = 0; r <= static_cast<int>(ModelReason::Unstable); ++r) {
        if (ModelPrediction::reasonName(static_cast<ModelReason>(r)) == reason) {
            model.reason = static_cast<ModelReason>(r);
            reasonKnown = true;
        }
    }
    if (!known || !reasonKnown)
        return std::nullopt;
    model.servers = json.value(QStringLiteral("servers")).toInt();
    model.arrivalPerSec = json.value(QStringLiteral("arrivalPerSec")).toDouble(NAN);
    model.serviceMeanMs = json.value(QStringLiteral("serviceMeanMs")).toDouble(NAN);
    model.utilisation = json.value(QStringLiteral("utilisation")).toDouble(NAN);
    const auto optional = [&json](const char* key) -> std::optional<double> {
        const QJsonValue v = json.value(QLatin1StringView(key));
        if (v.isUndefined())
            return std::nullopt;
        return v.toDouble(NAN); // null: NaN, as modelJson() wrote it
    };
    model.waitProbability = optional("waitProbability");
    model.queueWaitMeanMs = optional("queueWaitMeanMs");
    model.queueWaitP95Ms = optional("queueWaitP95Ms");
    model.latencyMeanMs = optional("latencyMeanMs");
    model.latencyP50Ms = optional("latencyP50Ms");
    model.latencyP95Ms = optional("latencyP95Ms");
    model.latencyP99Ms = optional("latencyP99Ms");
    return model;
}

QJsonObject RunSummary::toJson() const
{
    return {
        {QStringLiteral("preset"), presetName},
        {QStringLiteral("elapsedSec"), elapsedSec},
        {QStringLiteral("activeSec"), activeSec},
        {QStringLiteral("calls"), countersJson(counters)},
        {QStringLiteral("poolCalls"), countersJson(poolCounters)},
        {QStringLiteral("offeredPerSec"), number(offeredPerSec)},
        {QStringLiteral("throughputPerSec"), number(throughputPerSec)},
        {QStringLiteral("latencyMs"), QJsonObject{{QStringLiteral("p50"), number(latencyP50Ms)},
                                                  {QStringLiteral("p95"), number(latencyP95Ms)},
                                                  {QStringLiteral("p99"), number(latencyP99Ms)},
                                                  {QStringLiteral("max"), number(latencyMaxMs)}}},
        {QStringLiteral("queueWaitP95Ms"), number(queueWaitP95Ms)},
        {QStringLiteral("serviceP95Ms"), number(serviceP95Ms)},
        {QStringLiteral("peakWaiting"), peakWaiting},
        {QStringLiteral("peakInFlight"), peakInFlight},
        {QStringLiteral("peakOutstanding"), peakOutstanding},
        {QStringLiteral("peakAbandonedWorkers"), peakAbandoned},
        {QStringLiteral("identityHolds"), identityHolds},
        {QStringLiteral("poolAgrees"), poolAgrees},
        {QStringLiteral("drained"), drained},
        {QStringLiteral("samples"), samples},
        {QStringLiteral("events"), events},
        {QStringLiteral("model"), modelJson(model)},
        {QStringLiteral("littlesLaw"),
         QJsonObject{{QStringLiteral("meanInSystem"), number(steady.littlesLaw.meanInSystem)},
                     {QStringLiteral("throughputTimesMeanLatency"),
                      number(steady.littlesLaw.throughputTimesMeanLatency)}}},
        {QStringLiteral("steady"), steadyJson(steady)},
        {QStringLiteral("latencySpectrumMs"), spectrum.toJson()},
    };
}

} // namespace shoal
