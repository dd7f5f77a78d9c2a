#include "lab/uslfit.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace shoal;

namespace {

QList<UslPoint> curve(double lambda, double sigma, double kappa, int maxN, int repeats = 1)
{
    QList<UslPoint> points;
    for (int n = 1; n <= maxN; ++n) {
        for (int r = 0; r < repeats; ++r)
            points.append({double(n), UslFit::throughputAt(n, lambda, sigma, kappa)});
    }
    return points;
}

double rss(const QList<UslPoint>& points, double lambda, double sigma, double kappa)
{
    double sum = 0;
    for (const UslPoint& p : points) {
        const double r = p.throughput - UslFit::throughputAt(p.n, lambda, sigma, kappa);
        sum += r * r;
    }
    return sum;
}

/// The least residual sum over a fine grid of sigma in [sigmaMin, sigmaMax] and kappa in
/// [kappaMin, kappaMax], lambda >= 0 in closed form for each.
double bestOnGrid(const QList<UslPoint>& points, double sigmaMin, double sigmaMax, double kappaMin,
                  double kappaMax, int steps)
{
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i <= steps; ++i) {
        for (int j = 0; j <= steps; ++j) {
            const double sigma = sigmaMin + (sigmaMax - sigmaMin) * i / steps;
            const double kappa = kappaMin + (kappaMax - kappaMin) * j / steps;
            double xg = 0;
            double gg = 0;
            for (const UslPoint& p : points) {
                const double g = UslFit::throughputAt(p.n, 1, sigma, kappa);
                xg += p.throughput * g;
                gg += g * g;
            }
            best = std::min(best, rss(points, std::max(0.0, xg / gg), sigma, kappa));
        }
    }
    return best;
}

void verifyResiduals(const UslFit& fit, const QList<UslPoint>& points)
{
    QCOMPARE(fit.residuals.size(), points.size());
    double sum = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double r = points[i].throughput - fit.predict(points[i].n);
        QCOMPARE(fit.residuals[i], r);
        sum += r * r;
    }
    QCOMPARE(fit.residualSumOfSquares, sum);
}

} // namespace

class TestUslFit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recoversExactParameters();
    void recoversParametersThroughFivePercentNoise();
    void neverDoesWorseThanTheTrueParametersAtAnyScale();
    void linearDataHasNoContentionAndNoPeak();
    void amdahlDataHasNoCoherencyCost();
    void superlinearDataStaysInBoundsAndIsTheBestThere();
    void fallingDataStaysInBoundsAndIsTheBestThere();
    void refusesTooFewOrBadPoints();
};

void TestUslFit::recoversExactParameters()
{
    const QList<UslPoint> points = curve(1000, 0.05, 0.002, 32);
    const UslFit fit = fitUsl(points);
    QVERIFY(fit.isFitted());
    QVERIFY2(std::abs(fit.lambda - 1000) < 1e-3, qPrintable(QString::number(fit.lambda)));
    QVERIFY2(std::abs(fit.sigma - 0.05) < 1e-6, qPrintable(QString::number(fit.sigma)));
    QVERIFY2(std::abs(fit.kappa - 0.002) < 1e-8, qPrintable(QString::number(fit.kappa)));
    QVERIFY(fit.peakAt);
    QVERIFY(std::abs(*fit.peakAt - std::sqrt(0.95 / 0.002)) < 1e-3);
    QVERIFY(fit.r2 > 1 - 1e-9);
    verifyResiduals(fit, points);
}

void TestUslFit::recoversParametersThroughFivePercentNoise()
{
    const double lambda = 400;
    const double sigma = 0.08;
    const double kappa = 0.004;
    std::mt19937 random(20261202);
    std::normal_distribution<double> noise(0, 0.05);
    QList<UslPoint> points = curve(lambda, sigma, kappa, 24, 3);
    for (UslPoint& p : points)
        p.throughput *= std::max(0.0, 1 + noise(random));
    const UslFit fit = fitUsl(points);
    QVERIFY(fit.isFitted());
    // Least squares cannot do worse than the parameters that made the data.
    QVERIFY(fit.residualSumOfSquares <= rss(points, lambda, sigma, kappa));
    QVERIFY2(std::abs(fit.lambda - lambda) < 0.1 * lambda, qPrintable(QString::number(fit.lambda)));
    QVERIFY2(std::abs(fit.sigma - sigma) < 0.04, qPrintable(QString::number(fit.sigma)));
    QVERIFY2(std::abs(fit.kappa - kappa) < 0.3 * kappa, qPrintable(QString::number(fit.kappa)));
    QVERIFY(fit.peakAt);
    const double truePeak = std::sqrt((1 - sigma) / kappa);
    QVERIFY2(std::abs(*fit.peakAt - truePeak) < 0.2 * truePeak,
             qPrintable(QString::number(*fit.peakAt)));
    QVERIFY(fit.r2 > 0.8 && fit.r2 < 1);
    QVERIFY(fit.residualSumOfSquares <= bestOnGrid(points, 0, 0.3, 0, 0.02, 300) * (1 + 1e-6));
    verifyResiduals(fit, points);
}

void TestUslFit::neverDoesWorseThanTheTrueParametersAtAnyScale()
{
    // Throughputs from a few per second to millions, curves from near-linear to sharply peaked.
    struct Truth {
        double lambda, sigma, kappa;
    };
    const Truth truths[] = {
        {3, 0.2, 0.01}, {2e6, 0.02, 0.0005}, {800, 0.001, 0.00002}, {50, 0.5, 0.05}};
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0, 0.05);
    for (const Truth& t : truths) {
        QList<UslPoint> points = curve(t.lambda, t.sigma, t.kappa, 32, 2);
        const UslFit exact = fitUsl(points);
        QVERIFY2(std::abs(exact.sigma - t.sigma) < 1e-5 * t.sigma + 1e-9,
                 qPrintable(QString::number(exact.sigma)));
        QVERIFY2(std::abs(exact.kappa - t.kappa) < 1e-5 * t.kappa + 1e-12,
                 qPrintable(QString::number(exact.kappa)));
        for (UslPoint& p : points)
            p.throughput *= std::max(0.0, 1 + noise(random));
        const UslFit noisy = fitUsl(points);
        QVERIFY(noisy.sigma >= 0 && noisy.kappa >= 0 && noisy.lambda >= 0);
        QVERIFY(noisy.residualSumOfSquares <= rss(points, t.lambda, t.sigma, t.kappa));
    }
}

void TestUslFit::linearDataHasNoContentionAndNoPeak()
{
    const UslFit fit = fitUsl(curve(500, 0, 0, 16));
    QVERIFY(fit.isFitted());
    QCOMPARE(fit.sigma, 0.0);
    QCOMPARE(fit.kappa, 0.0);
    QVERIFY(!fit.peakAt);
    QVERIFY(std::abs(fit.lambda - 500) < 1e-9);
    QVERIFY(fit.r2 > 1 - 1e-12);
}

void TestUslFit::amdahlDataHasNoCoherencyCost()
{
    const QList<UslPoint> points = curve(250, 0.1, 0, 20, 2);
    const UslFit fit = fitUsl(points);
    QVERIFY(fit.isFitted());
    QCOMPARE(fit.kappa, 0.0);
    QVERIFY(!fit.peakAt);
    QVERIFY2(std::abs(fit.sigma - 0.1) < 1e-7, qPrintable(QString::number(fit.sigma)));
    QVERIFY2(std::abs(fit.lambda - 250) < 1e-5, qPrintable(QString::number(fit.lambda)));
    verifyResiduals(fit, points);
}

void TestUslFit::superlinearDataStaysInBoundsAndIsTheBestThere()
{
    // Throughput growing faster than N (caches warming): the unconstrained fit wants sigma < 0.
    QList<UslPoint> points;
    for (int n = 1; n <= 16; ++n)
        points.append({double(n), 100 * std::pow(n, 1.2)});
    const UslFit fit = fitUsl(points);
    QVERIFY(fit.isFitted());
    QVERIFY(fit.sigma >= 0);
    QVERIFY(fit.kappa >= 0);
    QVERIFY(fit.lambda >= 0);
    QVERIFY(fit.residualSumOfSquares <= bestOnGrid(points, 0, 0.2, 0, 0.01, 400) * (1 + 1e-6));
    // The bound binds: a negative sigma would fit better, so a free fit would have gone there.
    QVERIFY(bestOnGrid(points, -0.05, 0, 0, 0.01, 100) < 0.5 * fit.residualSumOfSquares);
    verifyResiduals(fit, points);
}

void TestUslFit::fallingDataStaysInBoundsAndIsTheBestThere()
{
    // A curve of negative contention plus strong coherency: a free fit drives sigma below zero.
    const QList<UslPoint> points = [] {
        QList<UslPoint> p;
        for (int n = 1; n <= 12; ++n)
            p.append({double(n), 100.0 * n / (1 - 0.15 * (n - 1) + 0.03 * n * (n - 1))});
        return p;
    }();
    const UslFit fit = fitUsl(points);
    QVERIFY(fit.isFitted());
    QVERIFY(fit.sigma >= 0);
    QVERIFY(fit.kappa >= 0);
    QVERIFY(fit.residualSumOfSquares <= bestOnGrid(points, 0, 0.5, 0, 0.05, 400) * (1 + 1e-6));
    QVERIFY(bestOnGrid(points, -0.2, 0, 0, 0.05, 100) < 0.5 * fit.residualSumOfSquares);
    verifyResiduals(fit, points);
}

void TestUslFit::refusesTooFewOrBadPoints()
{
    QCOMPARE(fitUsl({}).status, UslFit::Status::TooFewPoints);
    QCOMPARE(fitUsl({{1, 10}, {2, 19}, {2, 18}, {1, 11}}).status, UslFit::Status::TooFewPoints);
    UslFit fit = fitUsl({{1, 10}, {0.5, 5}, {3, 25}});
    QCOMPARE(fit.status, UslFit::Status::BadPoint);
    QCOMPARE(fit.badPoint, 1);
    fit = fitUsl({{1, 10}, {2, 19}, {3, std::nan("")}});
    QCOMPARE(fit.status, UslFit::Status::BadPoint);
    QCOMPARE(fit.badPoint, 2);
    QCOMPARE(fitUsl({{1, 10}, {2, -1}, {3, 25}}).badPoint, 1);
    QVERIFY(fitUsl({{1, 10}, {2, 19}, {3, 27}}).isFitted());
}

QTEST_GUILESS_MAIN(TestUslFit)
#include "tst_uslfit.moc"
