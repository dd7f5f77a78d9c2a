#include "littleslaw.h"

#include <limits>

namespace shoal {

LittlesLaw LittlesLaw::fromInterval(double inSystemCallMs, double intervalMs, qint64 completed,
                                    double latencySumMs)
{
    LittlesLaw law;
    if (intervalMs <= 0)
        return law;
    law.meanInSystem = inSystemCallMs / intervalMs;
    // (completed / interval) x (latencySum / completed); written so that 0 completions give 0.
    law.throughputTimesMeanLatency = completed > 0 ? latencySumMs / intervalMs : 0;
    return law;
}

double LittlesLaw::relativeGap() const
{
    if (throughputTimesMeanLatency == 0) {
        if (meanInSystem == 0)
            return 0;
        return meanInSystem > 0 ? std::numeric_limits<double>::infinity()
                                : -std::numeric_limits<double>::infinity();
    }
    return (meanInSystem - throughputTimesMeanLatency) / throughputTimesMeanLatency;
}

} // namespace shoal
