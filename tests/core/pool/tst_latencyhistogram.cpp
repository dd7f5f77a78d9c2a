#include "pool/latencyhistogram.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

class TestLatencyHistogram : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyReportsZero();
    void bucketsAreMonotonicAndCoverTheirValues();
    void percentilesMatchBruteForceWithinOnePercent_data();
    void percentilesMatchBruteForceWithinOnePercent();
    void addMergesAndSubtractGivesTheInterval();
    void hugeValuesLandInTheLastBucket();
};

void TestLatencyHistogram::emptyReportsZero()
{
    const LatencyHistogram h;
    QCOMPARE(h.count(), 0u);
    QCOMPARE(h.percentile(0.99), 0ns);
    QCOMPARE(h.max(), 0ns);
}

void TestLatencyHistogram::bucketsAreMonotonicAndCoverTheirValues()
{
    int previous = -1;
    for (std::uint64_t v = 0; v < (std::uint64_t{1} << 40); v = v * 3 / 2 + 1) {
        const int b = LatencyHistogram::bucketOf(v);
        QVERIFY(b >= previous);
        previous = b;
        const double represented = static_cast<double>(LatencyHistogram::valueOf(b));
        const double error =
            std::abs(represented - static_cast<double>(v)) / std::max(1.0, static_cast<double>(v));
        QVERIFY2(error <= 0.008 || v < 64, qPrintable(QString::number(v)));
    }
}

void TestLatencyHistogram::percentilesMatchBruteForceWithinOnePercent_data()
{
    QTest::addColumn<int>("distribution");
    QTest::newRow("uniform 1us-10ms") << 0;
    QTest::newRow("lognormal around 2ms") << 1;
    QTest::newRow("bimodal 50us and 80ms") << 2;
}

void TestLatencyHistogram::percentilesMatchBruteForceWithinOnePercent()
{
    QFETCH(int, distribution);
    std::mt19937_64 rng(42 + distribution);
    std::uniform_real_distribution<double> uniform(1e3, 1e7);
    std::lognormal_distribution<double> lognormal(std::log(2e6), 0.8);
    std::bernoulli_distribution slow(0.1);
    std::vector<std::int64_t> values;
    LatencyHistogram h;
    for (int i = 0; i < 100000; ++i) {
        double v = 0;
        switch (distribution) {
        case 0:
            v = uniform(rng);
            break;
        case 1:
            v = lognormal(rng);
            break;
        default:
            v = slow(rng) ? 8e7 + uniform(rng) : 5e4 + uniform(rng) / 1000;
        }
        values.push_back(static_cast<std::int64_t>(v));
        h.record(std::chrono::nanoseconds(values.back()));
    }
    std::sort(values.begin(), values.end());
    for (const double q : {0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
        const auto rank =
            static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
        const double exact = static_cast<double>(values[std::max<std::size_t>(rank, 1) - 1]);
        const double got = static_cast<double>(h.percentile(q).count());
        QVERIFY2(std::abs(got - exact) / exact < 0.01,
                 qPrintable(QStringLiteral("q=%1 exact=%2 got=%3").arg(q).arg(exact).arg(got)));
    }
    QCOMPARE(h.count(), 100000u);
}

void TestLatencyHistogram::addMergesAndSubtractGivesTheInterval()
{
    LatencyHistogram a;
    LatencyHistogram b;
    for (int i = 0; i < 100; ++i)
        a.record(1ms);
    for (int i = 0; i < 100; ++i)
        b.recordShared(9ms);
    LatencyHistogram merged = a;
    merged.add(b);
    QCOMPARE(merged.count(), 200u);
    QVERIFY(merged.percentile(0.25) < 1100us);
    QVERIFY(merged.percentile(0.75) > 8900us);
    LatencyHistogram interval = merged;
    interval.subtract(a);
    QCOMPARE(interval.count(), 100u);
    QVERIFY(interval.percentile(0.0) > 8900us);
}

void TestLatencyHistogram::hugeValuesLandInTheLastBucket()
{
    LatencyHistogram h;
    h.record(std::chrono::hours(100));
    h.record(-5ns);
    QCOMPARE(h.count(), 2u);
    QVERIFY(h.max() > std::chrono::hours(4));
    QCOMPARE(h.percentile(0.0), 0ns);
}

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
