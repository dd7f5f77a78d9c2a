#pragma once

#include "workloads/servicetimedistribution.h"

namespace shoal {

/// An approximate latency distribution for M/G/c: the queue wait W takes Erlang C's shape (no wait
/// with probability 1 - C, else an exponential of mean tailMeanMs, chosen so E[W] is
/// Allen-Cunneen's), independent of the job's own service time S, which has its real
/// distribution; latency = W + S. Exact for exponential service (it is then M/M/c's). Pure; any
/// thread; never blocks.
class MgcLatency {
public:
    /// \a waitProbability C in [0, 1], \a tailMeanMs = E[W | W > 0] >= 0.
    MgcLatency(double waitProbability, double tailMeanMs, const ServiceTimeDistribution& service);

    /// P(W + S <= t) = F_S(t) - C E[e^(-eta (t - S)); S <= t], eta = 1 / tailMeanMs, in closed
    /// form for every shape but log-normal, which is integrated numerically (Simpson in the
    /// log-normal's z).
    double cdf(double tMs) const;
    /// The smallest t with cdf(t) >= p (0 < p < 1), by bracketing and bisection; NaN otherwise.
    double quantileMs(double p) const;

private:
    /// E[e^(-eta (t - S)); S <= t] for this service distribution.
    double discountedServiceCdf(double tMs) const;

    double m_waitProbability = 0;      ///< C
    double m_tailRatePerMs = 0;        ///< eta; 0 when no call waits
    ServiceTimeDistribution m_service; ///< S
};

} // namespace shoal
