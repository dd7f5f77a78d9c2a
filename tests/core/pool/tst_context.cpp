#include "pool/context.h"
#include "pool/poolerror.h"
#include "timerblocker.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace shoal;
using namespace std::chrono_literals;

class TestContext : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void backgroundIsNeverDone();
    void cancelMakesItDoneWithCanceled();
    void parentCancelReachesChildAndGrandchild();
    void childCancelLeavesParentAlone();
    void timeoutBecomesDeadlineExceeded();
    void childInheritsEarlierParentDeadline();
    void pastDeadlineIsDoneAtOnce();
    void onDoneRunsOnceWhenCanceled();
    void onDoneRunsAtOnceWhenAlreadyDone();
    void droppedSubscriptionDoesNotRun();
    void waitUntilReturnsWhenCanceledFromAnotherThread();
    void waitUntilTimesOut();
    void concurrentCancelsRunCallbackOnce();
    void errReportsAPassedDeadlineWithoutRunningCallbacks();
    void cancelAfterErrSawTheDeadlineKeepsDeadlineExceeded();
};

void TestContext::backgroundIsNeverDone()
{
    const Context ctx = Context::background();
    QVERIFY(!ctx.isDone());
    QVERIFY(!ctx.err());
    QVERIFY(!ctx.deadline());
    QVERIFY(!ctx.isCancelable());
    ctx.cancel();
    QVERIFY(!ctx.isDone());
    QVERIFY(!ctx.waitUntil(std::chrono::steady_clock::now() + 1ms));
}

void TestContext::cancelMakesItDoneWithCanceled()
{
    const Context ctx = Context::withCancel(Context());
    QVERIFY(!ctx.isDone());
    const Context copy = ctx;
    copy.cancel();
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::Canceled));
    ctx.cancel();
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::Canceled));
}

void TestContext::parentCancelReachesChildAndGrandchild()
{
    const Context parent = Context::withCancel(Context());
    const Context child = Context::withCancel(parent);
    const Context grandchild = Context::withTimeout(child, 1h);
    parent.cancel();
    QCOMPARE(child.err(), make_error_code(PoolErrc::Canceled));
    QCOMPARE(grandchild.err(), make_error_code(PoolErrc::Canceled));
}

void TestContext::childCancelLeavesParentAlone()
{
    const Context parent = Context::withCancel(Context());
    const Context child = Context::withCancel(parent);
    child.cancel();
    QVERIFY(child.isDone());
    QVERIFY(!parent.isDone());
}

void TestContext::timeoutBecomesDeadlineExceeded()
{
    const Context ctx = Context::withTimeout(Context(), 20ms);
    QVERIFY(!ctx.isDone());
    std::atomic<bool> fired{false};
    std::atomic<Qt::HANDLE> firedOn{nullptr};
    auto subscription = ctx.onDone([&] {
        firedOn = QThread::currentThreadId();
        fired = true;
    });
    // Nothing on this thread looks at the context until the timer thread has finished it.
    QTRY_VERIFY_WITH_TIMEOUT(fired.load(), 20000);
    QVERIFY(firedOn.load() != QThread::currentThreadId());
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::DeadlineExceeded));
    QVERIFY(ctx.waitUntil(std::chrono::steady_clock::now() + 20s));
}

void TestContext::childInheritsEarlierParentDeadline()
{
    const auto soon = std::chrono::steady_clock::now() + 50ms;
    const Context parent = Context::withDeadline(Context(), soon);
    const Context child = Context::withTimeout(parent, 1h);
    QVERIFY(child.deadline().has_value());
    QCOMPARE(child.deadline()->time_since_epoch().count(), soon.time_since_epoch().count());
    QVERIFY(child.waitUntil(std::chrono::steady_clock::now() + 20s));
    QCOMPARE(child.err(), make_error_code(PoolErrc::DeadlineExceeded));
}

void TestContext::pastDeadlineIsDoneAtOnce()
{
    const Context ctx = Context::withDeadline(Context(), std::chrono::steady_clock::now() - 1s);
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::DeadlineExceeded));
}

void TestContext::onDoneRunsOnceWhenCanceled()
{
    const Context ctx = Context::withCancel(Context());
    std::atomic<int> runs{0};
    auto subscription = ctx.onDone([&] { ++runs; });
    QCOMPARE(runs.load(), 0);
    ctx.cancel();
    ctx.cancel();
    QCOMPARE(runs.load(), 1);
}

void TestContext::onDoneRunsAtOnceWhenAlreadyDone()
{
    const Context ctx = Context::withCancel(Context());
    ctx.cancel();
    std::atomic<int> runs{0};
    auto subscription = ctx.onDone([&] { ++runs; });
    QCOMPARE(runs.load(), 1);
}

void TestContext::droppedSubscriptionDoesNotRun()
{
    const Context ctx = Context::withCancel(Context());
    std::atomic<int> runs{0};
    {
        auto subscription = ctx.onDone([&] { ++runs; });
    }
    ctx.cancel();
    QCOMPARE(runs.load(), 0);
}

void TestContext::waitUntilReturnsWhenCanceledFromAnotherThread()
{
    const Context ctx = Context::withCancel(Context());
    std::thread canceler([ctx] { ctx.cancel(); });
    QVERIFY(ctx.waitUntil(std::chrono::steady_clock::now() + 20s));
    canceler.join();
}

void TestContext::waitUntilTimesOut()
{
    const Context ctx = Context::withCancel(Context());
    QVERIFY(!ctx.waitUntil(std::chrono::steady_clock::now() + 5ms));
}

void TestContext::concurrentCancelsRunCallbackOnce()
{
    for (int round = 0; round < 200; ++round) {
        const Context parent = Context::withCancel(Context());
        const Context ctx = Context::withTimeout(parent, std::chrono::microseconds(round % 50));
        std::atomic<int> runs{0};
        auto subscription = ctx.onDone([&] { ++runs; });
        std::thread a([&] { ctx.cancel(); });
        std::thread b([&] { parent.cancel(); });
        a.join();
        b.join();
        QVERIFY(ctx.isDone());
        QCOMPARE(runs.load(), 1);
    }
}

void TestContext::errReportsAPassedDeadlineWithoutRunningCallbacks()
{
    test::TimerBlocker blocker; // the deadline passes with the timer thread late
    const Context ctx = Context::withTimeout(Context(), 2ms);
    std::atomic<Qt::HANDLE> ranOn{nullptr};
    std::atomic<int> runs{0};
    auto subscription = ctx.onDone([&] {
        ranOn = QThread::currentThreadId();
        ++runs;
    });
    while (std::chrono::steady_clock::now() < *ctx.deadline())
        std::this_thread::yield();
    // A caller may hold a lock its own callback takes: err() must not run the callback.
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::DeadlineExceeded));
    QVERIFY(ctx.isDone());
    QCOMPARE(runs.load(), 0);
    blocker.release();
    QTRY_COMPARE_WITH_TIMEOUT(runs.load(), 1, 20000);
    QVERIFY(ranOn.load() != QThread::currentThreadId()); // the timer thread ran it
}

void TestContext::cancelAfterErrSawTheDeadlineKeepsDeadlineExceeded()
{
    test::TimerBlocker blocker;
    const Context ctx = Context::withTimeout(Context(), 1ms);
    std::atomic<int> runs{0};
    auto subscription = ctx.onDone([&] { ++runs; });
    while (std::chrono::steady_clock::now() < *ctx.deadline())
        std::this_thread::yield();
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::DeadlineExceeded));
    ctx.cancel(); // finishes it here, but the error already reported stays
    QCOMPARE(runs.load(), 1);
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::DeadlineExceeded));
}

QTEST_GUILESS_MAIN(TestContext)
#include "tst_context.moc"
