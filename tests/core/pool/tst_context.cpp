#include "pool/context.h"
#include "pool/poolerror.h"

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
    auto subscription = ctx.onDone([&] { fired = true; });
    QVERIFY(ctx.waitUntil(std::chrono::steady_clock::now() + 20s));
    QCOMPARE(ctx.err(), make_error_code(PoolErrc::DeadlineExceeded));
    QTRY_VERIFY_WITH_TIMEOUT(fired.load(), 20000); // the timer thread fires the callback
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

QTEST_GUILESS_MAIN(TestContext)
#include "tst_context.moc"
