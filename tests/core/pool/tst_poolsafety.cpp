#include "pool/deadlinetimer.h"
#include "pool/pool.h"
#include "scriptedworker.h"
#include "testsupport/threads.h"

#include <QProcess>
#include <QtTest>

#include <random>
#include <thread>

using namespace shoal;
using namespace shoal::test;
using namespace std::chrono_literals;
using testsupport::namedThreadCount;

namespace {

/// A value that counts how many of its kind are alive, to see calls that are never let go of.
struct Tracked {
    static inline std::atomic<int> live{0};
    Tracked() { ++live; }
    Tracked(const Tracked&) { ++live; }
    Tracked& operator=(const Tracked&) = default;
    ~Tracked() { --live; }
};

#if defined(__SANITIZE_THREAD__)
constexpr bool kForkWorks = false; // ThreadSanitizer refuses a fork from a threaded process
#else
constexpr bool kForkWorks = true;
#endif

/// Runs the exit probe in \a mode and returns its exit code, or -1 when it crashed or hung.
int runExitProbe(const QString& mode)
{
    QProcess probe;
    probe.setProcessChannelMode(QProcess::ForwardedChannels);
    probe.start(QStringLiteral(SHOAL_EXIT_PROBE), {mode});
    if (!probe.waitForFinished(60'000)) {
        probe.kill();
        probe.waitForFinished();
        return -1;
    }
    return probe.exitStatus() == QProcess::NormalExit ? probe.exitCode() : -1;
}

/// A worker whose process() waits at a gate and then, on the pool's second worker only, calls
/// back into the pool: close() or setSize(3).
class CallingBackWorker : public Worker {
public:
    struct Shared {
        Gate gate;
        Counter entered;
        std::atomic<Pool*> pool{nullptr};
        bool closes = true; ///< close() rather than setSize(3)
        std::atomic<bool> calledBack{false};
        std::atomic<int> made{0};
    };
    explicit CallingBackWorker(Shared& shared)
        : m_shared(shared)
        , m_index(shared.made++)
    {}
    std::any process(std::any payload) override
    {
        m_shared.entered.add();
        m_shared.gate.wait();
        if (m_index == 1) {
            if (m_shared.closes)
                m_shared.pool.load()->close();
            else
                m_shared.pool.load()->setSize(3);
            m_shared.calledBack = true;
        }
        return payload;
    }

private:
    Shared& m_shared;
    const int m_index;
};

} // namespace

class TestPoolSafety : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noContinuationRunsAfterCloseReturns();
    void closingWhileTimedCallsExpireTouchesNothingFreed();
    void emptyContinuationReleasesTheCall();
    void drainedContinuationMayCloseAndResize();
    void continuationMayDropTheLastOwnerOnAWorker();
    void workerContinuationMayResizeWhileClosing();
    void retiredWorkerMayCloseOrResizeWhileTheShrinkWaitsForIt_data();
    void retiredWorkerMayCloseOrResizeWhileTheShrinkWaitsForIt();
    void abandonedJobNeverShowsAsBusy();
    void timerSurvivesStaticDestruction();
    void exitFromATimerCallbackEndsTheProcess();
    void poolErrorIsASystemError();
    void hugeTimeoutMeansNone();
};

void TestPoolSafety::noContinuationRunsAfterCloseReturns()
{
    Script script;
    script.processOpen = false; // process() returns only when interrupted
    auto pool = scriptedPool(1, script);
    Gate closeReturned;
    std::atomic<int> late{0};
    std::atomic<bool> continued{false};
    pool->submitTimed(1, 50ms, [&](Result<std::any> result) {
        // Give close() every chance to return first, as it would if it did not wait for us.
        if (closeReturned.wait(500ms))
            ++late;
        if (result.error() == make_error_code(PoolErrc::JobTimedOut))
            continued = true;
    });
    QVERIFY(script.processEntered.waitFor(1));
    std::thread closer([&] {
        pool->close();
        closeReturned.open();
        pool.reset();
    });
    closer.join();
    QVERIFY(continued);
    QCOMPARE(late.load(), 0);
}

void TestPoolSafety::closingWhileTimedCallsExpireTouchesNothingFreed()
{
    // Under ASan a counter or continuation touched after ~Pool is a use after free; without it,
    // a continuation that runs after close() returned is counted as late.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> micros(0, 3000);
    constexpr int Rounds = 100;
    constexpr int Calls = 8;
    for (int round = 0; round < Rounds; ++round) {
        Script script;
        script.processOpen = false;
        auto pool = scriptedPool(2, script);
        std::atomic<bool> closed{false};
        std::atomic<int> continued{0};
        std::atomic<int> late{0};
        for (int i = 0; i < Calls; ++i) {
            pool->submitTimed(i, std::chrono::microseconds(micros(random)), [&](Result<std::any>) {
                if (closed.load())
                    ++late;
                ++continued;
            });
        }
        std::thread closer([&] {
            std::this_thread::sleep_for(std::chrono::microseconds(micros(random)));
            pool->close();
            closed = true;
            pool.reset();
        });
        closer.join();
        QCOMPARE(late.load(), 0);
        QCOMPARE(continued.load(), Calls);
    }
}

void TestPoolSafety::emptyContinuationReleasesTheCall()
{
    auto pool = Pool::fromFunction(2, [](std::any) { return std::any(Tracked{}); });
    constexpr int Calls = 50;
    const Context cancelable = Context::withCancel(Context());
    for (int i = 0; i < Calls; ++i) {
        pool->submit(cancelable, i, {});
        pool->submitTimed(i, 60s, {});
    }
    QTRY_COMPARE_WITH_TIMEOUT(pool->counters().completed, qint64(2 * Calls), 20000);
    // Each result is destroyed with its call, once the worker has let go of it.
    QTRY_COMPARE_WITH_TIMEOUT(Tracked::live.load(), 0, 20000);
}

void TestPoolSafety::drainedContinuationMayCloseAndResize()
{
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    pool->submit(Context(), 1, {}); // occupies the only worker
    QVERIFY(script.processEntered.waitFor(1));
    std::atomic<bool> entered{false};
    std::atomic<bool> returned{false};
    std::error_code seen;
    pool->submit(Context(), 2, [&](Result<std::any> result) {
        seen = result.error();
        entered = true;
        // "Stop on the first PoolNotRunning": the pool is closing on this very thread.
        pool->setSize(3);
        pool->close();
        returned = true;
    });
    std::atomic<bool> closed{false};
    std::thread closer([&] {
        pool->close();
        closed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(entered.load(), 20000);
    script.releaseProcess(); // the nested close() waits for the running job, as close() does
    const auto until = std::chrono::steady_clock::now() + 20s;
    while (!(closed && returned) && std::chrono::steady_clock::now() < until)
        QTest::qWait(5);
    if (!(closed && returned)) {
        closer.detach();
        (void)pool.release(); // deadlocked: destroying it would hang the test too
        QFAIL("a continuation calling close() deadlocked the closing thread");
    }
    closer.join();
    QCOMPARE(seen, make_error_code(PoolErrc::PoolNotRunning));
    QCOMPARE(pool->size(), 0);
    QCOMPARE(script.terminated.value(), 1);
}

void TestPoolSafety::continuationMayDropTheLastOwnerOnAWorker()
{
    const QByteArray workers = QByteArrayLiteral("shoal-worker-");
    // A worker of an earlier test may have been joined and still be leaving /proc.
    QTRY_COMPARE_WITH_TIMEOUT(namedThreadCount(workers), 0, 20000);
    Script script;
    auto owner = std::make_shared<std::unique_ptr<Pool>>(scriptedPool(2, script));
    QTRY_COMPARE_WITH_TIMEOUT(namedThreadCount(workers), 2, 20000);
    std::atomic<QThread*> ranOn{nullptr};
    Gate dropped;
    (*owner)->submit(Context(), 1, [owner, &ranOn, &dropped](Result<std::any> result) {
        QCOMPARE(std::any_cast<int>(result.value()), 2);
        ranOn = QThread::currentThread();
        owner->reset(); // ~Pool on one of its own workers
        dropped.open();
    });
    owner.reset();
    QVERIFY(dropped.wait());
    QVERIFY(script.terminated.waitFor(2));
    {
        std::lock_guard lock(script.mutex);
        QVERIFY(script.workerThreads.count(ranOn.load()) == 1);
        QCOMPARE(script.terminateThreads.size(), std::size_t(2));
    }
    // The worker that destroyed its pool ends and is joined and deleted later, not leaked.
    QTRY_COMPARE_WITH_TIMEOUT(namedThreadCount(workers), 0, 20000);
}

void TestPoolSafety::workerContinuationMayResizeWhileClosing()
{
    // close() holds the size lock while it waits for the running job; that job's continuation,
    // on the worker, calls setSize(): it must not wait for the lock the closer holds.
    Script script;
    script.processOpen = false;
    auto pool = scriptedPool(1, script);
    std::atomic<bool> returned{false};
    pool->submit(Context(), 1, [&](Result<std::any>) {
        pool->setSize(4);
        returned = true;
    });
    QVERIFY(script.processEntered.waitFor(1));
    std::atomic<bool> closed{false};
    std::thread closer([&] {
        pool->close();
        closed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(!pool->isRunning(), 20000);
    script.releaseProcess();
    const auto until = std::chrono::steady_clock::now() + 20s;
    while (!(closed && returned) && std::chrono::steady_clock::now() < until)
        QTest::qWait(5);
    if (!(closed && returned)) {
        closer.detach();
        (void)pool.release();
        QFAIL("a worker's continuation calling setSize() deadlocked close()");
    }
    closer.join();
    QCOMPARE(pool->size(), 0);
    QCOMPARE(script.terminated.value(), 1);
}

void TestPoolSafety::retiredWorkerMayCloseOrResizeWhileTheShrinkWaitsForIt_data()
{
    QTest::addColumn<bool>("closes");
    QTest::newRow("close") << true;
    QTest::newRow("setSize") << false;
}

void TestPoolSafety::retiredWorkerMayCloseOrResizeWhileTheShrinkWaitsForIt()
{
    // A shrink holds the size lock while it waits for the workers it retires; one of them, in
    // process(), calls close() or setSize(): it must not wait for the lock the shrink holds.
    QFETCH(bool, closes);
    CallingBackWorker::Shared shared;
    shared.closes = closes;
    auto pool =
        std::make_unique<Pool>(2, [&] { return std::make_unique<CallingBackWorker>(shared); });
    shared.pool = pool.get();
    const int secondId = pool->workers().at(1).id;
    for (int i = 0; i < 2; ++i)
        pool->submit(Context(), i, [](Result<std::any>) {});
    QVERIFY(shared.entered.waitFor(2));
    std::atomic<bool> shrunk{false};
    std::thread shrinker([&] {
        pool->setSize(1);
        shrunk = true;
    });
    // The second worker shows as retiring once the shrink holds the lock and is waiting for it.
    const auto retiring = [&] {
        for (const WorkerProbe& w : pool->workers())
            if (w.id == secondId && w.state == WorkerState::Retiring)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(retiring(), 20000);
    shared.gate.open();
    const auto until = std::chrono::steady_clock::now() + 20s;
    while (!(shrunk && shared.calledBack) && std::chrono::steady_clock::now() < until)
        QTest::qWait(5);
    if (!(shrunk && shared.calledBack)) {
        shrinker.detach();
        (void)pool.release();
        QFAIL("a retiring worker calling back into the pool deadlocked the shrink");
    }
    shrinker.join();
    if (closes) {
        // The close began on the retired worker and is finished by the shrink it waited for.
        QVERIFY(!pool->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(pool->size(), 0, 20000);
    } else {
        // Two resizes raced; the retired worker's gave way to the shrink that retired it.
        QVERIFY(pool->isRunning());
        QCOMPARE(pool->size(), 1);
    }
    pool->close();
    QCOMPARE(pool->counters().completed, 2);
}

void TestPoolSafety::abandonedJobNeverShowsAsBusy()
{
    // Time out calls as they start; whenever interrupt() has run, the job is a zombie and the
    // probe must say Abandoned until process() returns, never Busy.
    std::mt19937 random(11);
    std::uniform_int_distribution<int> micros(0, 200);
    int interrupted = 0;
    for (int round = 0; round < 300 || interrupted < 20; ++round) {
        if (round > 3000)
            QFAIL("no call was ever interrupted while running");
        Script script;
        script.processOpen = false;
        script.processHonoursInterrupt = false; // the zombie stays until released
        auto pool = scriptedPool(1, script);
        const auto result = pool->processTimed(1, std::chrono::microseconds(micros(random)));
        QCOMPARE(result.error(), make_error_code(PoolErrc::JobTimedOut));
        if (script.interrupts.value() == 1) {
            ++interrupted;
            QCOMPARE(pool->workers().front().state, WorkerState::Abandoned);
        }
        script.releaseProcess();
    }
}

void TestPoolSafety::timerSurvivesStaticDestruction()
{
    if (!kForkWorks)
        QSKIP("the exit probe is a child process, which ThreadSanitizer cannot fork");
    QCOMPARE(runExitProbe(QStringLiteral("static-destruction")), 0);
}

void TestPoolSafety::exitFromATimerCallbackEndsTheProcess()
{
    if (!kForkWorks)
        QSKIP("the exit probe is a child process, which ThreadSanitizer cannot fork");
    QCOMPARE(runExitProbe(QStringLiteral("exit-from-timer")), 0);
}

void TestPoolSafety::poolErrorIsASystemError()
{
    auto pool = Pool::fromFunction(
        1, [](std::any) -> std::any { throw PoolError(PoolErrc::JobNotFunc, "no such job"); });
    try {
        pool->process(1);
        QFAIL("process() did not throw");
    } catch (const std::system_error& e) {
        QCOMPARE(e.code(), make_error_code(PoolErrc::JobNotFunc));
        QVERIFY(QByteArray(e.what()).contains("no such job"));
    }
    pool->close();
    try {
        pool->process(1);
        QFAIL("process() did not throw");
    } catch (const std::system_error& e) {
        QCOMPARE(e.code(), make_error_code(PoolErrc::PoolNotRunning));
        QCOMPARE(QByteArray(e.what()), QByteArray("the pool is not running"));
    }
}

void TestPoolSafety::hugeTimeoutMeansNone()
{
    auto pool =
        Pool::fromFunction(1, [](std::any p) { return std::any(std::any_cast<int>(p) * 2); });
    const auto result = pool->processTimed(2, std::chrono::nanoseconds::max());
    QVERIFY(result.ok());
    QCOMPARE(std::any_cast<int>(result.value()), 4);

    Counter done;
    std::atomic<int> value{0};
    pool->submitTimed(3, std::chrono::nanoseconds::max(), [&](Result<std::any> r) {
        value = r.ok() ? std::any_cast<int>(r.value()) : -1;
        done.add();
    });
    QVERIFY(done.waitFor(1));
    QCOMPARE(value.load(), 6);

    const Context ctx = Context::withTimeout(Context(), std::chrono::nanoseconds::max());
    QVERIFY(!ctx.err());
    QVERIFY(!ctx.waitUntil(std::chrono::steady_clock::now() + 20ms));
}

QTEST_GUILESS_MAIN(TestPoolSafety)
#include "tst_poolsafety.moc"
