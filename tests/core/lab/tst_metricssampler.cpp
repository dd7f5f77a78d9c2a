#include "lab/metricssampler.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

/// The exact q-quantile of \a values in ms (nearest rank), the reference for the histogram.
double bruteForceMs(std::vector<std::chrono::nanoseconds> values, double q)
{
    std::sort(values.begin(), values.end());
    const auto rank =
        static_cast<std::size_t>(std::max(1.0, std::ceil(q * static_cast<double>(values.size()))));
    return static_cast<double>(values[rank - 1].count()) / 1e6;
}

std::vector<std::chrono::nanoseconds> logNormal(std::size_t n, unsigned seed, double medianMs)
{
    std::mt19937_64 engine(seed);
    std::lognormal_distribution<double> distribution(std::log(medianMs * 1e6), 1.2);
    std::vector<std::chrono::nanoseconds> values;
    for (std::size_t i = 0; i < n; ++i)
        values.emplace_back(static_cast<long long>(distribution(engine)));
    return values;
}

void expectClose(double actual, double expected, double relative)
{
    QVERIFY2(std::abs(actual - expected) <= expected * relative,
             qPrintable(QStringLiteral("%1 vs %2").arg(actual).arg(expected)));
}

} // namespace

class TestMetricsSampler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void percentilesMatchABruteForceReferencePerInterval();
    void queueWaitAndServicePercentilesCoverTheInterval();
    void anEmptyIntervalHasNoPercentiles();
    void theIdentityIsExactWhateverThePoolReports_data();
    void theIdentityIsExactWhateverThePoolReports();
    void ratesCoverTheInterval();
    void resetStartsOver();
    void timeAveragesComeFromTheTimeSums();
    void aClosedPoolHasNoUtilisation();
};

void TestMetricsSampler::percentilesMatchABruteForceReferencePerInterval()
{
    const auto first = logNormal(20'000, 1, 5);
    const auto second = logNormal(30'000, 2, 40);
    LatencyHistogram cumulative;
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.latency = &cumulative;

    for (const auto v : first)
        cumulative.recordShared(v);
    in.tSec = 1;
    in.counters.submitted = in.counters.completed = 20'000;
    const MetricsRow a = sampler.sample(in);
    for (const auto v : second)
        cumulative.recordShared(v);
    in.tSec = 2;
    in.counters.submitted = in.counters.completed = 50'000;
    const MetricsRow b = sampler.sample(in);

    // Within the histogram's resolution (0.8%) of the exact quantile of that interval only.
    for (const auto& [row, values] : {std::pair{a, first}, std::pair{b, second}}) {
        expectClose(row.latencyP50Ms, bruteForceMs(values, 0.50), 0.01);
        expectClose(row.latencyP95Ms, bruteForceMs(values, 0.95), 0.01);
        expectClose(row.latencyP99Ms, bruteForceMs(values, 0.99), 0.01);
        expectClose(row.latencyMaxMs, bruteForceMs(values, 1.0), 0.01);
    }
}

void TestMetricsSampler::queueWaitAndServicePercentilesCoverTheInterval()
{
    LatencyHistogram queueWait;
    LatencyHistogram service;
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.queueWait = &queueWait;
    in.service = &service;
    for (int i = 1; i <= 100; ++i) {
        queueWait.record(std::chrono::milliseconds(i));
        service.record(std::chrono::milliseconds(1000 + i));
    }
    in.tSec = 0.1;
    const MetricsRow a = sampler.sample(in);
    expectClose(a.queueWaitP95Ms, 95, 0.01);
    expectClose(a.serviceP95Ms, 1095, 0.01);
    for (int i = 0; i < 100; ++i)
        queueWait.record(2ms);
    in.tSec = 0.2;
    const MetricsRow b = sampler.sample(in);
    expectClose(b.queueWaitP95Ms, 2, 0.01);
    QVERIFY(std::isnan(b.serviceP95Ms));
}

void TestMetricsSampler::anEmptyIntervalHasNoPercentiles()
{
    LatencyHistogram latency;
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.latency = &latency;
    in.tSec = 0.1;
    const MetricsRow row = sampler.sample(in);
    QVERIFY(std::isnan(row.latencyP50Ms));
    QVERIFY(std::isnan(row.latencyMaxMs));
    QVERIFY(std::isnan(row.queueWaitP95Ms));
}

void TestMetricsSampler::theIdentityIsExactWhateverThePoolReports_data()
{
    QTest::addColumn<qint64>("outstanding");
    QTest::addColumn<qint64>("poolInFlight");
    QTest::addColumn<qint64>("waiting");
    QTest::addColumn<qint64>("inFlight");
    QTest::newRow("pool agrees") << qint64(10) << qint64(4) << qint64(6) << qint64(4);
    QTest::newRow("pool reads more in flight") << qint64(3) << qint64(8) << qint64(0) << qint64(3);
    QTest::newRow("nothing outstanding") << qint64(0) << qint64(2) << qint64(0) << qint64(0);
    QTest::newRow("pool reads a negative") << qint64(5) << qint64(-1) << qint64(5) << qint64(0);
}

void TestMetricsSampler::theIdentityIsExactWhateverThePoolReports()
{
    QFETCH(qint64, outstanding);
    QFETCH(qint64, poolInFlight);
    QFETCH(qint64, waiting);
    QFETCH(qint64, inFlight);
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.tSec = 1;
    in.counters = {100 + outstanding, 60, 10, 10, 5, 10, 5};
    in.poolInFlight = poolInFlight;
    const MetricsRow row = sampler.sample(in);
    QCOMPARE(row.waiting, waiting);
    QCOMPARE(row.inFlight, inFlight);
    QVERIFY(row.identityHolds());
}

void TestMetricsSampler::ratesCoverTheInterval()
{
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.tSec = 0.5;
    in.counters = {100, 80, 4, 0, 0, 0, 0};
    sampler.sample(in);
    in.tSec = 1.0;
    in.counters = {300, 180, 14, 0, 0, 0, 0};
    const MetricsRow row = sampler.sample(in);
    QCOMPARE(row.intervalSec, 0.5);
    QCOMPARE(row.throughputPerSec, 200.0);
    QCOMPARE(row.timeoutsPerSec, 20.0);
    QCOMPARE(row.offeredPerSec, 400.0);
}

void TestMetricsSampler::resetStartsOver()
{
    LatencyHistogram latency;
    latency.record(5ms);
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.latency = &latency;
    in.tSec = 2;
    in.counters = {10, 10, 0, 0, 0, 0, 0};
    sampler.sample(in);
    sampler.reset();
    LatencyHistogram fresh;
    fresh.record(7ms);
    in.latency = &fresh;
    in.tSec = 0.5;
    in.counters = {4, 4, 0, 0, 0, 0, 0};
    const MetricsRow row = sampler.sample(in);
    QCOMPARE(row.intervalSec, 0.5);
    QCOMPARE(row.throughputPerSec, 8.0);
    expectClose(row.latencyP50Ms, 7, 0.01);
}

void TestMetricsSampler::timeAveragesComeFromTheTimeSums()
{
    // Four workers serving fixed 20 ms jobs at 100 calls/s for half a second: 50 calls, each
    // 5 ms in the queue and 20 ms in service, so 50 x 25 ms = 1.25 call-s in the system and
    // 50 x 20 ms = 1 s of busy worker time in the interval.
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.tSec = 1.0;
    in.poolSize = 4;
    in.times = {3s, 4s, 160};
    in.busyTime = 3s;
    sampler.sample(in);
    in.tSec = 1.5;
    in.times = {3s + 1250ms, 4s + 1250ms, 210};
    in.busyTime = 4s;
    in.predictedLatencyP95Ms = 31.5;
    in.predictedQueueWaitP95Ms = 6.25;
    const MetricsRow row = sampler.sample(in);
    QCOMPARE(row.inSystemMean, 2.5);   // 1.25 call-s / 0.5 s = lambda x W = 100/s x 25 ms
    QCOMPARE(row.utilisation, 0.5);    // 1 s / (4 x 0.5 s)
    QCOMPARE(row.latencyMeanMs, 25.0); // 1.25 s over 50 calls
    QCOMPARE(row.predictedLatencyP95Ms, 31.5);
    QCOMPARE(row.predictedQueueWaitP95Ms, 6.25);

    // Nothing ended: no mean latency; no prediction given: none in the row.
    in.tSec = 2.0;
    in.times.inSystem += 500ms;
    in.predictedLatencyP95Ms = MetricsRow::None;
    const MetricsRow empty = sampler.sample(in);
    QVERIFY(std::isnan(empty.latencyMeanMs));
    QVERIFY(std::isnan(empty.predictedLatencyP95Ms));
    QCOMPARE(empty.inSystemMean, 1.0);
    QCOMPARE(empty.utilisation, 0.0);
}

void TestMetricsSampler::aClosedPoolHasNoUtilisation()
{
    MetricsSampler sampler;
    MetricsSampler::Input in;
    in.tSec = 1.0;
    in.poolSize = 4;
    sampler.sample(in);
    in.tSec = 2.0;
    in.poolSize = 0;
    in.busyTime = 1s;
    QCOMPARE(sampler.sample(in).utilisation, 0.0);
}

QTEST_GUILESS_MAIN(TestMetricsSampler)
#include "tst_metricssampler.moc"
