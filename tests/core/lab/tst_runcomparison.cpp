// Two runs compared: the whole-run figures and their change come from the summaries, and the
// bootstrap over the interval rows tells a change within run-to-run noise from one beyond it,
// on rows drawn from known distributions.

#include "lab/runcomparison.h"

#include "pool/outcome.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <random>

using namespace shoal;
using Figure = ComparedMetric::Figure;

namespace {

/// A run of \a rows one-second rows whose throughput is normal around \a throughput (sd 10%)
/// and whose p95 latency is normal around \a p95Ms (sd 10%), with a summary saying the same.
RunRecord run(double throughput, double p95Ms, int rows, std::uint32_t seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> x(throughput, throughput * 0.1);
    std::normal_distribution<double> p(p95Ms, p95Ms * 0.1);
    RunRecord r;
    r.scenario.name = QStringLiteral("synthetic");
    for (int i = 0; i < rows; ++i) {
        MetricsRow row;
        row.tSec = i + 1;
        row.intervalSec = 1;
        row.throughputPerSec = x(random);
        row.latencyP95Ms = p(random);
        row.utilisation = 0.5;
        r.samples.append(row);
    }
    QJsonObject calls;
    for (Outcome o : kOutcomes)
        calls.insert(QLatin1StringView(outcomeKey(o)), 0);
    calls.insert(QStringLiteral("completed"), throughput * rows);
    calls.insert(QStringLiteral("timedOut"), 3);
    r.summary = {{QStringLiteral("throughputPerSec"), throughput},
                 {QStringLiteral("latencyMs"),
                  QJsonObject{{QStringLiteral("p50"), p95Ms / 3},
                              {QStringLiteral("p95"), p95Ms},
                              {QStringLiteral("p99"), QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("max"), p95Ms * 2}}},
                 {QStringLiteral("queueWaitP95Ms"), 1.0},
                 {QStringLiteral("calls"), calls}};
    return r;
}

} // namespace

class TestRunComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyFigureComesOnceInOrder();
    void deltasComeFromTheSummaries();
    void sameDistributionIsWithinNoise();
    void shiftedDistributionIsBeyondNoise();
    void fewRowsGiveNoNoiseNote();
    void theSameFilesGiveTheSameTable();
};

void TestRunComparison::everyFigureComesOnceInOrder()
{
    const RunComparison c = compareRuns(run(100, 40, 30, 1), run(100, 40, 30, 2));
    QCOMPARE(c.metrics.size(), int(Figure::NotRunning) + 1);
    for (int i = 0; i < c.metrics.size(); ++i)
        QCOMPARE(int(c.metrics.at(i).figure), i);
}

void TestRunComparison::deltasComeFromTheSummaries()
{
    const RunComparison c = compareRuns(run(100, 40, 30, 1), run(150, 30, 30, 2));
    QCOMPARE(c.at(Figure::Throughput).a, 100.0);
    QCOMPARE(c.at(Figure::Throughput).b, 150.0);
    QCOMPARE(*c.at(Figure::Throughput).deltaPercent, 50.0);
    QCOMPARE(*c.at(Figure::LatencyP95).deltaPercent, -25.0);
    QCOMPARE(c.at(Figure::Completed).a, 3000.0);
    QCOMPARE(c.at(Figure::Completed).b, 4500.0);
    QCOMPARE(*c.at(Figure::TimedOut).deltaPercent, 0.0);
    // A figure one run lacks, and a change from zero, have no delta.
    QVERIFY(std::isnan(c.at(Figure::LatencyP99).a));
    QVERIFY(!c.at(Figure::LatencyP99).deltaPercent);
    QVERIFY(!c.at(Figure::Rejected).deltaPercent);
    // Utilisation is the rows' time-weighted mean; counts and the maximum get no noise note.
    QCOMPARE(c.at(Figure::Utilisation).a, 0.5);
    QVERIFY(!c.at(Figure::Completed).noiseLow);
    QVERIFY(!c.at(Figure::LatencyMax).noiseLow);
}

void TestRunComparison::sameDistributionIsWithinNoise()
{
    const RunComparison c = compareRuns(run(100, 40, 60, 11), run(100, 40, 60, 12));
    const ComparedMetric& x = c.at(Figure::Throughput);
    QVERIFY(x.noiseLow && x.noiseHigh);
    QVERIFY2(x.withinNoise(),
             qPrintable(QStringLiteral("[%1, %2]").arg(*x.noiseLow).arg(*x.noiseHigh)));
    // The interval is about the spread of two means of 60 rows of sd 10: +-2 sd/sqrt(30).
    QVERIFY(*x.noiseHigh - *x.noiseLow > 2);
    QVERIFY(*x.noiseHigh - *x.noiseLow < 15);
    QVERIFY(c.at(Figure::LatencyP95).withinNoise());
}

void TestRunComparison::shiftedDistributionIsBeyondNoise()
{
    const RunComparison c = compareRuns(run(100, 40, 60, 11), run(120, 60, 60, 12));
    const ComparedMetric& x = c.at(Figure::Throughput);
    QVERIFY(!x.withinNoise());
    QVERIFY(*x.noiseLow > 0); // B is faster, clearly
    QVERIFY(*x.noiseLow < 20 && *x.noiseHigh > 20);
    QVERIFY(!c.at(Figure::LatencyP95).withinNoise());
}

void TestRunComparison::fewRowsGiveNoNoiseNote()
{
    const RunComparison c =
        compareRuns(run(100, 40, RunComparison::kMinRows - 1, 1), run(100, 40, 30, 2));
    QVERIFY(!c.at(Figure::Throughput).noiseLow);
    QVERIFY(!c.at(Figure::Throughput).withinNoise());
    QVERIFY(c.at(Figure::Throughput).deltaPercent);
}

void TestRunComparison::theSameFilesGiveTheSameTable()
{
    const RunRecord a = run(100, 40, 40, 5);
    const RunRecord b = run(105, 42, 40, 6);
    const RunComparison first = compareRuns(a, b);
    const RunComparison again = compareRuns(a, b);
    QCOMPARE(*first.at(Figure::Throughput).noiseLow, *again.at(Figure::Throughput).noiseLow);
    QCOMPARE(*first.at(Figure::LatencyP95).noiseHigh, *again.at(Figure::LatencyP95).noiseHigh);
}

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
