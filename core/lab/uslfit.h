#pragma once

#include <QList>
#include <QMetaType>

#include <optional>

namespace shoal {

/// One measurement for the scaling fit: throughput X at concurrency N (callers or workers).
struct UslPoint {
    double n = 0;          ///< concurrency, at least 1
    double throughput = 0; ///< calls per second, finite and not negative
};

/// Gunther's Universal Scalability Law fitted to throughput against concurrency:
///   X(N) = lambda * N / (1 + sigma * (N - 1) + kappa * N * (N - 1))
/// lambda is the throughput of one, sigma the share lost to contention (serialisation), kappa the
/// cost of coherency (crosstalk, which makes throughput fall past a peak). A value type.
struct UslFit {
    enum class Status {
        Fitted,       ///< the parameters below hold the fit
        TooFewPoints, ///< fewer than three distinct N: three parameters cannot be told apart
        BadPoint,     ///< badPoint has N below 1 or a throughput that is negative or not finite
    };
    Status status = Status::TooFewPoints;
    qsizetype badPoint = -1;      ///< BadPoint: the index of the refused point
    double lambda = 0;            ///< >= 0, calls per second at N = 1
    double sigma = 0;             ///< >= 0, contention
    double kappa = 0;             ///< >= 0, coherency
    std::optional<double> peakAt; ///< sqrt((1 - sigma) / kappa), when kappa > 0 and sigma < 1
    double r2 = 0;                ///< 1 - RSS / total sum of squares; NaN when every X is the same
    double residualSumOfSquares = 0;
    QList<double> residuals; ///< observed - fitted, one per point, in the order given

    bool isFitted() const { return status == Status::Fitted; }
    /// The fitted curve's throughput at concurrency n.
    double predict(double n) const { return throughputAt(n, lambda, sigma, kappa); }
    /// The law itself, for any parameters.
    static double throughputAt(double n, double lambda, double sigma, double kappa);
};

/// Fits the law by least squares on throughput with lambda, sigma and kappa held >= 0: a coarse
/// grid over (sigma, kappa) with the best lambda for each in closed form picks the start, then a
/// projected Levenberg-Marquardt refines it (parameters at a bound whose gradient points outward
/// stay there). A fit with sigma or kappa at exactly zero is preferred when it is as good, so
/// linear data gives no peak. Repeats may share an N. Pure; any thread; never negative parameters.
UslFit fitUsl(const QList<UslPoint>& points);

} // namespace shoal

Q_DECLARE_METATYPE(shoal::UslFit)
