// tunny's own test suite, case by case, in our idiom.
#include "pool/pool.h"
#include "scriptedworker.h"

#include <QtTest>

#include <latch>
#include <thread>

using namespace shoal;
using namespace shoal::test;
using namespace std::chrono_literals;

class TestTunnyPort : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void poolSizeAdjustment();
    void funcJob();
    void funcJobTimed();
    void funcJobCtxCompletes();
    void funcJobCtxReturnsDeadlineExceeded();
    void callbackJob();
    void timeout();
    void timedJobsAfterClose();
    void jobsAfterClose();
    void parallelJobs();
    void customWorkerTimesOutWhileBlockedInReady();
    void customWorkerTimesOutWhileInProcess();
    void customWorkerTerminatesOnClose();
};

void TestTunnyPort::poolSizeAdjustment()
{
    auto pool = Pool::fromFunction(10, [](std::any p) { return p; });
    QCOMPARE(pool->size(), 10);
    for (const int n : {10, 9, 10, 0, 10}) {
        pool->setSize(n);
        QCOMPARE(pool->size(), n);
        QCOMPARE(static_cast<int>(pool->workers().size()), n);
    }
    // Making sure that the pool still works after resizing to zero and back.
    QCOMPARE(std::any_cast<int>(pool->process(10)), 10);
}

void TestTunnyPort::funcJob()
{
    auto pool = Pool::fromFunction(10, [](std::any p) { return std::any_cast<int>(p) * 2; });
    for (int i = 0; i < 10; ++i)
        QCOMPARE(std::any_cast<int>(pool->process(10)), 20);
}

void TestTunnyPort::funcJobTimed()
{
    auto pool = Pool::fromFunction(10, [](std::any p) { return std::any_cast<int>(p) * 2; });
    for (int i = 0; i < 10; ++i) {
        // tunny uses one millisecond; a loaded 2-core machine needs more to be fair.
        const auto r = pool->processTimed(10, 5s);
        QVERIFY(r.ok());
        QCOMPARE(std::any_cast<int>(r.value()), 20);
    }
}

void TestTunnyPort::funcJobCtxCompletes()
{
    auto pool = Pool::fromFunction(10, [](std::any p) { return std::any_cast<int>(p) * 2; });
    for (int i = 0; i < 10; ++i) {
        const auto r = pool->processCtx(Context::background(), 10);
        QVERIFY(r.ok());
        QCOMPARE(std::any_cast<int>(r.value()), 20);
    }
}

void TestTunnyPort::funcJobCtxReturnsDeadlineExceeded()
{
    Gate never;
    auto pool = Pool::fromFunction(1, [&](std::any p) {
        never.wait(200ms); // longer than the context's 5 ms
        return p;
    });
    const auto ctx = Context::withTimeout(Context::background(), 5ms);
    QCOMPARE(pool->processCtx(ctx, 10).error(), make_error_code(PoolErrc::DeadlineExceeded));
}

void TestTunnyPort::callbackJob()
{
    auto pool = Pool::forCallbacks(10);
    std::atomic<int> counter{0};
    for (int i = 0; i < 10; ++i) {
        const std::any ret = pool->process(std::function<void()>([&] { ++counter; }));
        QVERIFY(!ret.has_value());
    }
    QCOMPARE(counter.load(), 10);
    try {
        pool->process(10);
        QFAIL("a non-callback payload should fail");
    } catch (const PoolError& e) {
        QCOMPARE(e.code(), make_error_code(PoolErrc::JobNotFunc));
    }
}

void TestTunnyPort::timeout()
{
    Gate never;
    auto pool = Pool::fromFunction(1, [&](std::any p) {
        never.wait(5ms);
        return p;
    });
    QCOMPARE(pool->processTimed(10, std::chrono::nanoseconds(1)).error(),
             make_error_code(PoolErrc::JobTimedOut));
}

void TestTunnyPort::timedJobsAfterClose()
{
    auto pool = Pool::fromFunction(1, [](std::any p) { return p; });
    pool->close();
    QCOMPARE(pool->processTimed(10, 1ms).error(), make_error_code(PoolErrc::PoolNotRunning));
}

void TestTunnyPort::jobsAfterClose()
{
    auto pool = Pool::fromFunction(1, [](std::any p) { return p; });
    pool->close();
    try {
        pool->process(10);
        QFAIL("process() on a closed pool should throw (tunny panics)");
    } catch (const PoolError& e) {
        QCOMPARE(e.code(), make_error_code(PoolErrc::PoolNotRunning));
    }
}

void TestTunnyPort::parallelJobs()
{
    constexpr int workers = 10;
    std::latch allInside(workers); // every job must be inside process() at the same time
    auto pool = Pool::fromFunction(workers, [&](std::any p) {
        allInside.arrive_and_wait();
        return p;
    });
    std::vector<std::thread> callers;
    std::atomic<int> ok{0};
    for (int i = 0; i < workers; ++i)
        callers.emplace_back([&] { ok += pool->processTimed(10, 30s).ok(); });
    for (auto& c : callers)
        c.join();
    QCOMPARE(ok.load(), workers);
}

void TestTunnyPort::customWorkerTimesOutWhileBlockedInReady()
{
    Script script;
    script.readyOpen = false;
    Pool pool(1, [&] { return std::make_unique<ScriptedWorker>(script); });
    QVERIFY(script.readyEntered.waitFor(1));
    QCOMPARE(pool.processTimed(10, 10ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QCOMPARE(script.processEntered.value(), 0);
    QCOMPARE(script.interrupts.value(), 0);
    script.readyGate.open();
}

void TestTunnyPort::customWorkerTimesOutWhileInProcess()
{
    Script script;
    script.processOpen = false;
    Pool pool(1, [&] { return std::make_unique<ScriptedWorker>(script); });
    QCOMPARE(pool.processTimed(10, 10ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QCOMPARE(script.processEntered.value(), 1);
    QCOMPARE(script.interrupts.value(), 1);
}

void TestTunnyPort::customWorkerTerminatesOnClose()
{
    Script script;
    Pool pool(1, [&] { return std::make_unique<ScriptedWorker>(script); });
    QCOMPARE(script.terminated.value(), 0);
    pool.close();
    QCOMPARE(script.terminated.value(), 1);
}

QTEST_GUILESS_MAIN(TestTunnyPort)
#include "tst_tunnyport.moc"
