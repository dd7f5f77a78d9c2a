#include "pool/pool.h"
#include "scriptedworker.h"
#include "testsupport/threads.h"

#include <QDeadlineTimer>
#include <QtTest>

#include <latch>
#include <thread>

using namespace shoal;
using namespace shoal::test;
using namespace std::chrono_literals;
using testsupport::threadCount;

namespace {

/// How long a test waits for a state a pool reaches on its own threads: generous, for a
/// loaded two-core machine.
constexpr int kEventuallyMs = 20000;

/// Runs \a attempt with a timeout of 10 ms, then 20, 40... up to 20 s, until it reports that
/// the behaviour it looks for was seen (a worker may start late on a loaded machine).
template <class Attempt>
bool withDoublingTimeout(Attempt attempt)
{
    for (auto timeout = std::chrono::milliseconds(10); timeout <= 20s; timeout *= 2) {
        if (attempt(timeout))
            return true;
    }
    return false;
}

bool hasState(const Pool& pool, WorkerState state, int count = 1)
{
    int n = 0;
    for (const auto& w : pool.workers())
        n += w.state == state;
    return n >= count;
}

} // namespace

class TestPool : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // 1. construction and the factory
    void factoryRunsSizeTimesOnConstructingThread();
    void factoryThrowingThrowsAndLeavesNoThread();
    void setSizeGrowingCallsFactoryForNewSlots();
    void factoryThrowingWhileGrowingKeepsTheWorkersBuilt();
    void factoryReturningNoWorkerIsRefused();
    void negativeSizeIsRefused();
    // 2. the worker loop and FIFO service
    void blockUntilReadyRunsBeforeEachJob();
    void callersAreServedInArrivalOrder();
    void eachJobRunsOnAWorkerThread();
    // 3. processTimed
    void processTimedTimesOutWhileQueued();
    void processTimedTimesOutWhileBlockedInReady();
    void processTimedInterruptsRunningJobOnce();
    void abandonedWorkerServesNoOneUntilProcessReturns();
    // 4. processCtx
    void processCtxCanceledWhileQueuedIsNeverDispatched();
    void processCtxDeadlineWhileRunningInterrupts();
    void processCtxWithDoneContextReturnsAtOnce();
    void processCtxCompletes();
    void isInterruptedIsSetForAnAbandonedJob();
    // 5. interrupt only while process runs
    void interruptOnlyWhileProcessRunsUnderRaces();
    // 6. exceptions and callbacks
    void workerThrowingBecomesWorkerThrewAndWorkerLivesOn();
    void workerThrowingOnEveryCallFailsEachCallAndThePoolStaysUsable();
    void processRethrowsWorkerErrorAsPoolError();
    void callbackPoolRejectsNonCallback();
    // 7. shrinking
    void setSizeShrinksAfterCurrentJob();
    void setSizeWakesWorkerWaitingOnStopContext();
    void closeWakesWorkersWaitingOnStopContext();
    void shrinkKeepsWaitingCallsForRemainingWorkers();
    // 8. close
    void closeFailsWaitingAndFinishesRunning();
    void callsAfterCloseFail();
    void closeIsIdempotentAndConcurrent();
    void destructorCloses();
    // 9. any thread
    void setSizeAndCloseFromManyThreads();
    // 10-12. accounting, probes, bound
    void countersBalanceAfterMixedOutcomes();
    void probesShowWorkerStates();
    void histogramsRecordEveryJob();
    void boundedQueueRejectsWithQueueFull();
    // asynchronous forms
    void submitDeliversExactlyOnce();
    void submitTimedTimesOutWhileRunning();
    void submitCanceledByContextWhileQueued();
    void submitFutureResolves();
};

void TestPool::factoryRunsSizeTimesOnConstructingThread()
{
    Script script;
    auto pool = scriptedPool(5, script);
    QCOMPARE(script.made.value(), 5);
    QCOMPARE(script.factoryThread, QThread::currentThreadId());
    QCOMPARE(pool->size(), 5);
    QCOMPARE(std::any_cast<int>(pool->process(21)), 42);
}

void TestPool::factoryThrowingThrowsAndLeavesNoThread()
{
    const int before = threadCount();
    Script script;
    int made = 0;
    bool threw = false;
    try {
        Pool pool(8, [&]() -> std::unique_ptr<Worker> {
            if (++made == 5)
                throw std::runtime_error("no fifth worker");
            return std::make_unique<ScriptedWorker>(script);
        });
    } catch (const std::runtime_error& e) {
        threw = true;
        QCOMPARE(QByteArray(e.what()), QByteArray("no fifth worker"));
    }
    QVERIFY(threw);
    QCOMPARE(script.made.value(), 4);
    QCOMPARE(script.terminated.value(), 4);
    // The shared deadline timer may have started meanwhile; worker threads must all be gone
    // (a joined QThread's kernel task can linger for a moment after wait() returns).
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= before + 1, kEventuallyMs);
}

void TestPool::setSizeGrowingCallsFactoryForNewSlots()
{
    Script script;
    auto pool = scriptedPool(2, script);
    pool->setSize(6);
    QCOMPARE(script.made.value(), 6);
    QCOMPARE(pool->size(), 6);
    QCOMPARE(static_cast<int>(pool->workers().size()), 6);
}

void TestPool::factoryThrowingWhileGrowingKeepsTheWorkersBuilt()
{
    const int before = threadCount();
    Script script;
    int made = 0;
    Pool pool(2, [&]() -> std::unique_ptr<Worker> {
        if (++made == 5)
            throw std::runtime_error("no fifth worker");
        return std::make_unique<ScriptedWorker>(script);
    });
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, pool.setSize(8));
    // The pool stays at the size reached, every worker built so far running and serving.
    QCOMPARE(pool.size(), 4);
    QCOMPARE(static_cast<int>(pool.workers().size()), 4);
    QCOMPARE(script.made.value(), 4);
    QCOMPARE(script.terminated.value(), 0);
    QCOMPARE(std::any_cast<int>(pool.process(4)), 8);
    // Growing again builds the missing slots (the factory works from the sixth call on).
    pool.setSize(6);
    QCOMPARE(pool.size(), 6);
    QCOMPARE(script.made.value(), 6);
    pool.close();
    QCOMPARE(script.terminated.value(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= before + 1, kEventuallyMs);
}

void TestPool::factoryReturningNoWorkerIsRefused()
{
    const int before = threadCount();
    Script script;
    int made = 0;
    const auto factory = [&]() -> std::unique_ptr<Worker> {
        if (++made == 3)
            return nullptr;
        return std::make_unique<ScriptedWorker>(script);
    };
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Pool(4, factory));
    QCOMPARE(script.terminated.value(), 2); // the two built first are torn down
    made = 10;
    Pool pool(1, factory);
    made = 2;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pool.setSize(3));
    QCOMPARE(pool.size(), 1);
    QCOMPARE(std::any_cast<int>(pool.process(1)), 2);
    pool.close();
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= before + 1, kEventuallyMs);
}

void TestPool::workerThrowingOnEveryCallFailsEachCallAndThePoolStaysUsable()
{
    const int before = threadCount();
    auto pool = Pool::fromFunction(
        3, [](std::any) -> std::any { throw std::runtime_error("always broken"); });
    constexpr int kCalls = 300;
    Counter answered;
    std::atomic<int> threw{0};
    for (int i = 0; i < kCalls; ++i) {
        pool->submit(Context(), i, [&](Result<std::any> r) {
            if (r.error() == make_error_code(PoolErrc::WorkerThrew) &&
                r.message() == "always broken")
                ++threw;
            answered.add();
        });
    }
    QVERIFY(answered.waitFor(kCalls));
    QCOMPARE(threw.load(), kCalls);
    // Synchronous forms, a resize in between: the same answer, and no worker was lost.
    pool->setSize(5);
    QCOMPARE(pool->processTimed(1, 10s).error(), make_error_code(PoolErrc::WorkerThrew));
    QCOMPARE(pool->processCtx(Context(), 2).error(), make_error_code(PoolErrc::WorkerThrew));
    try {
        (void)pool->process(3);
        QFAIL("process() did not throw");
    } catch (const PoolError& e) {
        QCOMPARE(e.code(), make_error_code(PoolErrc::WorkerThrew));
    }
    QCOMPARE(pool->size(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Idle, 5), kEventuallyMs);
    const PoolCounters c = pool->counters();
    QCOMPARE(c.submitted, kCalls + 3);
    QCOMPARE(c.failed, kCalls + 3);
    QCOMPARE(c.finished(), c.submitted);
    QCOMPARE(pool->queueLength(), 0);
    pool->close();
    QCOMPARE(pool->counters().failed, kCalls + 3); // retired workers' counts are kept
    pool.reset();
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= before + 1, kEventuallyMs);
}

void TestPool::negativeSizeIsRefused()
{
    Script script;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scriptedPool(-1, script));
    auto pool = scriptedPool(1, script);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pool->setSize(-3));
    QCOMPARE(pool->size(), 1);
}

void TestPool::blockUntilReadyRunsBeforeEachJob()
{
    Script script;
    auto pool = scriptedPool(1, script);
    QVERIFY(script.readyEntered.waitFor(1));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(std::any_cast<int>(pool->process(i)), 2 * i);
    // One blockUntilReady() before each of the 5 jobs, and one more as the worker waits again.
    QVERIFY(script.readyEntered.waitFor(6));
    QCOMPARE(script.processEntered.value(), 5);
}

void TestPool::callersAreServedInArrivalOrder()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    Counter done;
    pool->submit(Context(), -1, [&](Result<std::any>) { done.add(); });
    QVERIFY(script.processEntered.waitFor(1));
    for (int i = 0; i < 20; ++i)
        pool->submit(Context(), i, [&](Result<std::any>) { done.add(); });
    QCOMPARE(pool->waiting(), 20);
    script.releaseProcess();
    QVERIFY(done.waitFor(21));
    std::vector<int> expected{-1};
    for (int i = 0; i < 20; ++i)
        expected.push_back(i);
    std::lock_guard lock(script.mutex);
    QCOMPARE(script.processedPayloads, expected);
}

void TestPool::eachJobRunsOnAWorkerThread()
{
    Script script;
    auto pool = scriptedPool(3, script);
    for (int i = 0; i < 50; ++i)
        pool->process(i);
    std::lock_guard lock(script.mutex);
    QVERIFY(!script.workerThreads.contains(QThread::currentThread()));
    QVERIFY(script.workerThreads.size() >= 1 && script.workerThreads.size() <= 3);
}

void TestPool::processTimedTimesOutWhileQueued()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    Counter firstDone;
    pool->submit(Context(), 1, [&](Result<std::any>) { firstDone.add(); });
    QVERIFY(script.processEntered.waitFor(1));

    const auto result = pool->processTimed(2, 30ms);
    QCOMPARE(result.error(), make_error_code(PoolErrc::JobTimedOut));
    QCOMPARE(pool->waiting(), 0);
    script.releaseProcess();
    QVERIFY(firstDone.waitFor(1));
    QVERIFY(pool->process(3).has_value());
    std::lock_guard lock(script.mutex);
    QCOMPARE(script.processedPayloads, (std::vector<int>{1, 3})); // 2 was never dispatched
    QCOMPARE(script.interrupts.value(), 0);
}

void TestPool::processTimedTimesOutWhileBlockedInReady()
{
    Script script;
    script.readyOpen = false;
    auto pool = scriptedPool(1, script);
    QVERIFY(script.readyEntered.waitFor(1));
    const auto result = pool->processTimed(7, 20ms);
    QCOMPARE(result.error(), make_error_code(PoolErrc::JobTimedOut));
    QCOMPARE(script.interrupts.value(), 0);
    script.readyGate.open();
    QCOMPARE(std::any_cast<int>(pool->process(8)), 16);
    std::lock_guard lock(script.mutex);
    QCOMPARE(script.processedPayloads, std::vector<int>{8});
}

void TestPool::processTimedInterruptsRunningJobOnce()
{
    QVERIFY(withDoublingTimeout([](std::chrono::milliseconds timeout) {
        Script script;
        script.processOpen = false;
        auto pool = scriptedPool(1, script);
        const auto result = pool->processTimed(5, timeout);
        if (result.error() != make_error_code(PoolErrc::JobTimedOut))
            return false;
        if (script.processEntered.value() == 0)
            return false; // timed out before the worker started it: try a longer timeout
        if (script.interrupts.value() != 1 || !script.processLeft.waitFor(1))
            return false; // the worker honoured it
        script.releaseProcess();
        if (std::any_cast<int>(pool->process(6)) != 12 || script.interrupts.value() != 1 ||
            script.violations.load() != 0)
            return false;
        const auto c = pool->counters();
        return c.timedOut == 1 && c.completed == 1;
    }));
}

void TestPool::abandonedWorkerServesNoOneUntilProcessReturns()
{
    Script script;
    script.processOpen = false;
    script.processHonoursInterrupt = false;
    auto pool = scriptedPool(1, script);
    QCOMPARE(pool->processTimed(1, 20ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Abandoned), kEventuallyMs);
    QCOMPARE(pool->inFlight(), 0);

    // The next caller cannot be served: the only worker still runs the abandoned job.
    Counter secondDone;
    pool->submit(Context(), 2, [&](Result<std::any> r) {
        QCOMPARE(std::any_cast<int>(r.value()), 4);
        secondDone.add();
    });
    QVERIFY(!secondDone.waitFor(1, 100ms));
    QCOMPARE(script.processEntered.value(), 1);
    script.releaseProcess();
    QVERIFY(secondDone.waitFor(1));
    QCOMPARE(script.interrupts.value(), 1);
    QCOMPARE(script.violations.load(), 0);
}

void TestPool::processCtxCanceledWhileQueuedIsNeverDispatched()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    Counter firstDone;
    pool->submit(Context(), 1, [&](Result<std::any>) { firstDone.add(); });
    QVERIFY(script.processEntered.waitFor(1));

    const Context ctx = Context::withCancel(Context());
    std::thread canceler([&] {
        // Not QTRY: the test thread is blocked in processCtx() and this one has no event loop.
        const QDeadlineTimer deadline(kEventuallyMs);
        while (pool->waiting() != 1 && !deadline.hasExpired())
            std::this_thread::sleep_for(1ms);
        ctx.cancel();
    });
    const auto result = pool->processCtx(ctx, 2);
    canceler.join();
    QCOMPARE(result.error(), make_error_code(PoolErrc::Canceled));
    script.releaseProcess();
    QVERIFY(firstDone.waitFor(1));
    pool->process(3);
    std::lock_guard lock(script.mutex);
    QCOMPARE(script.processedPayloads, (std::vector<int>{1, 3}));
}

void TestPool::processCtxDeadlineWhileRunningInterrupts()
{
    QVERIFY(withDoublingTimeout([](std::chrono::milliseconds timeout) {
        Script script;
        script.processOpen = false;
        auto pool = scriptedPool(1, script);
        const auto ctx = Context::withTimeout(Context(), timeout);
        const auto result = pool->processCtx(ctx, 5);
        if (result.error() != make_error_code(PoolErrc::DeadlineExceeded) ||
            script.processEntered.value() == 0)
            return false;
        return script.interrupts.value() == 1 && pool->counters().canceled == 1;
    }));
}

void TestPool::processCtxWithDoneContextReturnsAtOnce()
{
    Script script;
    auto pool = scriptedPool(1, script);
    const auto ctx = Context::withCancel(Context());
    ctx.cancel();
    QCOMPARE(pool->processCtx(ctx, 1).error(), make_error_code(PoolErrc::Canceled));
    const auto expired = Context::withDeadline(Context(), std::chrono::steady_clock::now() - 1ms);
    QCOMPARE(pool->processCtx(expired, 2).error(), make_error_code(PoolErrc::DeadlineExceeded));
    QCOMPARE(script.processEntered.value(), 0);
    QCOMPARE(pool->counters().canceled, 2);
    QCOMPARE(pool->counters().submitted, 2);
}

void TestPool::processCtxCompletes()
{
    Script script;
    auto pool = scriptedPool(2, script);
    const auto ctx = Context::withTimeout(Context(), 10s);
    const auto result = pool->processCtx(ctx, 4);
    QVERIFY(result.ok());
    QCOMPARE(std::any_cast<int>(result.value()), 8);
}

void TestPool::isInterruptedIsSetForAnAbandonedJob()
{
    // A worker that only polls isInterrupted(), with no interrupt() of its own.
    struct PollingWorker : Worker {
        std::any process(std::any) override
        {
            const auto until = std::chrono::steady_clock::now() + 20s;
            while (!isInterrupted() && std::chrono::steady_clock::now() < until)
                std::this_thread::yield();
            return isInterrupted();
        }
    };
    auto pool = std::make_unique<Pool>(1, [] { return std::make_unique<PollingWorker>(); });
    QCOMPARE(pool->processTimed(0, 20ms).error(), make_error_code(PoolErrc::JobTimedOut));
    // The worker left process() because of the flag: it is free again well before 20 s.
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Idle), 10000);
    QVERIFY(pool->processTimed(0, 10ms).error() == make_error_code(PoolErrc::JobTimedOut));
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Idle), 10000);
}

void TestPool::interruptOnlyWhileProcessRunsUnderRaces()
{
    // Jobs whose length is close to the timeout, so expiry races with completion at every step.
    std::atomic<int> interrupts{0};
    std::atomic<int> violations{0};
    struct RacyWorker : Worker {
        std::atomic<int>& interrupts;
        std::atomic<int>& violations;
        std::atomic<bool> inReady{false};
        std::atomic<bool> inInterrupt{false};
        RacyWorker(std::atomic<int>& i, std::atomic<int>& v)
            : interrupts(i)
            , violations(v)
        {}
        void blockUntilReady() override
        {
            violations += inInterrupt.load();
            inReady = true;
            std::this_thread::yield();
            inReady = false;
        }
        std::any process(std::any payload) override
        {
            // An interrupt may arrive as this job starts (the flag is then already set); one
            // still running for an earlier job while this one starts would be a broken promise.
            violations += inInterrupt.load() && !isInterrupted();
            const auto spin = std::chrono::microseconds(std::any_cast<int>(payload));
            const auto until = std::chrono::steady_clock::now() + spin;
            while (std::chrono::steady_clock::now() < until && !isInterrupted()) {
            }
            return payload;
        }
        void interrupt() override
        {
            inInterrupt = true;
            violations += inReady.load() || !isInterrupted();
            ++interrupts;
            std::this_thread::yield();
            inInterrupt = false;
        }
    };
    {
        Pool pool(2, [&] { return std::make_unique<RacyWorker>(interrupts, violations); });
        std::vector<std::thread> callers;
        std::atomic<int> timedOut{0};
        for (int t = 0; t < 4; ++t)
            callers.emplace_back([&, t] {
                for (int i = 0; i < 300; ++i) {
                    const int length = 50 + (i * 37 + t * 11) % 400;
                    if (!pool.processTimed(length, std::chrono::microseconds(250)).ok())
                        ++timedOut;
                }
            });
        for (auto& c : callers)
            c.join();
        QVERIFY(timedOut > 0);
        QVERIFY(interrupts > 0); // the races were really run, not only queue timeouts
        QVERIFY(interrupts <= timedOut);
        const auto c = pool.counters();
        QCOMPARE(c.submitted, 1200);
        QCOMPARE(c.finished(), 1200);
    }
    QCOMPARE(violations.load(), 0);
}

void TestPool::workerThrowingBecomesWorkerThrewAndWorkerLivesOn()
{
    Script script;
    auto pool = scriptedPool(1, script);
    const auto failed = pool->processTimed(std::string("throw"), 10s);
    QCOMPARE(failed.error(), make_error_code(PoolErrc::WorkerThrew));
    QCOMPARE(failed.message(), std::string("worker refused"));
    QCOMPARE(std::any_cast<int>(pool->process(10)), 20);
    QCOMPARE(script.made.value(), 1);
    QCOMPARE(pool->counters().failed, 1);
}

void TestPool::processRethrowsWorkerErrorAsPoolError()
{
    Script script;
    auto pool = scriptedPool(1, script);
    try {
        pool->process(std::string("throw"));
        QFAIL("process() should have thrown");
    } catch (const PoolError& e) {
        QCOMPARE(e.code(), make_error_code(PoolErrc::WorkerThrew));
        QVERIFY(QByteArray(e.what()).contains("worker refused"));
    }
}

void TestPool::callbackPoolRejectsNonCallback()
{
    auto pool = Pool::forCallbacks(2);
    std::atomic<int> ran{0};
    const auto ok = pool->processTimed(std::function<void()>([&] { ++ran; }), 10s);
    QVERIFY(ok.ok());
    QVERIFY(!ok.value().has_value());
    QCOMPARE(ran.load(), 1);
    QCOMPARE(pool->processTimed(42, 10s).error(), make_error_code(PoolErrc::JobNotFunc));
    QCOMPARE(pool->processTimed(std::function<void()>(), 10s).error(),
             make_error_code(PoolErrc::JobNotFunc));
}

void TestPool::setSizeShrinksAfterCurrentJob()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(2, script);
    Counter done;
    for (int i = 0; i < 2; ++i)
        pool->submit(Context(), i, [&](Result<std::any> r) {
            QVERIFY(r.ok());
            done.add();
        });
    QVERIFY(script.processEntered.waitFor(2));

    std::atomic<bool> returned{false};
    std::thread shrinker([&] {
        pool->setSize(0);
        returned = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Retiring, 2), kEventuallyMs);
    QVERIFY(!returned);
    QCOMPARE(script.terminated.value(), 0);
    script.releaseProcess();
    shrinker.join();
    QVERIFY(done.waitFor(2));
    QCOMPARE(script.terminated.value(), 2);
    QCOMPARE(pool->size(), 0);
    QVERIFY(pool->workers().empty());
    std::lock_guard lock(script.mutex);
    QCOMPARE(script.terminateThreads, script.workerThreads); // terminate() on the worker's thread
}

void TestPool::setSizeWakesWorkerWaitingOnStopContext()
{
    Script script;
    script.readyOpen = false;
    script.readyHonoursStop = true;
    auto pool = scriptedPool(3, script);
    QVERIFY(script.readyEntered.waitFor(3));
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Blocked, 3), kEventuallyMs);
    QElapsedTimer elapsed;
    elapsed.start();
    pool->setSize(1); // would hang if blockUntilReady() were not woken
    QVERIFY(elapsed.elapsed() < 20'000);
    QCOMPARE(script.terminated.value(), 2);
    pool->close();
    QCOMPARE(script.terminated.value(), 3);
}

void TestPool::closeWakesWorkersWaitingOnStopContext()
{
    // blockUntilReady() never returns on its own (the gate stays shut); only the stop context
    // the pool ends on close() lets it go.
    Script script;
    script.readyOpen = false;
    script.readyHonoursStop = true;
    auto pool = scriptedPool(3, script);
    QVERIFY(script.readyEntered.waitFor(3));
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Blocked, 3), kEventuallyMs);
    Counter answered;
    std::atomic<int> notRunning{0};
    for (int i = 0; i < 50; ++i) {
        pool->submit(Context(), i, [&](Result<std::any> r) {
            notRunning += r.error() == make_error_code(PoolErrc::PoolNotRunning);
            answered.add();
        });
    }
    QCOMPARE(pool->waiting(), 50);
    QElapsedTimer elapsed;
    elapsed.start();
    pool->close(); // would hang if blockUntilReady() were not woken
    QVERIFY(elapsed.elapsed() < 20'000);
    QVERIFY(answered.waitFor(50));
    QCOMPARE(notRunning.load(), 50);
    QCOMPARE(script.terminated.value(), 3);
    QCOMPARE(script.processEntered.value(), 0);
    const PoolCounters c = pool->counters();
    QCOMPARE(c.notRunning, 50);
    QCOMPARE(c.finished(), c.submitted);
}

void TestPool::shrinkKeepsWaitingCallsForRemainingWorkers()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(2, script);
    Counter done;
    std::atomic<int> ok{0};
    for (int i = 0; i < 6; ++i)
        pool->submit(Context(), i, [&](Result<std::any> r) {
            ok += r.ok();
            done.add();
        });
    QVERIFY(script.processEntered.waitFor(2));
    std::thread shrinker([&] { pool->setSize(1); });
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Retiring), kEventuallyMs);
    script.releaseProcess();
    shrinker.join();
    QVERIFY(done.waitFor(6));
    QCOMPARE(ok.load(), 6);
    QCOMPARE(pool->size(), 1);
}

void TestPool::closeFailsWaitingAndFinishesRunning()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    std::vector<Result<std::any>> results;
    std::mutex resultsMutex;
    Counter done;
    auto record = [&](Result<std::any> r) {
        std::lock_guard lock(resultsMutex);
        results.push_back(std::move(r));
        done.add();
    };
    pool->submit(Context(), 1, record);
    QVERIFY(script.processEntered.waitFor(1));
    std::vector<std::thread> waiters;
    std::atomic<int> notRunning{0};
    for (int i = 0; i < 3; ++i)
        waiters.emplace_back([&, i] {
            notRunning += pool->processTimed(10 + i, 30s).error() ==
                          make_error_code(PoolErrc::PoolNotRunning);
        });
    QTRY_VERIFY_WITH_TIMEOUT(pool->waiting() == 3, kEventuallyMs);

    std::thread closer([&] { pool->close(); });
    for (auto& w : waiters)
        w.join();
    QCOMPARE(notRunning.load(), 3);
    QCOMPARE(script.terminated.value(), 0); // still running the first job
    script.releaseProcess();
    closer.join();
    QVERIFY(done.waitFor(1));
    QCOMPARE(std::any_cast<int>(results.front().value()), 2);
    QCOMPARE(script.terminated.value(), 1);
    QVERIFY(!pool->isRunning());
}

void TestPool::callsAfterCloseFail()
{
    Script script;
    auto pool = scriptedPool(2, script);
    pool->close();
    try {
        pool->process(1);
        QFAIL("process() after close() should throw");
    } catch (const PoolError& e) {
        QCOMPARE(e.code(), make_error_code(PoolErrc::PoolNotRunning));
    }
    QCOMPARE(pool->processTimed(1, 1s).error(), make_error_code(PoolErrc::PoolNotRunning));
    QCOMPARE(pool->processCtx(Context(), 1).error(), make_error_code(PoolErrc::PoolNotRunning));
    std::error_code asyncError;
    pool->submit(Context(), 1, [&](Result<std::any> r) { asyncError = r.error(); });
    QCOMPARE(asyncError, make_error_code(PoolErrc::PoolNotRunning));
    pool->setSize(4); // a no-op once closed
    QCOMPARE(pool->size(), 0);
    QCOMPARE(pool->counters().notRunning, 4);
}

void TestPool::closeIsIdempotentAndConcurrent()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(3, script);
    pool->submit(Context(), 1, [](Result<std::any>) {});
    QVERIFY(script.processEntered.waitFor(1));
    std::latch start(4);
    std::atomic<int> returned{0};
    std::vector<std::thread> closers;
    for (int i = 0; i < 4; ++i)
        closers.emplace_back([&] {
            start.arrive_and_wait();
            pool->close();
            // Whichever close() returns, every worker is gone by then.
            if (script.terminated.value() == 3)
                ++returned;
        });
    QTRY_VERIFY_WITH_TIMEOUT(script.terminated.value() == 2, kEventuallyMs);
    script.releaseProcess();
    for (auto& c : closers)
        c.join();
    QCOMPARE(returned.load(), 4);
    pool->close();
    QCOMPARE(script.terminated.value(), 3);
}

void TestPool::destructorCloses()
{
    Script script;
    {
        auto pool = scriptedPool(4, script);
        pool->process(1);
    }
    QCOMPARE(script.terminated.value(), 4);
}

void TestPool::setSizeAndCloseFromManyThreads()
{
    Script script;
    auto pool = scriptedPool(4, script);
    std::latch start(9);
    std::vector<std::thread> threads;
    std::atomic<int> served{0};
    std::atomic<int> callersLeft{4};
    std::atomic<bool> servedOne{false};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int i = 0; i < 50; ++i)
                pool->setSize((t * 7 + i) % 6);
        });
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            start.arrive_and_wait();
            for (int i = 0; i < 200; ++i)
                served += pool->processTimed(i, 50ms).ok();
            --callersLeft;
        });
    threads.emplace_back([&] {
        start.arrive_and_wait();
        std::this_thread::yield();
        pool->setSize(3);
        servedOne = std::any_cast<int>(pool->process(1)) == 2;
        // Closed while the resizers and callers are (most likely) still at it.
        while (served.load() < 20 && callersLeft.load() > 0)
            std::this_thread::yield();
        pool->close();
    });
    for (auto& t : threads)
        t.join();
    QVERIFY(servedOne.load());
    QVERIFY(!pool->isRunning());
    pool->setSize(2); // a no-op once closed
    QCOMPARE(pool->size(), 0);
    QCOMPARE(script.terminated.value(), script.made.value());
    const auto c = pool->counters();
    QCOMPARE(c.submitted, 801);
    QCOMPARE(c.finished(), 801);
    QCOMPARE(pool->queueLength(), 0);
}

void TestPool::countersBalanceAfterMixedOutcomes()
{
    Script script;
    auto pool = scriptedPool(1, script);
    pool->process(1);                                    // completed
    (void)pool->processTimed(std::string("throw"), 10s); // failed
    script.processOpen = false;
    (void)pool->processTimed(2, 10ms); // timed out while running
    const auto ctx = Context::withCancel(Context());
    ctx.cancel();
    (void)pool->processCtx(ctx, 3); // canceled before dispatch
    script.releaseProcess();
    pool->setMaxWaiting(0);
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Idle), kEventuallyMs);
    (void)pool->processTimed(4, 10s); // served (idle worker, no wait)
    pool->close();
    (void)pool->processTimed(5, 10s); // not running
    const auto c = pool->counters();
    QCOMPARE(c.submitted, 6);
    QCOMPARE(c.completed, 2);
    QCOMPARE(c.failed, 1);
    QCOMPARE(c.timedOut, 1);
    QCOMPARE(c.canceled, 1);
    QCOMPARE(c.notRunning, 1);
    QCOMPARE(c.finished(), c.submitted);
    QCOMPARE(pool->queueLength(), 0);
}

void TestPool::probesShowWorkerStates()
{
    Script script;
    script.readyOpen = false;
    script.processOpen = false;
    script.processHonoursInterrupt = false;
    auto pool = scriptedPool(2, script);
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Blocked, 2), kEventuallyMs);
    script.readyOpen = true;
    script.readyGate.open();
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Idle, 2), kEventuallyMs);

    Counter done;
    pool->submit(Context(), 1, [&](Result<std::any>) { done.add(); });
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Busy), kEventuallyMs);
    QCOMPARE(pool->inFlight(), 1);
    QCOMPARE(pool->queueLength(), 1);

    QCOMPARE(pool->processTimed(2, 10ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Abandoned), kEventuallyMs);
    QCOMPARE(pool->inFlight(), 1); // the abandoned one is not counted

    std::thread shrinker([&] { pool->setSize(0); });
    QTRY_VERIFY_WITH_TIMEOUT(hasState(*pool, WorkerState::Retiring) &&
                                 hasState(*pool, WorkerState::Abandoned),
                             kEventuallyMs);
    script.releaseProcess();
    shrinker.join();
    QVERIFY(done.waitFor(1));
    QVERIFY(pool->workers().empty());
    const auto ids = pool->workers();
    QVERIFY(ids.empty());
}

void TestPool::histogramsRecordEveryJob()
{
    auto pool = Pool::fromFunction(2, [](std::any p) {
        std::this_thread::sleep_for(2ms);
        return p;
    });
    for (int i = 0; i < 20; ++i)
        pool->process(i);
    const auto service = pool->serviceHistogram();
    QCOMPARE(service.count(), 20u);
    QVERIFY(service.percentile(0.5) >= 2ms);
    QCOMPARE(pool->queueWaitHistogram().count(), 20u);
    pool->setSize(0); // retired workers' histograms are kept
    QCOMPARE(pool->serviceHistogram().count(), 20u);
    qint64 jobs = 0;
    pool->setSize(1);
    pool->process(1);
    for (const auto& w : pool->workers())
        jobs += w.jobs;
    QCOMPARE(jobs, 1);
    QCOMPARE(pool->serviceHistogram().count(), 21u);
}

void TestPool::boundedQueueRejectsWithQueueFull()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    pool->setMaxWaiting(2);
    QCOMPARE(pool->maxWaiting(), 2);
    Counter done;
    std::atomic<int> ok{0};
    auto count = [&](Result<std::any> r) {
        ok += r.ok();
        done.add();
    };
    pool->submit(Context(), 1, count);
    QVERIFY(script.processEntered.waitFor(1));
    pool->submit(Context(), 2, count);
    pool->submit(Context(), 3, count);
    const auto rejected = pool->processTimed(4, 30s); // fails fast despite the long timeout
    QCOMPARE(rejected.error(), make_error_code(PoolErrc::QueueFull));
    QCOMPARE(pool->counters().rejected, 1);
    script.releaseProcess();
    QVERIFY(done.waitFor(3));
    QCOMPARE(ok.load(), 3);
    pool->setMaxWaiting(-1);
    QCOMPARE(pool->maxWaiting(), -1);
}

void TestPool::submitDeliversExactlyOnce()
{
    auto pool = Pool::fromFunction(3, [](std::any p) { return std::any_cast<int>(p) + 1; });
    constexpr int calls = 5000;
    std::vector<std::atomic<int>> seen(calls);
    Counter done;
    for (int i = 0; i < calls; ++i)
        pool->submit(Context(), i, [&, i](Result<std::any> r) {
            QCOMPARE(std::any_cast<int>(r.value()), i + 1);
            ++seen[i];
            done.add();
        });
    QVERIFY(done.waitFor(calls));
    for (const auto& s : seen)
        QCOMPARE(s.load(), 1);
    QCOMPARE(pool->counters().completed, calls);
}

void TestPool::submitTimedTimesOutWhileRunning()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    Counter done;
    std::error_code error;
    Qt::HANDLE deliveredOn = nullptr;
    pool->submitTimed(1, 20ms, [&](Result<std::any> r) {
        error = r.error();
        deliveredOn = QThread::currentThreadId();
        done.add();
    });
    QVERIFY(done.waitFor(1));
    QCOMPARE(error, make_error_code(PoolErrc::JobTimedOut));
    QVERIFY(deliveredOn != QThread::currentThreadId());
    QCOMPARE(script.interrupts.value(), 1);
    // Completed ones cancel their deadline and are not reported twice.
    script.releaseProcess();
    Counter fast;
    for (int i = 0; i < 100; ++i)
        pool->submitTimed(i, 30s, [&](Result<std::any> r) {
            QVERIFY(r.ok());
            fast.add();
        });
    QVERIFY(fast.waitFor(100));
    QCOMPARE(pool->counters().finished(), 101);
}

void TestPool::submitCanceledByContextWhileQueued()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    pool->submit(Context(), 0, [](Result<std::any>) {});
    QVERIFY(script.processEntered.waitFor(1));
    const auto parent = Context::withCancel(Context());
    Counter canceled;
    for (int i = 1; i <= 50; ++i)
        pool->submit(Context::withCancel(parent), i, [&](Result<std::any> r) {
            QCOMPARE(r.error(), make_error_code(PoolErrc::Canceled));
            canceled.add();
        });
    QCOMPARE(pool->waiting(), 50);
    parent.cancel();
    QVERIFY(canceled.waitFor(50));
    QCOMPARE(pool->waiting(), 0);
    script.releaseProcess();
    pool->close();
    std::lock_guard lock(script.mutex);
    QCOMPARE(script.processedPayloads, std::vector<int>{0});
}

void TestPool::submitFutureResolves()
{
    auto pool = Pool::fromFunction(2, [](std::any p) { return std::any_cast<int>(p) * 3; });
    auto future = pool->submit(Context(), 14);
    future.waitForFinished();
    QCOMPARE(std::any_cast<int>(future.result().value()), 42);
}

QTEST_GUILESS_MAIN(TestPool)
#include "tst_pool.moc"
