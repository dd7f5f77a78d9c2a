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

} // namespace

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
    };
}

} // namespace shoal
