#include "pool/pool.h"
#include "workloads/syntheticworker.h"
#include "workloads/syntheticworkload.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <thread>
#include <vector>

using namespace shoal;

namespace {

/// The median wall time per call when \a callers threads each make \a calls spin calls at once.
double medianCallMs(int callers, int calls, double serviceMs)
{
    ParamError error;
    auto workload = SyntheticWorkload::create(
        {{QStringLiteral("meanMs"), serviceMs}, {QStringLiteral("mode"), QStringLiteral("spin")}},
        nullptr, error);
    Pool pool(callers, [&] { return workload->makeWorker(); });
    std::vector<double> perCall(static_cast<std::size_t>(callers * calls));
    std::vector<std::thread> threads;
    for (int c = 0; c < callers; ++c) {
        threads.emplace_back([&, c] {
            for (int i = 0; i < calls; ++i) {
                QElapsedTimer timer;
                timer.start();
                pool.process(workload->makePayload(0));
                perCall[static_cast<std::size_t>(c * calls + i)] =
                    static_cast<double>(timer.nsecsElapsed()) / 1e6;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    std::nth_element(perCall.begin(), perCall.begin() + perCall.size() / 2, perCall.end());
    return perCall[perCall.size() / 2];
}

} // namespace

/// Spin jobs are CPU work: twice as many concurrent callers as the machine has cores take about
/// twice as long per call as one caller per core (on this 2-core machine: four callers vs two).
/// Timing-sensitive (another busy process on the cores narrows the ratio), so it runs in the stress
/// label, not with the unit tests.
class TestSpinContention : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twiceTheCallersPerCoreTakeTwiceAsLongPerCall();
};

void TestSpinContention::twiceTheCallersPerCoreTakeTwiceAsLongPerCall()
{
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    constexpr double serviceMs = 20;
    std::vector<double> ratios;
    for (int round = 0; round < 5; ++round) { // interleaved, so drift hits both alike
        const double single = medianCallMs(cores, 10, serviceMs);
        const double twice = medianCallMs(2 * cores, 10, serviceMs);
        qInfo("round %d: %d callers %.1f ms, %d callers %.1f ms per call", round, cores, single,
              2 * cores, twice);
        ratios.push_back(twice / single);
    }
    std::nth_element(ratios.begin(), ratios.begin() + 2, ratios.end());
    const double ratio = ratios[2];
    QVERIFY2(ratio >= 1.5 && ratio <= 3.0, qPrintable(QStringLiteral("ratio %1").arg(ratio)));
}

QTEST_GUILESS_MAIN(TestSpinContention)
#include "tst_spincontention.moc"
