#pragma once

#include "erlangc.h"

namespace shoal {

/// The Allen-Cunneen approximation for the G/G/c queue (used here for M/G/c): Erlang C's mean
/// queue wait scaled by (Ca^2 + Cs^2) / 2, where Ca^2 and Cs^2 are the squared coefficients of
/// variation of the interarrival and service times (Ca^2 = 1 for Poisson arrivals; Cs^2 = 1, the
/// exponential, gives Erlang C back exactly). A value type of pure functions; any thread; never
/// blocks. Unstable or invalid input (see ErlangC) gives NaN.
class AllenCunneen {
public:
    AllenCunneen(int servers, double arrivalPerSec, double serviceMeanMs, double serviceScv,
                 double arrivalScv = 1);

    bool isStable() const { return m_erlangC.isStable(); }
    double utilisation() const { return m_erlangC.utilisation(); }
    /// P(wait > 0), taken from Erlang C (the approximation does not correct it).
    double waitProbability() const { return m_erlangC.waitProbability(); }
    /// E[queue wait] ~ Erlang C's x (Ca^2 + Cs^2) / 2.
    double queueWaitMeanMs() const;
    /// E[latency] ~ E[queue wait] + E[service].
    double latencyMeanMs() const;
    /// An approximate p-quantile of the queue wait: Erlang C's shape (mass 1 - C at 0, an
    /// exponential tail) with the tail's mean set so the overall mean is queueWaitMeanMs().
    /// Exact for exponential service; an estimate otherwise (see docs/theory.md).
    double queueWaitQuantileMs(double p) const;

private:
    ErlangC m_erlangC;          ///< the M/M/c queue with the same rates
    double m_serviceMeanMs = 0; ///< E[service]
    double m_scale = 1;         ///< (Ca^2 + Cs^2) / 2
};

} // namespace shoal
