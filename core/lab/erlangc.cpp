#include "erlangc.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shoal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// (1 - e^-x) / x for x >= 0, 1 at 0, without cancellation near 0.
double oneMinusExpOverX(double x)
{
    return x < 1e-12 ? 1.0 - x / 2 : -std::expm1(-x) / x;
}

} // namespace

double ErlangC::twoExponentialsSurvival(double r1, double r2, double t)
{
    // The textbook form (r1 e^-r2 t - r2 e^-r1 t) / (r1 - r2) cancels as r1 -> r2 and overflows for
    // far-apart rates; written around the smaller rate m and the gap d = M - m >= 0 it is
    // e^-mt (1 + m t (1 - e^-dt) / (dt)), which is exact, has the limit e^-mt (1 + mt) at d = 0,
    // and never forms a large exponential.
    if (t <= 0)
        return 1;
    const double m = std::min(r1, r2);
    const double d = std::max(r1, r2) - m;
    return std::exp(-m * t) * (1 + m * t * oneMinusExpOverX(d * t));
}

ErlangC::ErlangC(int servers, double arrivalPerSec, double serviceMeanMs)
    : m_servers(servers)
    , m_erlangs(arrivalPerSec * serviceMeanMs / 1000.0)
    , m_serviceMeanMs(serviceMeanMs)
{
    m_stable = servers >= 1 && arrivalPerSec > 0 && serviceMeanMs > 0 && std::isfinite(m_erlangs) &&
               m_erlangs < servers;
    if (!m_stable) {
        m_waitProbability = kNaN;
        m_tailRatePerMs = kNaN;
        return;
    }
    m_waitProbability = erlangCFormula(servers, m_erlangs);
    m_tailRatePerMs = (servers - m_erlangs) / serviceMeanMs; // c mu - lambda, no cancellation
}

double ErlangC::erlangB(int servers, double erlangs)
{
    if (servers < 0 || !(erlangs >= 0))
        return kNaN;
    double b = 1;
    for (int k = 1; k <= servers; ++k)
        b = erlangs * b / (k + erlangs * b);
    return b;
}

double ErlangC::erlangCFormula(int servers, double erlangs)
{
    if (servers < 1 || !(erlangs >= 0) || erlangs >= servers)
        return kNaN;
    const double b = erlangB(servers, erlangs);
    const double rho = erlangs / servers;
    return b / (1 - rho * (1 - b));
}

double ErlangC::utilisation() const
{
    return m_servers >= 1 ? m_erlangs / m_servers : kNaN;
}

double ErlangC::queueWaitMeanMs() const
{
    return m_stable ? m_waitProbability / m_tailRatePerMs : kNaN;
}

double ErlangC::queueWaitQuantileMs(double p) const
{
    if (!m_stable || !(p >= 0 && p < 1))
        return kNaN;
    if (p <= 1 - m_waitProbability)
        return 0;
    return std::log(m_waitProbability / (1 - p)) / m_tailRatePerMs;
}

double ErlangC::latencyMeanMs() const
{
    return m_stable ? queueWaitMeanMs() + m_serviceMeanMs : kNaN;
}

double ErlangC::latencySurvival(double tMs) const
{
    if (!m_stable)
        return kNaN;
    if (tMs <= 0)
        return 1;
    const double mu = 1 / m_serviceMeanMs;
    const double c = m_waitProbability;
    return (1 - c) * std::exp(-mu * tMs) + c * twoExponentialsSurvival(mu, m_tailRatePerMs, tMs);
}

double ErlangC::latencyQuantileMs(double p) const
{
    if (!m_stable || !(p > 0 && p < 1))
        return kNaN;
    const double target = 1 - p;
    // Bracket: the survival falls from 1 at 0; double the top until it is below the target.
    double lo = 0;
    double hi = m_serviceMeanMs + queueWaitMeanMs();
    while (latencySurvival(hi) > target) {
        lo = hi;
        hi *= 2;
        if (!std::isfinite(hi))
            return kNaN;
    }
    // Bisection: the survival is continuous and strictly decreasing, so this always converges.
    for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; ++i) {
        const double mid = lo + (hi - lo) / 2;
        (latencySurvival(mid) > target ? lo : hi) = mid;
    }
    return lo + (hi - lo) / 2;
}

} // namespace shoal
