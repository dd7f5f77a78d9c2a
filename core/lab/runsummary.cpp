#include "runsummary.h"

#include <cmath>

namespace shoal {
namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject countersJson(qint64 submitted, qint64 completed, qint64 timedOut, qint64 canceled,
                         qint64 failed, qint64 rejected, qint64 notRunning)
{
    return {
        {QStringLiteral("submitted"), submitted},   {QStringLiteral("completed"), completed},
        {QStringLiteral("timedOut"), timedOut},     {QStringLiteral("canceled"), canceled},
        {QStringLiteral("failed"), failed},         {QStringLiteral("rejected"), rejected},
        {QStringLiteral("notRunning"), notRunning},
    };
}

} // namespace

QJsonObject RunSummary::toJson() const
{
    const CallCounters& c = counters;
    const PoolCounters& p = poolCounters;
    return {
        {QStringLiteral("preset"), presetName},
        {QStringLiteral("elapsedSec"), elapsedSec},
        {QStringLiteral("activeSec"), activeSec},
        {QStringLiteral("calls"), countersJson(c.submitted, c.completed, c.timedOut, c.canceled,
                                               c.failed, c.rejected, c.notRunning)},
        {QStringLiteral("poolCalls"), countersJson(p.submitted, p.completed, p.timedOut, p.canceled,
                                                   p.failed, p.rejected, p.notRunning)},
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
