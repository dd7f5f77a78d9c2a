#include "pool/pool.h"
#include "scriptedworker.h"

#include <QtTest>

#include <algorithm>
#include <latch>
#include <map>
#include <mutex>
#include <thread>

using namespace shoal;
using namespace shoal::test;
using namespace std::chrono_literals;

namespace {

/// Waits until every worker of \a pool is idle (offered itself), so the next calls go by the
/// dispatch order alone.
bool allIdle(const Pool& pool, int size)
{
    const auto until = std::chrono::steady_clock::now() + 20s;
    for (;;) {
        int idle = 0;
        for (const auto& w : pool.workers())
            idle += w.state == WorkerState::Idle;
        if (idle == size)
            return true;
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::yield();
    }
}

} // namespace

class TestPoolDispatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fifoHoldsWithSeveralWorkers();
    void newestIdleFirstIsTheDefault();
    void longestIdleFirstRotatesOverEveryWorker();
    void newestIdleFirstReusesOneWorkerAtLowLoad();
    void submitWithDoneContextIsRefusedOnThisThread();
    void submitCanceledWhileRunningInterrupts();
    void submitContextDeadlineWhileRunning();
    void closeRacingSetSize();
};

void TestPoolDispatch::fifoHoldsWithSeveralWorkers()
{
    // Three workers held by blocking jobs while 60 calls queue, then released together. Each
    // worker always takes the oldest waiting call, so every worker's own calls come in arrival
    // order (a LIFO or unfair queue would break that), and every call is served once.
    constexpr int Workers = 3;
    constexpr int Calls = 60;
    Gate release;
    std::mutex mutex;
    std::map<QThread*, std::vector<int>> byWorker;
    auto pool = Pool::fromFunction(Workers, [&](std::any payload) {
        const int value = std::any_cast<int>(payload);
        if (value < 0) {
            release.wait();
            return payload;
        }
        std::lock_guard lock(mutex);
        byWorker[QThread::currentThread()].push_back(value);
        return payload;
    });
    Counter done;
    for (int i = 0; i < Workers; ++i)
        pool->submit(Context(), -1, [&](Result<std::any>) { done.add(); });
    QTRY_COMPARE_WITH_TIMEOUT(pool->inFlight(), qint64(Workers), 20000);
    for (int i = 0; i < Calls; ++i)
        pool->submit(Context(), i, [&](Result<std::any>) { done.add(); });
    QCOMPARE(pool->waiting(), Calls);
    release.open();
    QVERIFY(done.waitFor(Workers + Calls));
    std::lock_guard lock(mutex);
    int served = 0;
    for (const auto& [thread, values] : byWorker) {
        served += int(values.size());
        QVERIFY(std::is_sorted(values.begin(), values.end()));
    }
    QCOMPARE(served, Calls);
}

void TestPoolDispatch::newestIdleFirstIsTheDefault()
{
    Script script;
    auto pool = scriptedPool(1, script);
    QCOMPARE(pool->dispatchOrder(), DispatchOrder::NewestIdleFirst);
    pool->setDispatchOrder(DispatchOrder::LongestIdleFirst);
    QCOMPARE(pool->dispatchOrder(), DispatchOrder::LongestIdleFirst);
}

void TestPoolDispatch::longestIdleFirstRotatesOverEveryWorker()
{
    // Sequential calls at low load, each after every worker is idle again: the worker that has
    // waited longest gets each one, so the jobs go round all the workers in a fixed rotation.
    Script script;
    constexpr int Workers = 4;
    constexpr int Calls = 4 * Workers;
    auto pool = scriptedPool(Workers, script);
    pool->setDispatchOrder(DispatchOrder::LongestIdleFirst);
    std::vector<int> ranBy; // worker id per call
    for (int i = 0; i < Calls; ++i) {
        QVERIFY(allIdle(*pool, Workers));
        const auto before = pool->workers();
        QCOMPARE(std::any_cast<int>(pool->process(i)), 2 * i);
        QVERIFY(allIdle(*pool, Workers)); // its job count is final once it is idle again
        const auto after = pool->workers();
        for (std::size_t w = 0; w < after.size(); ++w) {
            if (after[w].jobs != before[w].jobs)
                ranBy.push_back(after[w].id);
        }
    }
    QCOMPARE(int(ranBy.size()), Calls);
    for (int i = Workers; i < Calls; ++i)
        QCOMPARE(ranBy[i], ranBy[i - Workers]); // the same rotation every round
    for (const auto& w : pool->workers())
        QCOMPARE(w.jobs, qint64(Calls / Workers));
}

void TestPoolDispatch::newestIdleFirstReusesOneWorkerAtLowLoad()
{
    Script script;
    constexpr int Workers = 4;
    auto pool = scriptedPool(Workers, script);
    for (int i = 0; i < 16; ++i) {
        QVERIFY(allIdle(*pool, Workers));
        QCOMPARE(std::any_cast<int>(pool->process(i)), 2 * i);
    }
    qint64 most = 0;
    for (const auto& w : pool->workers())
        most = std::max(most, w.jobs);
    QCOMPARE(most, qint64(16)); // the newest idle worker is always the one that just finished
}

void TestPoolDispatch::submitWithDoneContextIsRefusedOnThisThread()
{
    Script script;
    auto pool = scriptedPool(1, script);
    const Context ctx = Context::withCancel(Context());
    ctx.cancel();
    std::error_code seen;
    Qt::HANDLE ranOn = nullptr;
    pool->submit(ctx, 1, [&](Result<std::any> r) {
        seen = r.error();
        ranOn = QThread::currentThreadId();
    });
    // Refused at once, before submit() returned, on this thread, never dispatched.
    QCOMPARE(seen, make_error_code(PoolErrc::Canceled));
    QCOMPARE(ranOn, QThread::currentThreadId());
    QCOMPARE(script.processEntered.value(), 0);
    QCOMPARE(pool->counters().canceled, 1);
}

void TestPoolDispatch::submitCanceledWhileRunningInterrupts()
{
    Script script;
    script.processOpen = false; // returns only when interrupted
    auto pool = scriptedPool(1, script);
    const Context ctx = Context::withCancel(Context());
    Counter done;
    std::error_code seen;
    pool->submit(ctx, 1, [&](Result<std::any> r) {
        seen = r.error();
        done.add();
    });
    QVERIFY(script.processEntered.waitFor(1));
    ctx.cancel(); // interrupt() and the continuation run here
    QVERIFY(done.waitFor(1));
    QCOMPARE(seen, make_error_code(PoolErrc::Canceled));
    QCOMPARE(script.interrupts.value(), 1);
    QVERIFY(script.processLeft.waitFor(1));
    QCOMPARE(script.violations.load(), 0);
    QCOMPARE(pool->counters().canceled, 1);
}

void TestPoolDispatch::submitContextDeadlineWhileRunning()
{
    // A deadline that doubles until the worker has started the job before it passed.
    bool seenWhileRunning = false;
    for (auto timeout = 10ms; !seenWhileRunning && timeout <= 20s; timeout *= 2) {
        Script script;
        script.processOpen = false; // returns only when interrupted
        auto pool = scriptedPool(1, script);
        const Context ctx = Context::withTimeout(Context(), timeout);
        Counter done;
        std::error_code seen;
        pool->submit(ctx, 1, [&](Result<std::any> r) {
            seen = r.error();
            done.add();
        });
        QVERIFY(done.waitFor(1));
        QCOMPARE(seen, make_error_code(PoolErrc::DeadlineExceeded));
        QCOMPARE(pool->counters().canceled, 1);
        if (script.processEntered.value() == 1) {
            QCOMPARE(script.interrupts.value(), 1);
            seenWhileRunning = true;
        }
    }
    QVERIFY(seenWhileRunning);
}

void TestPoolDispatch::closeRacingSetSize()
{
    for (int round = 0; round < 20; ++round) {
        Script script;
        auto pool = scriptedPool(2, script);
        std::latch start(4);
        std::atomic<bool> closed{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                start.arrive_and_wait();
                for (int i = 0; !closed && i < 200; ++i)
                    pool->setSize((t + i) % 5);
            });
        }
        threads.emplace_back([&] {
            start.arrive_and_wait();
            for (int i = 0; i < 100; ++i)
                (void)pool->processTimed(i, 5ms);
        });
        threads.emplace_back([&] {
            start.arrive_and_wait();
            std::this_thread::yield();
            pool->close();
            closed = true;
        });
        for (auto& t : threads)
            t.join();
        QCOMPARE(pool->size(), 0);
        QVERIFY(pool->workers().empty());
        QCOMPARE(script.terminated.value(), script.made.value());
        const auto c = pool->counters();
        QCOMPARE(c.submitted, 100);
        QCOMPARE(c.finished(), 100);
    }
}

QTEST_GUILESS_MAIN(TestPoolDispatch)
#include "tst_pooldispatch.moc"
