#include "pool/deadlinetimer.h"
#include "pool/poolerror.h"
#include "workloads/slotsemaphore.h"

#include <QtTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace shoal;

class TestSlotSemaphore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acquireTakesFreeSlotsAtOnce();
    void releaseWakesAWaiter();
    void doneContextEndsTheWait();
    void raisingTheCapacityWakesWaiters();
    void shrinkingWhileHeldGoesNegative();
    void deadlinePassingBeforeTheTimerFiresEndsTheWait();
};

void TestSlotSemaphore::acquireTakesFreeSlotsAtOnce()
{
    SlotSemaphore semaphore(2);
    QCOMPARE(semaphore.acquire(Context::background()), std::error_code());
    QVERIFY(semaphore.tryAcquire());
    QVERIFY(!semaphore.tryAcquire());
    QCOMPARE(semaphore.available(), 0);
    semaphore.release();
    QCOMPARE(semaphore.available(), 1);
}

void TestSlotSemaphore::releaseWakesAWaiter()
{
    SlotSemaphore semaphore(1);
    QVERIFY(semaphore.tryAcquire());
    std::atomic<bool> got{false};
    std::thread waiter([&] {
        if (!semaphore.acquire(Context::background()))
            got = true;
    });
    QTRY_COMPARE(semaphore.waiting(), 1);
    QVERIFY(!got);
    semaphore.release();
    QTRY_VERIFY(got);
    waiter.join();
    QCOMPARE(semaphore.available(), 0);
}

void TestSlotSemaphore::doneContextEndsTheWait()
{
    SlotSemaphore semaphore(0);
    const Context ctx = Context::withCancel(Context::background());
    std::error_code error;
    std::thread waiter([&] { error = semaphore.acquire(ctx); });
    QTRY_COMPARE(semaphore.waiting(), 1);
    ctx.cancel();
    waiter.join();
    QCOMPARE(error, make_error_code(PoolErrc::Canceled));
    QCOMPARE(semaphore.waiting(), 0);
    QCOMPARE(semaphore.acquire(
                 Context::withTimeout(Context::background(), std::chrono::milliseconds(5))),
             make_error_code(PoolErrc::DeadlineExceeded));
}

void TestSlotSemaphore::raisingTheCapacityWakesWaiters()
{
    SlotSemaphore semaphore(0);
    std::atomic<int> got{0};
    std::thread a([&] { got += !semaphore.acquire(Context::background()); });
    std::thread b([&] { got += !semaphore.acquire(Context::background()); });
    QTRY_COMPARE(semaphore.waiting(), 2);
    semaphore.setCapacity(2);
    a.join();
    b.join();
    QCOMPARE(got.load(), 2);
    QCOMPARE(semaphore.capacity(), 2);
}

void TestSlotSemaphore::shrinkingWhileHeldGoesNegative()
{
    SlotSemaphore semaphore(3);
    QVERIFY(semaphore.tryAcquire());
    QVERIFY(semaphore.tryAcquire());
    semaphore.setCapacity(1);
    QCOMPARE(semaphore.available(), -1);
    QVERIFY(!semaphore.tryAcquire());
    semaphore.release();
    semaphore.release();
    QCOMPARE(semaphore.available(), 1);
}

void TestSlotSemaphore::deadlinePassingBeforeTheTimerFiresEndsTheWait()
{
    using namespace std::chrono_literals;
    // Hold the timer thread so the context's deadline passes before it is fired.
    std::mutex timerMutex;
    std::condition_variable timerWake;
    bool timerHeld = false;
    bool timerReleased = false;
    DeadlineTimer::instance().schedule(DeadlineTimer::Clock::now(), [&] {
        std::unique_lock lock(timerMutex);
        timerHeld = true;
        timerWake.notify_all();
        timerWake.wait_for(lock, 60s, [&] { return timerReleased; });
    });
    {
        std::unique_lock lock(timerMutex);
        QVERIFY(timerWake.wait_for(lock, 20s, [&] { return timerHeld; }));
    }
    SlotSemaphore semaphore(0);
    const Context ctx = Context::withTimeout(Context(), 30ms);
    std::atomic<bool> returned{false};
    std::error_code result;
    std::thread waiter([&] {
        result = semaphore.acquire(ctx);
        returned = true;
    });
    QTRY_COMPARE_WITH_TIMEOUT(semaphore.waiting(), 1, 20000);
    while (std::chrono::steady_clock::now() < *ctx.deadline())
        std::this_thread::yield();
    semaphore.release(); // wakes the waiter, which finds the deadline passed under its lock
    const auto until = std::chrono::steady_clock::now() + 20s;
    while (!returned && std::chrono::steady_clock::now() < until)
        std::this_thread::yield();
    {
        std::lock_guard lock(timerMutex);
        timerReleased = true;
    }
    timerWake.notify_all();
    if (!returned) {
        waiter.detach();
        QFAIL("acquire() deadlocked on its own callback");
    }
    waiter.join();
    QCOMPARE(result, make_error_code(PoolErrc::DeadlineExceeded));
    QCOMPARE(semaphore.available(), 1); // the released slot is still there for others
}

QTEST_GUILESS_MAIN(TestSlotSemaphore)
#include "tst_slotsemaphore.moc"
