#include "sweeppoint.h"

#include <cmath>

namespace shoal {
namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject SweepPoint::toJson() const
{
    QJsonObject keyValues;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        keyValues.insert(it.key(), number(it.value()));
    return {
        {QStringLiteral("values"), keyValues},
        {QStringLiteral("repeat"), repeat},
        {QStringLiteral("throughputPerSec"), number(throughputPerSec)},
        {QStringLiteral("offeredPerSec"), number(offeredPerSec)},
        {QStringLiteral("latencyMs"),
         QJsonObject{{QStringLiteral("p50"), number(latencyMs.p50)},
                     {QStringLiteral("p95"), number(latencyMs.p95)},
                     {QStringLiteral("p99"), number(latencyMs.p99)},
                     {QStringLiteral("mean"), number(latencyMs.mean)}}},
        {QStringLiteral("queueWaitP95Ms"), number(queueWaitP95Ms)},
        {QStringLiteral("utilisation"), number(utilisation)},
        {QStringLiteral("timedOut"), timedOut},
        {QStringLiteral("canceled"), canceled},
        {QStringLiteral("failed"), failed},
        {QStringLiteral("rejected"), rejected},
    };
}

} // namespace shoal
