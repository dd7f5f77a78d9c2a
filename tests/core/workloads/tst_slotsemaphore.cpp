#include "pool/poolerror.h"
#include "workloads/slotsemaphore.h"

#include <QtTest>

#include <atomic>
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

QTEST_GUILESS_MAIN(TestSlotSemaphore)
#include "tst_slotsemaphore.moc"
