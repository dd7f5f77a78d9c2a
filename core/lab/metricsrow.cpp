#include "metricsrow.h"

#include <cmath>

namespace shoal {
namespace {

double larger(double a, double b)
{
    if (std::isnan(a))
        return b;
    if (std::isnan(b))
        return a;
    return std::max(a, b);
}

double averaged(double a, double aSec, double b, double bSec)
{
    const double total = aSec + bSec;
    return total > 0 ? (a * aSec + b * bSec) / total : b;
}

} // namespace

MetricsRow MetricsRow::merged(const MetricsRow& older, const MetricsRow& newer)
{
    MetricsRow row = newer;
    row.intervalSec = older.intervalSec + newer.intervalSec;
    row.throughputPerSec = averaged(older.throughputPerSec, older.intervalSec,
                                    newer.throughputPerSec, newer.intervalSec);
    row.timeoutsPerSec =
        averaged(older.timeoutsPerSec, older.intervalSec, newer.timeoutsPerSec, newer.intervalSec);
    row.offeredPerSec =
        averaged(older.offeredPerSec, older.intervalSec, newer.offeredPerSec, newer.intervalSec);
    row.latencyP50Ms = larger(older.latencyP50Ms, newer.latencyP50Ms);
    row.latencyP95Ms = larger(older.latencyP95Ms, newer.latencyP95Ms);
    row.latencyP99Ms = larger(older.latencyP99Ms, newer.latencyP99Ms);
    row.latencyMaxMs = larger(older.latencyMaxMs, newer.latencyMaxMs);
    row.queueWaitP95Ms = larger(older.queueWaitP95Ms, newer.queueWaitP95Ms);
    row.serviceP95Ms = larger(older.serviceP95Ms, newer.serviceP95Ms);
    row.abandonedWorkers = std::max(older.abandonedWorkers, newer.abandonedWorkers);
    row.inSystemMean =
        averaged(older.inSystemMean, older.intervalSec, newer.inSystemMean, newer.intervalSec);
    row.utilisation =
        averaged(older.utilisation, older.intervalSec, newer.utilisation, newer.intervalSec);
    row.latencyMeanMs = std::isnan(older.latencyMeanMs) || std::isnan(newer.latencyMeanMs)
                            ? larger(older.latencyMeanMs, newer.latencyMeanMs)
                            : averaged(older.latencyMeanMs, older.intervalSec, newer.latencyMeanMs,
                                       newer.intervalSec);
    return row;
}

} // namespace shoal
