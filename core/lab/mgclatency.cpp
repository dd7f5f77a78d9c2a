#include "mgclatency.h"

#include "erlangc.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace shoal {
namespace {

using Shape = ServiceTimeDistribution::Shape;

/// e^(-eta (t - at)) if at <= t, else 0: the discounted mass of a point at \a at.
double discountedPoint(double eta, double t, double at)
{
    return at <= t ? std::exp(-eta * (t - at)) : 0;
}

} // namespace

MgcLatency::MgcLatency(double waitProbability, double tailMeanMs,
                       const ServiceTimeDistribution& service)
    : m_waitProbability(std::clamp(waitProbability, 0.0, 1.0))
    , m_tailRatePerMs(tailMeanMs > 0 ? 1 / tailMeanMs : 0)
    , m_service(service)
{
    if (m_tailRatePerMs == 0)
        m_waitProbability = 0; // nobody waits any time
}

double MgcLatency::discountedServiceCdf(double t) const
{
    const double eta = m_tailRatePerMs;
    const auto& s = m_service;
    switch (s.shape) {
    case Shape::Fixed:
        return discountedPoint(eta, t, s.meanMs);
    case Shape::Bimodal:
        return (1 - s.slowFraction) * discountedPoint(eta, t, s.meanMs) +
               s.slowFraction * discountedPoint(eta, t, s.slowMs);
    case Shape::Uniform: {
        if (s.spreadMs <= 0)
            return discountedPoint(eta, t, s.meanMs);
        const double a = s.meanMs - s.spreadMs;
        const double b = s.meanMs + s.spreadMs;
        const double atZero = a < 0 ? -a / (2 * s.spreadMs) : 0; // the cut's mass
        const double lo = std::max(0.0, a);
        const double hi = std::min(t, b);
        double spread = 0;
        if (hi > lo) // integral of e^(-eta (t - x)) / (2 spread) over [lo, hi]
            spread =
                std::exp(-eta * (t - hi)) * -std::expm1(-eta * (hi - lo)) / (2 * s.spreadMs * eta);
        return atZero * discountedPoint(eta, t, 0) + spread;
    }
    case Shape::Exponential:
        if (s.meanMs <= 0)
            return discountedPoint(eta, t, 0);
        // F_S(t) - P(E + S <= t), with E ~ Exp(eta).
        return s.cdf(t) - (1 - ErlangC::twoExponentialsSurvival(1 / s.meanMs, eta, t));
    case Shape::LogNormal: {
        if (s.meanMs <= 0)
            return discountedPoint(eta, t, 0);
        if (s.sigma <= 0)
            return discountedPoint(eta, t, s.meanMs);
        if (t <= 0)
            return 0;
        // S = e^(mu + sigma z), z standard normal: integrate over z up to S = t.
        const double mu = std::log(s.meanMs) - s.sigma * s.sigma / 2;
        const double top = (std::log(t) - mu) / s.sigma;
        const double bottom = std::min(top, -9.0) - 1; // the mass below is < 1e-19
        const auto f = [&](double z) {
            return std::exp(-eta * (t - std::exp(mu + s.sigma * z)) - z * z / 2);
        };
        const auto simpson = [&f](double lo, double hi) {
            constexpr int n = 1000; // even
            const double h = (hi - lo) / n;
            double sum = f(lo) + f(hi);
            for (int i = 1; i < n; ++i)
                sum += (i % 2 ? 4 : 2) * f(lo + i * h);
            return sum * h / 3;
        };
        // Near the top the integrand falls by e per 1 / (eta sigma t) in z, which can be much
        // narrower than the whole range: give that stretch its own points.
        const double split = std::max(bottom, top - 40 / (eta * s.sigma * t + 1e-300));
        return (simpson(bottom, split) + simpson(split, top)) / std::sqrt(2 * std::numbers::pi);
    }
    }
    return 0;
}

double MgcLatency::cdf(double tMs) const
{
    if (tMs < 0)
        return 0;
    const double service = m_service.cdf(tMs);
    if (m_waitProbability <= 0)
        return service;
    return std::clamp(service - m_waitProbability * discountedServiceCdf(tMs), 0.0, 1.0);
}

double MgcLatency::quantileMs(double p) const
{
    if (!(p > 0 && p < 1))
        return std::numeric_limits<double>::quiet_NaN();
    double lo = 0;
    double hi =
        std::max({1e-3, m_service.expectedMs(), m_tailRatePerMs > 0 ? 1 / m_tailRatePerMs : 0.0});
    while (cdf(hi) < p) {
        lo = hi;
        hi *= 2;
        if (!std::isfinite(hi))
            return std::numeric_limits<double>::quiet_NaN();
    }
    // Invariant: cdf(lo) < p <= cdf(hi) (or lo == 0); the CDF is non-decreasing.
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
        const double mid = lo + (hi - lo) / 2;
        (cdf(mid) < p ? lo : hi) = mid;
    }
    return hi;
}

} // namespace shoal
