#include "returnswithin.h"

#include "pool/pool.h"
#include "workloads/syntheticworker.h"
#include "workloads/syntheticworkload.h"
#include "workloads/workload.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QtTest>

#include <thread>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<SyntheticWorkload> synthetic(const QVariantMap& params)
{
    ParamError error;
    auto workload = SyntheticWorkload::create(params, nullptr, error);
    if (!workload)
        qFatal("synthetic workload refused %s", qPrintable(error.param));
    return workload;
}

SyntheticResult run(Pool& pool, Workload& workload, quint64 sequence = 0)
{
    return std::any_cast<SyntheticResult>(pool.process(workload.makePayload(sequence)));
}

/// After a job was abandoned: how long until the worker is free again, measured by a
/// zero-length job that can only start once the abandoned one has returned.
std::chrono::milliseconds timeUntilFree(Pool& pool, Workload& workload)
{
    QElapsedTimer timer;
    timer.start();
    run(pool, workload);
    return std::chrono::milliseconds(timer.elapsed());
}

} // namespace

class TestSyntheticWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixedSleepTakesItsServiceTime();
    void sleepModeInterruptReturnsWithinMilliseconds();
    void spinModeInterruptReturnsPromptly();
    void spinJobsUseTheirServiceTimeInCpuEvenOnOversubscribedCores();
    void sleepJobsUseAlmostNoCpu();
    void ignoringInterruptsKeepsTheAbandonedJobRunning();
    void failureRateFailsThatShareOfJobs();
    void failureRateOfOneFailsEveryJob();
    void gpuSlotsLimitConcurrencyToN();
    void slotWaitEndsWhenThePoolShrinksOrCloses();
    void seededWorkersAreReproducible();
    void payloadSequenceIsEchoed();
};

void TestSyntheticWorker::fixedSleepTakesItsServiceTime()
{
    auto workload = synthetic({{QStringLiteral("meanMs"), 30}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    const SyntheticResult result = run(pool, *workload);
    QCOMPARE(result.plannedMs, 30.0);
    QVERIFY(result.elapsedMs >= 30.0);
    QVERIFY(!result.interrupted);
}

void TestSyntheticWorker::sleepModeInterruptReturnsWithinMilliseconds()
{
    auto workload = synthetic({{QStringLiteral("meanMs"), 60'000}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    const auto timedOut = pool.processTimed(workload->makePayload(0), 50ms);
    QCOMPARE(timedOut.error(), make_error_code(PoolErrc::JobTimedOut));
    QVERIFY(!workload->setParam(QStringLiteral("meanMs"), 0));
    const auto waited = timeUntilFree(pool, *workload);
    QVERIFY2(waited < 500ms, qPrintable(QString::number(waited.count()))); // not the minute
    QCOMPARE(workload->running(), 0);
}

void TestSyntheticWorker::spinModeInterruptReturnsPromptly()
{
    auto workload = synthetic(
        {{QStringLiteral("meanMs"), 60'000}, {QStringLiteral("mode"), QStringLiteral("spin")}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    QCOMPARE(pool.processTimed(workload->makePayload(0), 50ms).error(),
             make_error_code(PoolErrc::JobTimedOut));
    QVERIFY(!workload->setParam(QStringLiteral("meanMs"), 0));
    const auto waited = timeUntilFree(pool, *workload);
    QVERIFY2(waited < 500ms, qPrintable(QString::number(waited.count())));
}

void TestSyntheticWorker::spinJobsUseTheirServiceTimeInCpuEvenOnOversubscribedCores()
{
    // Twice as many spinning jobs as cores (at least 4): each must still get its full 20 ms of CPU,
    // so together they cannot finish faster than the cores can supply that CPU time. A wall-clock
    // spin would pass neither check on a 2-core machine: its jobs end after 20 ms of wall time
    // having had about half of it on a core. Other load on the machine only makes calls longer.
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int callers = std::max(4, 2 * cores);
    constexpr int callsEach = 3;
    constexpr double serviceMs = 20;
    auto workload = synthetic(
        {{QStringLiteral("meanMs"), serviceMs}, {QStringLiteral("mode"), QStringLiteral("spin")}});
    Pool pool(callers, [&] { return workload->makeWorker(); });
    std::vector<SyntheticResult> results(static_cast<std::size_t>(callers * callsEach));
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < callers; ++c) {
        threads.emplace_back([&, c] {
            for (int i = 0; i < callsEach; ++i)
                results[static_cast<std::size_t>(c * callsEach + i)] = run(pool, *workload);
        });
    }
    for (auto& t : threads)
        t.join();
    const double wallMs = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    for (const SyntheticResult& r : results) {
        QCOMPARE(r.plannedMs, serviceMs);
        QVERIFY(!r.interrupted);
        QVERIFY2(r.cpuMs >= serviceMs, qPrintable(QStringLiteral("cpu %1 ms").arg(r.cpuMs)));
        QVERIFY2(r.elapsedMs >= r.cpuMs - 0.5, // wall includes CPU (clock granularity aside)
                 qPrintable(QStringLiteral("wall %1 ms, cpu %2 ms").arg(r.elapsedMs).arg(r.cpuMs)));
    }
    const double leastWallMs = callers * callsEach * serviceMs / cores;
    QVERIFY2(wallMs >= 0.95 * leastWallMs,
             qPrintable(QStringLiteral("%1 jobs of %2 ms CPU on %3 cores in %4 ms")
                            .arg(callers * callsEach)
                            .arg(serviceMs)
                            .arg(cores)
                            .arg(wallMs)));
}

void TestSyntheticWorker::sleepJobsUseAlmostNoCpu()
{
    auto workload = synthetic({{QStringLiteral("meanMs"), 40}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    const SyntheticResult result = run(pool, *workload);
    QVERIFY(result.elapsedMs >= 40);
    QVERIFY2(result.cpuMs < 10, qPrintable(QStringLiteral("cpu %1 ms").arg(result.cpuMs)));
}

void TestSyntheticWorker::ignoringInterruptsKeepsTheAbandonedJobRunning()
{
    auto workload =
        synthetic({{QStringLiteral("meanMs"), 400}, {QStringLiteral("honourInterrupt"), false}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(pool.processTimed(workload->makePayload(0), 20ms).error(),
             make_error_code(PoolErrc::JobTimedOut));
    QVERIFY(timer.elapsed() < 400); // the caller left at once ...
    QVERIFY(!workload->setParam(QStringLiteral("meanMs"), 0));
    run(pool, *workload);
    QVERIFY2(timer.elapsed() >= 395,
             qPrintable(QString::number(timer.elapsed()))); // ... the job did not
}

void TestSyntheticWorker::failureRateFailsThatShareOfJobs()
{
    const auto countFailures = [] {
        auto workload = synthetic({{QStringLiteral("meanMs"), 0},
                                   {QStringLiteral("failureRate"), 0.25},
                                   {QStringLiteral("seed"), 77}});
        Pool pool(1, [&] { return workload->makeWorker(); });
        int failures = 0;
        for (quint64 i = 0; i < 2000; ++i) {
            const auto result = pool.processCtx(Context::background(), workload->makePayload(i));
            if (!result.ok()) {
                if (result.error() != make_error_code(PoolErrc::WorkerThrew) ||
                    result.message() != "synthetic failure")
                    return -1;
                ++failures;
            }
        }
        return failures;
    };
    const int failures = countFailures();
    QVERIFY2(failures > 2000 * 0.21 && failures < 2000 * 0.29,
             qPrintable(QString::number(failures)));
    QCOMPARE(countFailures(), failures); // one seeded worker: the same jobs fail every time
}

void TestSyntheticWorker::failureRateOfOneFailsEveryJob()
{
    auto workload = synthetic({{QStringLiteral("meanMs"), 0}, {QStringLiteral("failureRate"), 1}});
    Pool pool(2, [&] { return workload->makeWorker(); });
    for (quint64 i = 0; i < 50; ++i)
        QCOMPARE(pool.processCtx(Context::background(), workload->makePayload(i)).error(),
                 make_error_code(PoolErrc::WorkerThrew));
    QVERIFY(!workload->setParam(QStringLiteral("failureRate"), 0));
    QVERIFY(pool.processCtx(Context::background(), workload->makePayload(0)).ok());
}

void TestSyntheticWorker::gpuSlotsLimitConcurrencyToN()
{
    auto workload = synthetic({{QStringLiteral("meanMs"), 15}, {QStringLiteral("gpuSlots"), 2}});
    Pool pool(4, [&] { return workload->makeWorker(); });
    std::vector<std::thread> callers;
    for (int c = 0; c < 6; ++c) {
        callers.emplace_back([&pool, &workload] {
            for (quint64 i = 0; i < 8; ++i)
                pool.process(workload->makePayload(i));
        });
    }
    for (auto& t : callers)
        t.join();
    QCOMPARE(workload->peakRunning(), 2);

    // Live: one slot now.
    QVERIFY(!workload->setParam(QStringLiteral("gpuSlots"), 1));
    callers.clear();
    for (int c = 0; c < 4; ++c) {
        callers.emplace_back([&pool, &workload] {
            for (quint64 i = 0; i < 5; ++i)
                pool.process(workload->makePayload(i));
        });
    }
    for (auto& t : callers)
        t.join();
    QCOMPARE(workload->gpuSlots().capacity(), 1);
    QVERIFY(workload->gpuSlots().available() <= 1);
}

void TestSyntheticWorker::slotWaitEndsWhenThePoolShrinksOrCloses()
{
    auto workload = synthetic({{QStringLiteral("meanMs"), 0}, {QStringLiteral("gpuSlots"), 1}});
    Pool pool(4, [&] { return workload->makeWorker(); });
    // One idle worker holds the slot; the other three wait for it in blockUntilReady().
    QTRY_COMPARE(workload->gpuSlots().waiting(), 3);
    QVERIFY2(returnsWithin([&pool] { pool.setSize(2); }, 20s), "setSize(2) hung on the slot");
    QVERIFY(workload->gpuSlots().waiting() <= 1);
    QVERIFY2(returnsWithin([&pool] { pool.close(); }, 20s), "close() hung on the slot");
    QCOMPARE(workload->gpuSlots().waiting(), 0);
    QCOMPARE(workload->gpuSlots().available(), 1); // every slot was given back
}

void TestSyntheticWorker::seededWorkersAreReproducible()
{
    const auto plannedTimes = [](quint64 seed) {
        auto workload = synthetic({{QStringLiteral("distribution"), QStringLiteral("exponential")},
                                   {QStringLiteral("meanMs"), 0.01},
                                   {QStringLiteral("seed"), static_cast<double>(seed)}});
        Pool pool(1, [&] { return workload->makeWorker(); });
        QList<double> times;
        for (quint64 i = 0; i < 20; ++i)
            times << run(pool, *workload, i).plannedMs;
        return times;
    };
    QCOMPARE(plannedTimes(3), plannedTimes(3));
    QVERIFY(plannedTimes(3) != plannedTimes(4));
}

void TestSyntheticWorker::payloadSequenceIsEchoed()
{
    auto workload = synthetic({{QStringLiteral("meanMs"), 0}});
    Pool pool(1, [&] { return workload->makeWorker(); });
    QCOMPARE(run(pool, *workload, 41).sequence, 41u);
}

QTEST_GUILESS_MAIN(TestSyntheticWorker)
#include "tst_syntheticworker.moc"
