#include "lab/allencunneen.h"
#include "lab/erlangc.h"
#include "lab/littleslaw.h"
#include "lab/mgclatency.h"
#include "lab/queueingmodel.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

using namespace shoal;

Q_DECLARE_METATYPE(shoal::ServiceTimeDistribution::Shape)
Q_DECLARE_METATYPE(shoal::ModelConditions)
Q_DECLARE_METATYPE(shoal::ModelReason)

namespace {

using Shape = ServiceTimeDistribution::Shape;

/// Erlang C from the textbook sum, C = (a^c / c! / (1 - rho)) / (sum_{k<c} a^k / k! + that), in
/// logarithms (lgamma and log-sum-exp) so it stays finite for large c: a different route from the
/// recurrence under test.
double erlangCBySum(int c, double a)
{
    const double rho = a / c;
    const double logTop = c * std::log(a) - std::lgamma(c + 1.0) - std::log1p(-rho);
    double logMax = logTop;
    for (int k = 0; k < c; ++k)
        logMax = std::max(logMax, k * std::log(a) - std::lgamma(k + 1.0));
    double sum = std::exp(logTop - logMax);
    for (int k = 0; k < c; ++k)
        sum += std::exp(k * std::log(a) - std::lgamma(k + 1.0) - logMax);
    return std::exp(logTop - logMax) / sum;
}

/// Composite Simpson's rule on [lo, hi] with n (even) intervals.
double simpson(const std::function<double(double)>& f, double lo, double hi, int n)
{
    const double h = (hi - lo) / n;
    double sum = f(lo) + f(hi);
    for (int i = 1; i < n; ++i)
        sum += (i % 2 ? 4 : 2) * f(lo + i * h);
    return sum * h / 3;
}

/// P(latency <= t) for M/M/c by integrating the convolution numerically: with probability 1 - C
/// no wait, then the service; with probability C an exponential wait w of rate theta, then
/// the service within t - w. Uses only C, mu and theta, not the closed form under test.
double latencyCdfByIntegration(double c, double mu, double theta, double t)
{
    const double inTail =
        simpson([&](double w) { return theta * std::exp(-theta * w) * -std::expm1(-mu * (t - w)); },
                0, t, 20'000);
    return (1 - c) * -std::expm1(-mu * t) + c * inTail;
}

ModelConditions openPoisson(int servers, double arrivalPerSec, Shape shape, double meanMs)
{
    ModelConditions in;
    in.servers = servers;
    in.arrivalPerSec = arrivalPerSec;
    ServiceTimeDistribution d;
    d.shape = shape;
    d.meanMs = meanMs;
    in.service = d;
    return in;
}

} // namespace

class TestQueueingModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void erlangCMatchesPublishedValues_data();
    void erlangCMatchesPublishedValues();
    void erlangCMatchesTheTextbookSum_data();
    void erlangCMatchesTheTextbookSum();
    void erlangBOfOneServerIsAOverOnePlusA();
    void mm1MatchesItsClosedForms();
    void latencyQuantilesMatchNumericalIntegration_data();
    void latencyQuantilesMatchNumericalIntegration();
    void latencyIsContinuousThroughTheEqualRatesCase();
    void queueWaitQuantileHasTheNoWaitMassAtZero();
    void unstableQueueGivesNoNumbers();
    void allenCunneenMatchesPollaczekKhinchineForOneServer_data();
    void allenCunneenMatchesPollaczekKhinchineForOneServer();
    void allenCunneenWithExponentialServiceIsErlangC();
    void mgcLatencyWithExponentialServiceIsErlangC();
    void mgcLatencyOfFixedServiceIsTheWaitShifted();
    void mgcLatencyMatchesSimulation_data();
    void mgcLatencyMatchesSimulation();
    void predictPicksTheModelByShape();
    void predictSaysWhyNoModelApplies_data();
    void predictSaysWhyNoModelApplies();
    void predictReportsUnstableInsteadOfNumbers();
    void littlesLawBalancesATraceThatStartsAndEndsEmpty();
    void littlesLawOfAnEmptyIntervalIsZero();
};

void TestQueueingModel::erlangCMatchesPublishedValues_data()
{
    QTest::addColumn<int>("servers");
    QTest::addColumn<double>("erlangs");
    QTest::addColumn<double>("expected");
    QTest::newRow("c=1: rho") << 1 << 0.7 << 0.7;
    QTest::newRow("c=2 a=1: 1/3") << 2 << 1.0 << 1.0 / 3;
    QTest::newRow("c=3 a=2: 4/9") << 3 << 2.0 << 4.0 / 9;
    QTest::newRow("c=5 a=4") << 5 << 4.0 << 0.5541125541125541;    // 64/115.5
    QTest::newRow("c=10 a=8") << 10 << 8.0 << 0.40918015079644354; // call-centre tables: 40.9 %
}

void TestQueueingModel::erlangCMatchesPublishedValues()
{
    QFETCH(int, servers);
    QFETCH(double, erlangs);
    QFETCH(double, expected);
    QVERIFY2(std::abs(ErlangC::erlangCFormula(servers, erlangs) - expected) < 1e-12,
             qPrintable(QString::number(ErlangC::erlangCFormula(servers, erlangs), 'g', 17)));
    // Same through the queue: 100 ms service, so lambda = a * 10 per second.
    const ErlangC queue(servers, erlangs * 10, 100);
    QVERIFY(std::abs(queue.waitProbability() - expected) < 1e-12);
}

void TestQueueingModel::erlangCMatchesTheTextbookSum_data()
{
    QTest::addColumn<int>("servers");
    QTest::addColumn<double>("erlangs");
    QTest::newRow("c=1 rho=0.999") << 1 << 0.999;
    QTest::newRow("c=4 rho=0.5") << 4 << 2.0;
    QTest::newRow("c=4 rho=0.999") << 4 << 3.996;
    QTest::newRow("c=50 rho=0.9") << 50 << 45.0;
    QTest::newRow("c=2000 rho=0.5") << 2000 << 1000.0;
    QTest::newRow("c=2000 rho=0.95") << 2000 << 1900.0;
    QTest::newRow("c=2000 rho=0.999") << 2000 << 1998.0;
}

void TestQueueingModel::erlangCMatchesTheTextbookSum()
{
    QFETCH(int, servers);
    QFETCH(double, erlangs);
    const double viaRecurrence = ErlangC::erlangCFormula(servers, erlangs);
    const double viaSum = erlangCBySum(servers, erlangs);
    QVERIFY(std::isfinite(viaRecurrence));
    QVERIFY2(
        std::abs(viaRecurrence - viaSum) <= 1e-9 * std::max(viaSum, 1e-300) + 1e-300,
        qPrintable(
            QStringLiteral("%1 vs %2").arg(viaRecurrence, 0, 'g', 17).arg(viaSum, 0, 'g', 17)));
}

void TestQueueingModel::erlangBOfOneServerIsAOverOnePlusA()
{
    QCOMPARE(ErlangC::erlangB(0, 3), 1.0);
    QVERIFY(std::abs(ErlangC::erlangB(1, 3) - 0.75) < 1e-15);
    QVERIFY(std::abs(ErlangC::erlangB(2, 1) - 0.2) < 1e-15); // (1/2) / (1 + 1 + 1/2)
}

void TestQueueingModel::mm1MatchesItsClosedForms()
{
    // lambda 80/s, mean service 10 ms: mu - lambda = 20/s, sojourn ~ Exp(0.02 per ms).
    const ErlangC q(1, 80, 10);
    const double rate = 0.02;
    QVERIFY(std::abs(q.utilisation() - 0.8) < 1e-12);
    QVERIFY(std::abs(q.waitProbability() - 0.8) < 1e-12);
    QVERIFY(std::abs(q.latencyMeanMs() - 50) < 1e-9);
    QVERIFY(std::abs(q.queueWaitMeanMs() - 40) < 1e-9); // rho / (mu - lambda)
    for (const double p : {0.5, 0.95, 0.99, 0.999}) {
        const double expected = -std::log1p(-p) / rate;
        QVERIFY2(
            std::abs(q.latencyQuantileMs(p) - expected) < 1e-9 * expected,
            qPrintable(
                QStringLiteral("p%1: %2 vs %3").arg(p).arg(q.latencyQuantileMs(p)).arg(expected)));
        // Wait: P(W > t) = rho e^(-(mu - lambda) t).
        const double wait = std::log(0.8 / (1 - p)) / rate;
        QVERIFY(std::abs(q.queueWaitQuantileMs(p) - wait) < 1e-9 * wait);
    }
    QVERIFY(std::abs(q.latencySurvival(100) - std::exp(-2.0)) < 1e-12);
}

void TestQueueingModel::latencyQuantilesMatchNumericalIntegration_data()
{
    QTest::addColumn<int>("servers");
    QTest::addColumn<double>("erlangs");
    QTest::newRow("c=1 rho=0.5") << 1 << 0.5;
    QTest::newRow("c=2 a=1 (equal rates)") << 2 << 1.0;
    QTest::newRow("c=4 rho=0.5") << 4 << 2.0;
    QTest::newRow("c=4 rho=0.9") << 4 << 3.6;
    QTest::newRow("c=4 rho=0.999") << 4 << 3.996;
    QTest::newRow("c=2000 rho=0.95") << 2000 << 1900.0;
    QTest::newRow("c=2000 rho=0.999") << 2000 << 1998.0;
}

void TestQueueingModel::latencyQuantilesMatchNumericalIntegration()
{
    QFETCH(int, servers);
    QFETCH(double, erlangs);
    const double serviceMs = 10;
    const ErlangC q(servers, erlangs * 1000 / serviceMs, serviceMs);
    const double c = erlangCBySum(servers, erlangs);
    const double mu = 1 / serviceMs;
    const double theta = (servers - erlangs) * mu;
    for (const double p : {0.5, 0.95, 0.99}) {
        const double t = q.latencyQuantileMs(p);
        QVERIFY(std::isfinite(t) && t > 0);
        const double cdf = latencyCdfByIntegration(c, mu, theta, t);
        QVERIFY2(std::abs(cdf - p) < 1e-7,
                 qPrintable(QStringLiteral("p%1 at %2 ms: integrated CDF %3")
                                .arg(p)
                                .arg(t)
                                .arg(cdf, 0, 'g', 12)));
    }
    // The mean: the integral of the survival equals E[wait] + E[service].
    const double top = q.latencyQuantileMs(0.999999) * 3;
    const double mean = simpson([&](double t) { return q.latencySurvival(t); }, 0, top, 200'000);
    QVERIFY2(std::abs(mean - (c / theta + serviceMs)) < 1e-6 * mean,
             qPrintable(QStringLiteral("%1 vs %2").arg(mean).arg(q.latencyMeanMs())));
    QVERIFY(std::abs(q.latencyMeanMs() - (c / theta + serviceMs)) < 1e-9 * mean);
}

void TestQueueingModel::latencyIsContinuousThroughTheEqualRatesCase()
{
    // c mu - lambda == mu when c - a == 1; there P(T > t) = e^(-mu t) (1 + C mu t).
    const ErlangC equal(2, 100, 10); // a = 1, C = 1/3
    for (const double t : {1.0, 10.0, 50.0, 200.0}) {
        const double expected = std::exp(-t / 10) * (1 + t / 30);
        QVERIFY(std::abs(equal.latencySurvival(t) - expected) < 1e-14);
        for (const double nudge : {-1e-9, 1e-9, -1e-6, 1e-6}) {
            const ErlangC near(2, 100 * (1 + nudge), 10);
            QVERIFY2(std::abs(near.latencySurvival(t) - expected) < 1e-5,
                     qPrintable(QStringLiteral("t %1 nudge %2: %3 vs %4")
                                    .arg(t)
                                    .arg(nudge)
                                    .arg(near.latencySurvival(t), 0, 'g', 15)
                                    .arg(expected, 0, 'g', 15)));
        }
    }
}

void TestQueueingModel::queueWaitQuantileHasTheNoWaitMassAtZero()
{
    const ErlangC q(4, 200, 10); // rho 0.5, C = 0.1739...: the median call does not wait
    QCOMPARE(q.queueWaitQuantileMs(0.5), 0.0);
    const double c = q.waitProbability();
    QVERIFY(c > 0.17 && c < 0.18);
    // p95: P(W > t) = C e^(-theta t) = 0.05 with theta = (4 - 2) / 10 ms.
    QVERIFY(std::abs(q.queueWaitQuantileMs(0.95) - std::log(c / 0.05) / 0.2) < 1e-12);
}

void TestQueueingModel::unstableQueueGivesNoNumbers()
{
    for (const double erlangs : {4.0, 5.0}) {
        const ErlangC q(4, erlangs * 100, 10);
        QVERIFY(!q.isStable());
        QVERIFY(q.utilisation() >= 1);
        QVERIFY(std::isnan(q.waitProbability()));
        QVERIFY(std::isnan(q.latencyMeanMs()));
        QVERIFY(std::isnan(q.latencyQuantileMs(0.95)));
    }
    QVERIFY(!ErlangC(0, 10, 10).isStable());
    QVERIFY(!ErlangC(2, 0, 10).isStable());
}

void TestQueueingModel::allenCunneenMatchesPollaczekKhinchineForOneServer_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<double>("secondMomentMs2"); // E[S^2] for mean 10 ms
    // Fixed: 100; uniform on [5, 15]: (a^2 + ab + b^2) / 3; log-normal: m^2 e^(sigma^2);
    // bimodal 10 ms / 100 ms for 10 %: 0.9 * 100 + 0.1 * 10000, the mean then 19 ms.
    QTest::newRow("fixed") << Shape::Fixed << 100.0;
    QTest::newRow("uniform") << Shape::Uniform << (25.0 + 75.0 + 225.0) / 3;
    QTest::newRow("lognormal") << Shape::LogNormal << 100 * std::exp(0.8 * 0.8);
    QTest::newRow("bimodal") << Shape::Bimodal << 0.9 * 100 + 0.1 * 10'000;
}

void TestQueueingModel::allenCunneenMatchesPollaczekKhinchineForOneServer()
{
    // For one server Allen-Cunneen is exact: Wq = lambda E[S^2] / (2 (1 - rho)).
    QFETCH(Shape, shape);
    QFETCH(double, secondMomentMs2);
    ServiceTimeDistribution d;
    d.shape = shape;
    d.meanMs = 10;
    d.spreadMs = 5;
    d.sigma = 0.8;
    d.slowFraction = 0.1;
    d.slowMs = 100;
    const double mean = d.expectedMs();
    const double lambdaPerMs = 0.7 / mean;
    const AllenCunneen q(1, lambdaPerMs * 1000, mean, d.squaredCoefficientOfVariation());
    const double pk = lambdaPerMs * secondMomentMs2 / (2 * (1 - 0.7));
    QVERIFY2(std::abs(q.queueWaitMeanMs() - pk) < 1e-9 * pk,
             qPrintable(QStringLiteral("%1 vs %2").arg(q.queueWaitMeanMs()).arg(pk)));
    QVERIFY(std::abs(q.latencyMeanMs() - (pk + mean)) < 1e-9 * pk);
}

void TestQueueingModel::allenCunneenWithExponentialServiceIsErlangC()
{
    const ErlangC mmc(8, 700, 10);
    const AllenCunneen ac(8, 700, 10, 1.0);
    QVERIFY(std::abs(ac.queueWaitMeanMs() - mmc.queueWaitMeanMs()) < 1e-12);
    QVERIFY(std::abs(ac.queueWaitQuantileMs(0.95) - mmc.queueWaitQuantileMs(0.95)) < 1e-9);
    // Fixed service halves the wait, and its tail with it.
    const AllenCunneen fixed(8, 700, 10, 0.0);
    QVERIFY(std::abs(fixed.queueWaitMeanMs() - mmc.queueWaitMeanMs() / 2) < 1e-12);
    QVERIFY(fixed.queueWaitQuantileMs(0.95) < mmc.queueWaitQuantileMs(0.95));
}

void TestQueueingModel::mgcLatencyWithExponentialServiceIsErlangC()
{
    const ErlangC q(4, 360, 10); // rho 0.9
    ServiceTimeDistribution d;
    d.shape = Shape::Exponential;
    d.meanMs = 10;
    const MgcLatency latency(q.waitProbability(), q.queueWaitMeanMs() / q.waitProbability(), d);
    for (const double p : {0.5, 0.95, 0.99}) {
        const double expected = q.latencyQuantileMs(p);
        QVERIFY2(
            std::abs(latency.quantileMs(p) - expected) < 1e-9 * expected,
            qPrintable(
                QStringLiteral("p%1: %2 vs %3").arg(p).arg(latency.quantileMs(p)).arg(expected)));
    }
}

void TestQueueingModel::mgcLatencyOfFixedServiceIsTheWaitShifted()
{
    const AllenCunneen q(4, 360, 10, 0.0);
    ServiceTimeDistribution d;
    d.shape = Shape::Fixed;
    d.meanMs = 10;
    const double c = q.waitProbability();
    const MgcLatency latency(c, q.queueWaitMeanMs() / c, d);
    QVERIFY(c > 0.5 && c < 0.95); // so p50 waits nothing and p95 does
    QVERIFY(std::abs(latency.quantileMs(1 - c - 0.05) - 10) < 1e-9);
    for (const double p : {0.95, 0.99}) {
        const double expected = 10 + q.queueWaitQuantileMs(p);
        QVERIFY(std::abs(latency.quantileMs(p) - expected) < 1e-9 * expected);
    }
}

void TestQueueingModel::mgcLatencyMatchesSimulation_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<double>("spreadMs");
    QTest::addColumn<double>("sigma");
    QTest::newRow("uniform") << Shape::Uniform << 5.0 << 0.0;
    QTest::newRow("uniform cut at 0") << Shape::Uniform << 16.0 << 0.0;
    QTest::newRow("lognormal 0.8") << Shape::LogNormal << 0.0 << 0.8;
    QTest::newRow("lognormal 1.5") << Shape::LogNormal << 0.0 << 1.5;
    QTest::newRow("bimodal") << Shape::Bimodal << 0.0 << 0.0;
}

void TestQueueingModel::mgcLatencyMatchesSimulation()
{
    // Draws W (no wait with probability 1 - C, else exponential) and S independently, as the
    // approximation assumes, and checks that the model's quantiles are the sample's.
    QFETCH(Shape, shape);
    QFETCH(double, spreadMs);
    QFETCH(double, sigma);
    ServiceTimeDistribution d;
    d.shape = shape;
    d.meanMs = 10;
    d.spreadMs = spreadMs;
    d.sigma = sigma;
    d.slowFraction = 0.1;
    d.slowMs = 60;
    const double c = 0.4;
    const double tailMeanMs = 25;
    const MgcLatency latency(c, tailMeanMs, d);
    std::mt19937_64 engine(2024);
    constexpr int n = 400'000;
    std::vector<double> xs(n);
    for (double& x : xs) {
        const bool waits = ServiceTimeDistribution::unit(engine) < c;
        const double wait = -tailMeanMs * std::log1p(-ServiceTimeDistribution::unit(engine));
        x = (waits ? wait : 0) + d.sampleMs(engine);
    }
    std::sort(xs.begin(), xs.end());
    const auto empiricalCdf = [&xs](double t) {
        return static_cast<double>(std::upper_bound(xs.begin(), xs.end(), t) - xs.begin()) / n;
    };
    for (const double p : {0.5, 0.95, 0.99}) {
        const double t = latency.quantileMs(p);
        QVERIFY(std::isfinite(t));
        // A quantile: the sample has at most p below it and at least p at or below it (within
        // several standard errors); this also holds where the CDF jumps.
        const double below = empiricalCdf(t * (1 - 1e-9));
        const double upTo = empiricalCdf(t * (1 + 1e-9));
        QVERIFY2(below <= p + 0.004 && upTo >= p - 0.004,
                 qPrintable(QStringLiteral("p%1 at %2 ms: sample %3 .. %4")
                                .arg(p)
                                .arg(t)
                                .arg(below)
                                .arg(upTo)));
        QVERIFY(std::abs(latency.cdf(t) - p) < 1e-6 || latency.cdf(t * (1 - 1e-9)) < p);
    }
}

void TestQueueingModel::predictPicksTheModelByShape()
{
    const auto mmc = QueueingModel::predict(openPoisson(4, 200, Shape::Exponential, 10));
    QCOMPARE(mmc.kind, ModelKind::MMc);
    QCOMPARE(mmc.name(), QStringLiteral("M/M/c"));
    QCOMPARE(mmc.reason, ModelReason::Applies);
    QCOMPARE(mmc.servers, 4);
    QCOMPARE(mmc.serviceMeanMs, 10.0);
    QVERIFY(std::abs(mmc.utilisation - 0.5) < 1e-12);
    QVERIFY(mmc.waitProbability && mmc.queueWaitMeanMs && mmc.queueWaitP95Ms);
    QVERIFY(mmc.latencyMeanMs && mmc.latencyP50Ms && mmc.latencyP95Ms && mmc.latencyP99Ms);
    QVERIFY(*mmc.latencyP50Ms < *mmc.latencyP95Ms && *mmc.latencyP95Ms < *mmc.latencyP99Ms);
    QCOMPARE(*mmc.latencyP95Ms, ErlangC(4, 200, 10).latencyQuantileMs(0.95));

    for (const Shape shape : {Shape::Fixed, Shape::Uniform, Shape::LogNormal, Shape::Bimodal}) {
        const auto mgc = QueueingModel::predict(openPoisson(4, 200, shape, 10));
        QCOMPARE(mgc.kind, ModelKind::MGcAllenCunneen);
        QCOMPARE(mgc.name(), QStringLiteral("M/G/c (Allen-Cunneen)"));
        QVERIFY(mgc.latencyMeanMs && mgc.queueWaitMeanMs && mgc.queueWaitP95Ms);
        QVERIFY(mgc.latencyP50Ms && mgc.latencyP95Ms && mgc.latencyP99Ms);
        QVERIFY(*mgc.latencyP50Ms <= *mgc.latencyP95Ms && *mgc.latencyP95Ms < *mgc.latencyP99Ms);
    }
}

void TestQueueingModel::predictSaysWhyNoModelApplies_data()
{
    QTest::addColumn<ModelConditions>("conditions");
    QTest::addColumn<ModelReason>("reason");
    const auto base = openPoisson(4, 200, Shape::Exponential, 10);
    auto closed = base;
    closed.arrivalMode = ArrivalMode::Closed;
    auto constant = base;
    constant.arrivalProcess = ArrivalProcess::Constant;
    auto limiter = base;
    limiter.limiterOn = true;
    auto sharedSlots = base;
    sharedSlots.gpuSlots = 2;
    auto timeouts = base;
    timeouts.timeoutsOn = true;
    auto failures = base;
    failures.failureRate = 0.01;
    auto live = base;
    live.liveChanges = true;
    auto unknown = base;
    unknown.service.reset();
    auto noServers = base;
    noServers.servers = 0;
    auto noArrivals = base;
    noArrivals.arrivalPerSec = 0;
    QTest::newRow("closed loop") << closed << ModelReason::ClosedLoop;
    QTest::newRow("constant arrivals") << constant << ModelReason::NotPoisson;
    QTest::newRow("limiter") << limiter << ModelReason::Limiter;
    QTest::newRow("gpu slots") << sharedSlots << ModelReason::GpuSlots;
    QTest::newRow("timeouts") << timeouts << ModelReason::Timeouts;
    QTest::newRow("failures") << failures << ModelReason::Failures;
    QTest::newRow("live changes") << live << ModelReason::LiveChanges;
    QTest::newRow("unknown service time") << unknown << ModelReason::UnknownServiceTime;
    QTest::newRow("no servers") << noServers << ModelReason::InvalidInput;
    QTest::newRow("no arrivals") << noArrivals << ModelReason::InvalidInput;
    // Of two reasons the one that shapes the run more: the limiter, not the spacing.
    auto limitedConstant = limiter;
    limitedConstant.arrivalProcess = ArrivalProcess::Constant;
    QTest::newRow("limiter and constant arrivals") << limitedConstant << ModelReason::Limiter;
}

void TestQueueingModel::predictSaysWhyNoModelApplies()
{
    QFETCH(ModelConditions, conditions);
    QFETCH(ModelReason, reason);
    QCOMPARE(QueueingModel::applicability(conditions), reason);
    const auto p = QueueingModel::predict(conditions);
    QCOMPARE(p.kind, ModelKind::None);
    QCOMPARE(p.name(), QStringLiteral("none"));
    QCOMPARE(p.reason, reason);
    QVERIFY(!p.waitProbability && !p.latencyMeanMs && !p.latencyP95Ms && !p.queueWaitP95Ms);
}

void TestQueueingModel::predictReportsUnstableInsteadOfNumbers()
{
    for (const Shape shape : {Shape::Exponential, Shape::Fixed}) {
        const auto p = QueueingModel::predict(openPoisson(4, 400, shape, 10)); // rho = 1
        QCOMPARE(p.reason, ModelReason::Unstable);
        QCOMPARE(ModelPrediction::reasonName(p.reason), QStringLiteral("unstable"));
        QVERIFY(p.kind != ModelKind::None);
        QVERIFY(std::abs(p.utilisation - 1) < 1e-12);
        QVERIFY(!p.waitProbability && !p.queueWaitMeanMs && !p.latencyMeanMs && !p.latencyP95Ms);
    }
}

void TestQueueingModel::littlesLawBalancesATraceThatStartsAndEndsEmpty()
{
    // Calls (arrival ms, latency ms) inside [0, 1000]; the area is the sum of latencies.
    const QList<QPair<double, double>> calls = {{0, 30}, {10, 50}, {15, 5}, {400, 120}, {900, 99}};
    double latencySum = 0;
    for (const auto& call : calls)
        latencySum += call.second;
    // The in-system count integrated on a fine grid, independently of the latency sum.
    double area = 0;
    const double step = 0.01;
    for (double t = step / 2; t < 1000; t += step) {
        int inSystem = 0;
        for (const auto& call : calls)
            inSystem += t >= call.first && t < call.first + call.second ? 1 : 0;
        area += inSystem * step;
    }
    const auto law = LittlesLaw::fromInterval(area, 1000, calls.size(), latencySum);
    QVERIFY(std::abs(law.meanInSystem - 0.304) < 1e-6);
    QVERIFY(std::abs(law.throughputTimesMeanLatency - 0.304) < 1e-12);
    QVERIFY(std::abs(law.relativeGap()) < 1e-5);
}

void TestQueueingModel::littlesLawOfAnEmptyIntervalIsZero()
{
    const auto none = LittlesLaw::fromInterval(0, 0, 0, 0);
    QCOMPARE(none.meanInSystem, 0.0);
    QCOMPARE(none.throughputTimesMeanLatency, 0.0);
    QCOMPARE(none.relativeGap(), 0.0);
    // Calls in flight but none finished: L > 0, lambda W = 0.
    const auto stuck = LittlesLaw::fromInterval(2000, 1000, 0, 0);
    QCOMPARE(stuck.meanInSystem, 2.0);
    QVERIFY(std::isinf(stuck.relativeGap()));
}

QTEST_GUILESS_MAIN(TestQueueingModel)
#include "tst_queueingmodel.moc"
