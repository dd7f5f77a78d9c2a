#include "servicetimedistribution.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace shoal {

double ServiceTimeDistribution::unit(std::mt19937_64& engine)
{
    return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

double ServiceTimeDistribution::sampleMs(std::mt19937_64& engine) const
{
    switch (shape) {
    case Shape::Fixed:
        return meanMs;
    case Shape::Uniform:
        return std::max(0.0, meanMs - spreadMs + 2 * spreadMs * unit(engine));
    case Shape::Exponential:
        return -meanMs * std::log1p(-unit(engine)); // 1 - u is in (0, 1]
    case Shape::LogNormal: {
        if (meanMs <= 0)
            return 0;
        // Box-Muller; 1 - u keeps the logarithm finite.
        const double u1 = 1.0 - unit(engine);
        const double u2 = unit(engine);
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
        const double mu = std::log(meanMs) - sigma * sigma / 2; // so that the mean is meanMs
        return std::exp(mu + sigma * z);
    }
    case Shape::Bimodal:
        return unit(engine) < slowFraction ? slowMs : meanMs;
    }
    return meanMs;
}

double ServiceTimeDistribution::expectedMs() const
{
    switch (shape) {
    case Shape::Uniform: {
        const double top = meanMs + spreadMs;
        if (meanMs - spreadMs >= 0 || spreadMs <= 0)
            return meanMs;
        // Cut at 0: the mass below 0 sits at 0, so E[X] = integral of x / (2 spread) over [0, top].
        return top * top / (4 * spreadMs);
    }
    case Shape::LogNormal:
        return std::max(0.0, meanMs);
    case Shape::Bimodal:
        return (1 - slowFraction) * meanMs + slowFraction * slowMs;
    case Shape::Fixed:
    case Shape::Exponential:
        break;
    }
    return meanMs;
}

double ServiceTimeDistribution::varianceMs2() const
{
    switch (shape) {
    case Shape::Fixed:
        return 0;
    case Shape::Uniform: {
        if (spreadMs <= 0)
            return 0;
        if (meanMs - spreadMs >= 0)
            return spreadMs * spreadMs / 3;
        const double top = meanMs + spreadMs;
        const double mean = expectedMs();
        return top * top * top / (6 * spreadMs) - mean * mean; // E[X^2] - E[X]^2
    }
    case Shape::Exponential:
        return meanMs * meanMs;
    case Shape::LogNormal:
        return meanMs <= 0 ? 0 : meanMs * meanMs * std::expm1(sigma * sigma);
    case Shape::Bimodal: {
        const double gap = slowMs - meanMs;
        return slowFraction * (1 - slowFraction) * gap * gap;
    }
    }
    return 0;
}

double ServiceTimeDistribution::cdf(double tMs) const
{
    if (tMs < 0)
        return 0;
    const auto step = [tMs](double at) { return tMs >= at ? 1.0 : 0.0; };
    switch (shape) {
    case Shape::Fixed:
        return step(meanMs);
    case Shape::Uniform:
        if (spreadMs <= 0)
            return step(meanMs);
        // For t >= 0, P(max(0, U) <= t) = P(U <= t): the cut's mass is included.
        return std::clamp((tMs - (meanMs - spreadMs)) / (2 * spreadMs), 0.0, 1.0);
    case Shape::Exponential:
        return meanMs <= 0 ? 1.0 : -std::expm1(-tMs / meanMs);
    case Shape::LogNormal: {
        if (meanMs <= 0)
            return 1;
        if (sigma <= 0)
            return step(meanMs);
        if (tMs == 0)
            return 0;
        const double mu = std::log(meanMs) - sigma * sigma / 2;
        return 0.5 * std::erfc(-(std::log(tMs) - mu) / (sigma * std::numbers::sqrt2));
    }
    case Shape::Bimodal:
        return (1 - slowFraction) * step(meanMs) + slowFraction * step(slowMs);
    }
    return 0;
}

double ServiceTimeDistribution::squaredCoefficientOfVariation() const
{
    const double mean = expectedMs();
    return mean > 0 ? varianceMs2() / (mean * mean) : 0;
}

QStringList ServiceTimeDistribution::shapeNames()
{
    return {QStringLiteral("fixed"), QStringLiteral("uniform"), QStringLiteral("exponential"),
            QStringLiteral("lognormal"), QStringLiteral("bimodal")};
}

QString ServiceTimeDistribution::shapeName(Shape s)
{
    return shapeNames().at(static_cast<int>(s));
}

ServiceTimeDistribution::Shape ServiceTimeDistribution::shapeFromName(const QString& name)
{
    const auto i = shapeNames().indexOf(name);
    return i < 0 ? Shape::Fixed : static_cast<Shape>(i);
}

} // namespace shoal
