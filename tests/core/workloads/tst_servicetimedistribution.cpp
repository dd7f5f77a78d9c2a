#include "workloads/servicetimedistribution.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace shoal;

Q_DECLARE_METATYPE(shoal::ServiceTimeDistribution::Shape)

namespace {

using Shape = ServiceTimeDistribution::Shape;

ServiceTimeDistribution make(Shape shape)
{
    ServiceTimeDistribution d;
    d.shape = shape;
    d.meanMs = 20;
    d.spreadMs = 10;
    d.sigma = 0.8;
    d.slowFraction = 0.05;
    d.slowMs = 400;
    return d;
}

std::vector<double> draws(const ServiceTimeDistribution& d, quint64 seed, int n)
{
    std::mt19937_64 engine(seed);
    std::vector<double> out(static_cast<std::size_t>(n));
    for (double& x : out)
        x = d.sampleMs(engine);
    return out;
}

double mean(const std::vector<double>& xs)
{
    double sum = 0;
    for (const double x : xs)
        sum += x;
    return sum / static_cast<double>(xs.size());
}

double variance(const std::vector<double>& xs)
{
    const double m = mean(xs);
    double sum = 0;
    for (const double x : xs)
        sum += (x - m) * (x - m);
    return sum / static_cast<double>(xs.size() - 1);
}

} // namespace

class TestServiceTimeDistribution : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sampleMeanMatchesTheDistribution_data();
    void sampleMeanMatchesTheDistribution();
    void sampleVarianceMatchesTheDistribution_data();
    void sampleVarianceMatchesTheDistribution();
    void cutUniformMeanAndVarianceMatchSamples();
    void squaredCoefficientsOfVariationOfKnownShapes();
    void cdfMatchesTheSamples_data();
    void cdfMatchesTheSamples();
    void sameSeedGivesTheSameTimes();
    void samplesAreNeverNegative();
    void exponentialHasItsMedianAtMeanTimesLn2();
    void lognormalHasItsMedianBelowItsMean();
    void bimodalTakesOnlyItsTwoValues();
    void shapesRoundTripThroughTheirNames();
};

void TestServiceTimeDistribution::sampleMeanMatchesTheDistribution_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<double>("tolerance"); // relative; several standard errors for 200k draws
    QTest::newRow("fixed") << Shape::Fixed << 1e-12;
    QTest::newRow("uniform") << Shape::Uniform << 0.005;
    QTest::newRow("exponential") << Shape::Exponential << 0.015;
    QTest::newRow("lognormal") << Shape::LogNormal << 0.02;
    QTest::newRow("bimodal") << Shape::Bimodal << 0.02;
}

void TestServiceTimeDistribution::sampleMeanMatchesTheDistribution()
{
    QFETCH(Shape, shape);
    QFETCH(double, tolerance);
    const auto d = make(shape);
    const double m = mean(draws(d, 12345, 200'000));
    QVERIFY2(std::abs(m - d.expectedMs()) <= tolerance * d.expectedMs(),
             qPrintable(QStringLiteral("mean %1, expected %2").arg(m).arg(d.expectedMs())));
}

void TestServiceTimeDistribution::sampleVarianceMatchesTheDistribution_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<double>("tolerance"); // relative, for 400k draws
    QTest::newRow("uniform") << Shape::Uniform << 0.01;
    QTest::newRow("exponential") << Shape::Exponential << 0.03;
    QTest::newRow("lognormal") << Shape::LogNormal << 0.08; // heavy tail: slow to settle
    QTest::newRow("bimodal") << Shape::Bimodal << 0.03;
}

void TestServiceTimeDistribution::sampleVarianceMatchesTheDistribution()
{
    QFETCH(Shape, shape);
    QFETCH(double, tolerance);
    const auto d = make(shape);
    const double v = variance(draws(d, 999, 400'000));
    QVERIFY2(std::abs(v - d.varianceMs2()) <= tolerance * d.varianceMs2(),
             qPrintable(QStringLiteral("variance %1, expected %2").arg(v).arg(d.varianceMs2())));
    QCOMPARE(make(Shape::Fixed).varianceMs2(), 0.0);
}

void TestServiceTimeDistribution::cutUniformMeanAndVarianceMatchSamples()
{
    auto d = make(Shape::Uniform);
    d.spreadMs = 40; // [-20, 60] cut at 0: a quarter of the jobs take 0
    const auto xs = draws(d, 6, 400'000);
    // By hand: E[X] = 60^2 / 160 = 22.5, E[X^2] = 60^3 / 240 = 900.
    QVERIFY(std::abs(d.expectedMs() - 22.5) < 1e-12);
    QVERIFY(std::abs(d.varianceMs2() - (900 - 22.5 * 22.5)) < 1e-9);
    QVERIFY2(std::abs(mean(xs) - 22.5) < 0.1, qPrintable(QString::number(mean(xs))));
    QVERIFY2(std::abs(variance(xs) - d.varianceMs2()) < 0.01 * d.varianceMs2(),
             qPrintable(QString::number(variance(xs))));
}

void TestServiceTimeDistribution::squaredCoefficientsOfVariationOfKnownShapes()
{
    QCOMPARE(make(Shape::Fixed).squaredCoefficientOfVariation(), 0.0);
    QVERIFY(std::abs(make(Shape::Exponential).squaredCoefficientOfVariation() - 1) < 1e-12);
    QVERIFY(std::abs(make(Shape::LogNormal).squaredCoefficientOfVariation() -
                     (std::exp(0.8 * 0.8) - 1)) < 1e-12);
    // Uniform on [10, 30]: (20^2 / 12) / 20^2.
    QVERIFY(std::abs(make(Shape::Uniform).squaredCoefficientOfVariation() - 1.0 / 12) < 1e-12);
    // Bimodal 20 / 400 at 5 %: variance 0.05 * 0.95 * 380^2 over a mean of 39.
    QVERIFY(std::abs(make(Shape::Bimodal).squaredCoefficientOfVariation() -
                     0.05 * 0.95 * 380 * 380 / (39.0 * 39.0)) < 1e-12);
    auto zero = make(Shape::Exponential);
    zero.meanMs = 0;
    QCOMPARE(zero.squaredCoefficientOfVariation(), 0.0);
}

void TestServiceTimeDistribution::cdfMatchesTheSamples_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<double>("spreadMs");
    QTest::newRow("fixed") << Shape::Fixed << 10.0;
    QTest::newRow("uniform") << Shape::Uniform << 10.0;
    QTest::newRow("uniform cut at 0") << Shape::Uniform << 40.0;
    QTest::newRow("exponential") << Shape::Exponential << 10.0;
    QTest::newRow("lognormal") << Shape::LogNormal << 10.0;
    QTest::newRow("bimodal") << Shape::Bimodal << 10.0;
}

void TestServiceTimeDistribution::cdfMatchesTheSamples()
{
    QFETCH(Shape, shape);
    QFETCH(double, spreadMs);
    auto d = make(shape);
    d.spreadMs = spreadMs;
    auto xs = draws(d, 11, 200'000);
    std::sort(xs.begin(), xs.end());
    for (const double t : {0.0, 5.0, 12.0, 19.9, 20.0, 27.0, 45.0, 100.0, 399.0, 400.0}) {
        const double sample =
            static_cast<double>(std::upper_bound(xs.begin(), xs.end(), t) - xs.begin()) /
            static_cast<double>(xs.size());
        QVERIFY2(
            std::abs(sample - d.cdf(t)) < 0.004, // about four standard errors
            qPrintable(QStringLiteral("t %1: sample %2, cdf %3").arg(t).arg(sample).arg(d.cdf(t))));
    }
    QCOMPARE(d.cdf(-1), 0.0);
    QVERIFY(d.cdf(1e9) == 1.0);
}

void TestServiceTimeDistribution::sameSeedGivesTheSameTimes()
{
    for (const Shape shape :
         {Shape::Uniform, Shape::Exponential, Shape::LogNormal, Shape::Bimodal}) {
        const auto d = make(shape);
        QCOMPARE(draws(d, 7, 1000), draws(d, 7, 1000));
        QVERIFY(draws(d, 7, 1000) != draws(d, 8, 1000));
    }
}

void TestServiceTimeDistribution::samplesAreNeverNegative()
{
    auto d = make(Shape::Uniform);
    d.spreadMs = 50; // wider than the mean: the low end is cut at 0
    for (const double x : draws(d, 1, 10'000))
        QVERIFY(x >= 0);
    for (const Shape shape : {Shape::Exponential, Shape::LogNormal}) {
        for (const double x : draws(make(shape), 2, 10'000))
            QVERIFY(x >= 0 && std::isfinite(x));
    }
}

void TestServiceTimeDistribution::exponentialHasItsMedianAtMeanTimesLn2()
{
    auto xs = draws(make(Shape::Exponential), 3, 100'001);
    std::nth_element(xs.begin(), xs.begin() + 50'000, xs.end());
    const double median = xs[50'000];
    QVERIFY2(std::abs(median - 20 * std::log(2.0)) < 0.3, qPrintable(QString::number(median)));
}

void TestServiceTimeDistribution::lognormalHasItsMedianBelowItsMean()
{
    // Median = exp(mu) = mean * exp(-sigma^2 / 2).
    auto xs = draws(make(Shape::LogNormal), 4, 100'001);
    std::nth_element(xs.begin(), xs.begin() + 50'000, xs.end());
    const double expected = 20 * std::exp(-0.8 * 0.8 / 2);
    QVERIFY2(std::abs(xs[50'000] - expected) < 0.02 * expected,
             qPrintable(QString::number(xs[50'000])));
}

void TestServiceTimeDistribution::bimodalTakesOnlyItsTwoValues()
{
    const auto xs = draws(make(Shape::Bimodal), 5, 100'000);
    const auto slow = std::count(xs.begin(), xs.end(), 400.0);
    const auto fast = std::count(xs.begin(), xs.end(), 20.0);
    QCOMPARE(slow + fast, qsizetype(xs.size()));
    QVERIFY2(std::abs(slow / 100'000.0 - 0.05) < 0.004, qPrintable(QString::number(slow)));
}

void TestServiceTimeDistribution::shapesRoundTripThroughTheirNames()
{
    for (const QString& name : ServiceTimeDistribution::shapeNames())
        QCOMPARE(ServiceTimeDistribution::shapeName(ServiceTimeDistribution::shapeFromName(name)),
                 name);
    QCOMPARE(ServiceTimeDistribution::shapeFromName(QStringLiteral("lognormal")), Shape::LogNormal);
}

QTEST_GUILESS_MAIN(TestServiceTimeDistribution)
#include "tst_servicetimedistribution.moc"
