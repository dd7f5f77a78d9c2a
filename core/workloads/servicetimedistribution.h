#pragma once

#include <QString>
#include <QStringList>

#include <random>

namespace shoal {

/// How long a synthetic job takes, drawn per job from one of five shapes. Draws use only the
/// engine's raw 64-bit output (no std:: distribution, whose algorithms differ between standard
/// libraries), so a seed gives the same times everywhere. A value type; any thread, but one
/// engine per thread.
class ServiceTimeDistribution {
public:
    enum class Shape {
        Fixed,       ///< always meanMs
        Uniform,     ///< uniform on [meanMs - spreadMs, meanMs + spreadMs], cut at 0
        Exponential, ///< exponential with mean meanMs
        LogNormal,   ///< log-normal with mean meanMs and shape sigma (the log's deviation)
        Bimodal,     ///< meanMs, but slowMs for a slowFraction of jobs
    };

    Shape shape = Shape::Fixed;
    double meanMs = 10;        ///< >= 0
    double spreadMs = 5;       ///< Uniform: half-width
    double sigma = 0.5;        ///< LogNormal: >= 0
    double slowFraction = 0.1; ///< Bimodal: in [0, 1]
    double slowMs = 100;       ///< Bimodal: the slow mode

    /// One service time in milliseconds, >= 0.
    double sampleMs(std::mt19937_64& engine) const;
    /// The mean of sampleMs() in milliseconds (Uniform's after the cut at 0).
    double expectedMs() const;
    /// The variance of sampleMs() in ms^2 (Uniform's after the cut at 0).
    double varianceMs2() const;
    /// P(sampleMs() <= tMs): steps for fixed and bimodal, the cut's mass at 0 for uniform.
    double cdf(double tMs) const;
    /// Cs^2 = variance / mean^2, the squared coefficient of variation: 0 fixed, 1 exponential,
    /// e^(sigma^2) - 1 log-normal; 0 when the mean is 0.
    double squaredCoefficientOfVariation() const;

    /// "fixed", "uniform", "exponential", "lognormal", "bimodal".
    static QStringList shapeNames();
    static QString shapeName(Shape shape);
    /// The shape named \a name; Fixed for an unknown name.
    static Shape shapeFromName(const QString& name);

    /// A uniform draw in [0, 1) from the top 53 bits of one engine output.
    static double unit(std::mt19937_64& engine);
};

} // namespace shoal
