#pragma once

namespace shoal {

/// The M/M/c queue in steady state (Erlang C): Poisson arrivals at arrivalPerSec, c identical
/// servers, exponential service with mean serviceMeanMs, first come first served, no limit on the
/// queue. A value type of pure functions; any thread; never blocks.
///
/// Robust for c in the thousands and utilisation near 1: Erlang B comes from its recurrence and
/// Erlang C from B, never from factorials or powers. When the queue is unstable (utilisation >= 1)
/// or the input is not a queue (c < 1, a rate or mean <= 0), isStable() is false and every wait and
/// latency function returns NaN.
class ErlangC {
public:
    ErlangC(int servers, double arrivalPerSec, double serviceMeanMs);

    /// Erlang B, the blocking probability of M/M/c/c, for \a servers >= 0 and offered load
    /// \a erlangs >= 0: B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
    static double erlangB(int servers, double erlangs);
    /// Erlang C, the probability that an arrival waits, for erlangs < servers (NaN otherwise):
    /// C = B / (1 - rho (1 - B)).
    static double erlangCFormula(int servers, double erlangs);

    /// P(X + Y > t) for independent exponentials X, Y of rates \a r1, \a r2 > 0 (per ms), exact
    /// and without cancellation for any pair of rates, equal ones included.
    static double twoExponentialsSurvival(double r1, double r2, double tMs);

    bool isStable() const { return m_stable; }
    int servers() const { return m_servers; }
    /// Offered load a = arrival rate x mean service time, in Erlangs.
    double offeredLoad() const { return m_erlangs; }
    /// rho = a / c: the share of time a server is busy (>= 1 when unstable).
    double utilisation() const;

    /// P(wait > 0).
    double waitProbability() const { return m_waitProbability; }
    /// E[queue wait] = C / (c mu - lambda).
    double queueWaitMeanMs() const;
    /// The p-quantile of the queue wait: 0 for p <= 1 - C, else ln(C / (1 - p)) / (c mu - lambda).
    double queueWaitQuantileMs(double p) const;
    /// E[latency] = E[queue wait] + E[service].
    double latencyMeanMs() const;
    /// P(latency > t): the wait mixture (mass 1 - C at 0, exponential tail of rate c mu - lambda)
    /// convolved with the exponential service, in closed form (see docs/theory.md).
    double latencySurvival(double tMs) const;
    /// The p-quantile of latency (0 < p < 1), by bracketing and bisection on latencySurvival().
    double latencyQuantileMs(double p) const;

private:
    int m_servers = 0;            ///< c
    double m_erlangs = 0;         ///< a = lambda / mu
    double m_serviceMeanMs = 0;   ///< 1 / mu
    double m_tailRatePerMs = 0;   ///< theta = c mu - lambda, per ms
    double m_waitProbability = 0; ///< C(c, a)
    bool m_stable = false;        ///< a valid queue with a < c
};

} // namespace shoal
