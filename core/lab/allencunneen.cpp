#include "allencunneen.h"

#include <cmath>
#include <limits>

namespace shoal {

AllenCunneen::AllenCunneen(int servers, double arrivalPerSec, double serviceMeanMs,
                           double serviceScv, double arrivalScv)
    : m_erlangC(servers, arrivalPerSec, serviceMeanMs)
    , m_serviceMeanMs(serviceMeanMs)
    , m_scale((arrivalScv + serviceScv) / 2)
{}

double AllenCunneen::queueWaitMeanMs() const
{
    return m_erlangC.queueWaitMeanMs() * m_scale;
}

double AllenCunneen::latencyMeanMs() const
{
    return queueWaitMeanMs() + m_serviceMeanMs;
}

double AllenCunneen::queueWaitQuantileMs(double p) const
{
    if (!isStable() || !(p >= 0 && p < 1))
        return std::numeric_limits<double>::quiet_NaN();
    const double c = waitProbability();
    if (c <= 0 || p <= 1 - c)
        return 0;
    const double tailMeanMs = queueWaitMeanMs() / c; // E[wait | wait > 0]
    return std::log(c / (1 - p)) * tailMeanMs;
}

} // namespace shoal
