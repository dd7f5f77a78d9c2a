#include "returnswithin.h"

#include "pool/pool.h"
#include "workloads/ratelimiter.h"
#include "workloads/workload.h"

#include <QSemaphore>
#include <QtTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

/// A clock that moves only when told to, so refill timing is exact and nothing sleeps.
class ManualClock {
public:
    RateLimiter::TimePoint now() const
    {
        std::lock_guard lock(m_mutex);
        return m_now;
    }
    void advance(std::chrono::nanoseconds d)
    {
        std::lock_guard lock(m_mutex);
        m_now += d;
    }
    RateLimiter::NowFunction function()
    {
        return [this] { return now(); };
    }

private:
    mutable std::mutex m_mutex;
    RateLimiter::TimePoint m_now = RateLimiter::Clock::now();
};

/// A wait() on its own thread, whose outcome the test can poll.
class Waiter {
public:
    Waiter(RateLimiter& limiter, Context ctx = Context::background())
        : m_thread([this, &limiter, ctx] {
            const auto started = std::chrono::steady_clock::now();
            m_error = limiter.wait(ctx);
            m_took = std::chrono::steady_clock::now() - started;
            m_done.store(true, std::memory_order_release);
        })
    {}
    ~Waiter() { m_thread.join(); }
    bool done() const { return m_done.load(std::memory_order_acquire); }
    /// Valid once done().
    std::error_code error() const { return m_error; }
    std::chrono::nanoseconds took() const { return m_took; }

private:
    std::atomic<bool> m_done{false};
    std::error_code m_error;
    std::chrono::nanoseconds m_took{};
    std::thread m_thread; // last: starts once the members above exist
};

/// A short real-time pause before asserting that something has NOT happened; it can only
/// make such a check pass wrongly, never fail wrongly.
void settle()
{
    std::this_thread::sleep_for(30ms);
}

} // namespace

class TestRateLimiter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newLimiterStartsWithAFullBucket();
    void allowTakesTheBurstThenRefillsAtTheLimit();
    void tokensNeverExceedTheBurst();
    void waitReturnsAtOnceWhenATokenIsThere();
    void waitBlocksUntilTheTokenHasAccrued();
    void waitersAreServedInArrivalOrder();
    void allowDoesNotOvertakeWaiters();
    void setLimitWakesAndRetimesWaiters();
    void setLimitToInfReleasesEveryWaiter();
    void setBurstFromZeroWakesWaiters();
    void setBurstDropsTokensAboveIt();
    void waitReturnsCanceledWhenTheContextIsCanceled();
    void waitReturnsDeadlineExceededAtOnceWhenTheTokenComesTooLate();
    void waitWithinTheDeadlineSucceeds();
    void loweringTheLimitEndsDeadlineBoundWaitsEarly();
    void canceledWaiterGivesItsPlaceToTheNext();
    void infiniteLimitLetsEverythingThrough();
    void zeroLimitLetsNothingThroughUntilChanged();
    void negativeAndNanLimitsCountAsZero();
    void realClockPacesWaiters();
    void poolWorkersWaitingOnSharedLimiterWakeOnShrinkAndClose();
    void sharedLimiterPacesAPool();
};

void TestRateLimiter::newLimiterStartsWithAFullBucket()
{
    ManualClock clock;
    RateLimiter limiter(10, 4, clock.function());
    QCOMPARE(limiter.tokens(), 4.0);
    QCOMPARE(limiter.limit(), 10.0);
    QCOMPARE(limiter.burst(), 4);
}

void TestRateLimiter::allowTakesTheBurstThenRefillsAtTheLimit()
{
    ManualClock clock;
    RateLimiter limiter(10, 3, clock.function());
    QVERIFY(limiter.allow());
    QVERIFY(limiter.allow());
    QVERIFY(limiter.allow());
    QVERIFY(!limiter.allow());
    clock.advance(99ms);
    QVERIFY(!limiter.allow());
    clock.advance(1ms);
    QVERIFY(limiter.allow());
    QVERIFY(!limiter.allow());
    clock.advance(250ms);
    QVERIFY(limiter.allow());
    QVERIFY(limiter.allow());
    QVERIFY(!limiter.allow());
    QVERIFY(qAbs(limiter.tokens() - 0.5) < 1e-9);
}

void TestRateLimiter::tokensNeverExceedTheBurst()
{
    ManualClock clock;
    RateLimiter limiter(1000, 5, clock.function());
    QVERIFY(limiter.allow());
    clock.advance(1h);
    QCOMPARE(limiter.tokens(), 5.0);
}

void TestRateLimiter::waitReturnsAtOnceWhenATokenIsThere()
{
    ManualClock clock;
    RateLimiter limiter(1, 2, clock.function());
    QCOMPARE(limiter.wait(Context::background()), std::error_code());
    QCOMPARE(limiter.wait(Context::background()), std::error_code());
    QCOMPARE(limiter.tokens(), 0.0);
}

void TestRateLimiter::waitBlocksUntilTheTokenHasAccrued()
{
    ManualClock clock;
    RateLimiter limiter(10, 1, clock.function());
    QVERIFY(limiter.allow());
    Waiter waiter(limiter);
    QTRY_COMPARE(limiter.waiting(), 1);
    QCOMPARE(limiter.tokens(), -1.0); // reserved ahead, as in Go

    clock.advance(60ms);
    limiter.clockAdvanced();
    settle();
    QVERIFY(!waiter.done());

    clock.advance(40ms);
    limiter.clockAdvanced();
    QTRY_VERIFY(waiter.done());
    QCOMPARE(waiter.error(), std::error_code());
    QCOMPARE(limiter.waiting(), 0);
}

void TestRateLimiter::waitersAreServedInArrivalOrder()
{
    ManualClock clock;
    RateLimiter limiter(10, 1, clock.function());
    QVERIFY(limiter.allow());
    Waiter first(limiter);
    QTRY_COMPARE(limiter.waiting(), 1);
    Waiter second(limiter);
    QTRY_COMPARE(limiter.waiting(), 2);
    Waiter third(limiter);
    QTRY_COMPARE(limiter.waiting(), 3);

    clock.advance(100ms);
    limiter.clockAdvanced();
    QTRY_VERIFY(first.done());
    settle();
    QVERIFY(!second.done());
    QVERIFY(!third.done());

    clock.advance(100ms);
    limiter.clockAdvanced();
    QTRY_VERIFY(second.done());
    settle();
    QVERIFY(!third.done());

    clock.advance(100ms);
    limiter.clockAdvanced();
    QTRY_VERIFY(third.done());
}

void TestRateLimiter::allowDoesNotOvertakeWaiters()
{
    ManualClock clock;
    RateLimiter limiter(10, 1, clock.function());
    QVERIFY(limiter.allow());
    Waiter waiter(limiter);
    QTRY_COMPARE(limiter.waiting(), 1);
    clock.advance(100ms); // the waiter's token, not yet collected
    QVERIFY(!limiter.allow());
    limiter.clockAdvanced();
    QTRY_VERIFY(waiter.done());
}

void TestRateLimiter::setLimitWakesAndRetimesWaiters()
{
    ManualClock clock;
    RateLimiter limiter(0.001, 1, clock.function()); // one token per 1000 s
    QVERIFY(limiter.allow());
    Waiter waiter(limiter);
    QTRY_COMPARE(limiter.waiting(), 1);
    clock.advance(1s); // 0.001 token accrued at the old limit
    limiter.setLimit(10);
    settle();
    QVERIFY(!waiter.done());
    clock.advance(100ms); // 1 token at the new limit
    limiter.clockAdvanced();
    QTRY_VERIFY(waiter.done());
    QCOMPARE(waiter.error(), std::error_code());
}

void TestRateLimiter::setLimitToInfReleasesEveryWaiter()
{
    RateLimiter limiter(0.001, 1); // the real clock: nothing but setLimit can release them
    QVERIFY(limiter.allow());
    Waiter a(limiter), b(limiter), c(limiter);
    QTRY_COMPARE(limiter.waiting(), 3);
    limiter.setLimit(RateLimiter::Inf);
    QTRY_VERIFY(a.done() && b.done() && c.done());
    QCOMPARE(limiter.waiting(), 0);
}

void TestRateLimiter::setBurstFromZeroWakesWaiters()
{
    RateLimiter limiter(1000, 0);
    QVERIFY(!limiter.allow());
    Waiter waiter(limiter);
    QTRY_COMPARE(limiter.waiting(), 1);
    settle();
    QVERIFY(!waiter.done()); // a burst of 0 lets nothing through, whatever the limit
    limiter.setBurst(1);
    QTRY_VERIFY(waiter.done());
    QCOMPARE(waiter.error(), std::error_code());
}

void TestRateLimiter::setBurstDropsTokensAboveIt()
{
    ManualClock clock;
    RateLimiter limiter(10, 10, clock.function());
    limiter.setBurst(2);
    QCOMPARE(limiter.tokens(), 2.0);
    limiter.setBurst(5);
    QCOMPARE(limiter.tokens(), 2.0); // raising the burst adds no tokens (as in Go)
}

void TestRateLimiter::waitReturnsCanceledWhenTheContextIsCanceled()
{
    ManualClock clock;
    RateLimiter limiter(0, 1, clock.function());
    const Context ctx = Context::withCancel(Context::background());
    Waiter waiter(limiter, ctx);
    QTRY_COMPARE(limiter.waiting(), 1);
    ctx.cancel();
    QTRY_VERIFY(waiter.done());
    QCOMPARE(waiter.error(), make_error_code(PoolErrc::Canceled));
    QCOMPARE(limiter.waiting(), 0);

    // A context that is already done returns at once.
    QCOMPARE(limiter.wait(ctx), make_error_code(PoolErrc::Canceled));
}

void TestRateLimiter::waitReturnsDeadlineExceededAtOnceWhenTheTokenComesTooLate()
{
    ManualClock clock;
    RateLimiter limiter(0.1, 1, clock.function()); // the next token in 10 s
    QVERIFY(limiter.allow());
    const Context ctx = Context::withTimeout(Context::background(), 5s);
    Waiter waiter(limiter, ctx);
    QTRY_VERIFY_WITH_TIMEOUT(waiter.done(), 4000); // long before the 5 s deadline
    QCOMPARE(waiter.error(), make_error_code(PoolErrc::DeadlineExceeded));
    QVERIFY(waiter.took() < 4s);
    // The refused reservation was given back.
    QCOMPARE(limiter.tokens(), 0.0);

    // Zero limit: the token never comes.
    limiter.setLimit(0);
    QCOMPARE(limiter.wait(Context::withTimeout(Context::background(), 5s)),
             make_error_code(PoolErrc::DeadlineExceeded));
}

void TestRateLimiter::waitWithinTheDeadlineSucceeds()
{
    ManualClock clock;
    RateLimiter limiter(1, 1, clock.function()); // the next token in 1 s of clock time
    QVERIFY(limiter.allow());
    Waiter waiter(limiter, Context::withTimeout(Context::background(), 30s));
    QTRY_COMPARE(limiter.waiting(), 1);
    clock.advance(1s);
    limiter.clockAdvanced();
    QTRY_VERIFY(waiter.done());
    QCOMPARE(waiter.error(), std::error_code());
}

void TestRateLimiter::loweringTheLimitEndsDeadlineBoundWaitsEarly()
{
    ManualClock clock;
    RateLimiter limiter(1, 1, clock.function());
    QVERIFY(limiter.allow());
    Waiter waiter(limiter, Context::withTimeout(Context::background(), 30s));
    QTRY_COMPARE(limiter.waiting(), 1);
    limiter.setLimit(0.01); // now 100 s away: past the deadline
    QTRY_VERIFY_WITH_TIMEOUT(waiter.done(), 20000);
    QCOMPARE(waiter.error(), make_error_code(PoolErrc::DeadlineExceeded));
}

void TestRateLimiter::canceledWaiterGivesItsPlaceToTheNext()
{
    ManualClock clock;
    RateLimiter limiter(10, 1, clock.function());
    QVERIFY(limiter.allow());
    const Context ctx = Context::withCancel(Context::background());
    Waiter first(limiter, ctx);
    QTRY_COMPARE(limiter.waiting(), 1);
    Waiter second(limiter);
    QTRY_COMPARE(limiter.waiting(), 2);
    QCOMPARE(limiter.tokens(), -2.0);

    ctx.cancel();
    QTRY_VERIFY(first.done());
    QCOMPARE(first.error(), make_error_code(PoolErrc::Canceled));
    QCOMPARE(limiter.tokens(), -1.0);

    clock.advance(100ms); // one token: the second's turn, no longer two tokens away
    limiter.clockAdvanced();
    QTRY_VERIFY(second.done());
    QCOMPARE(second.error(), std::error_code());
}

void TestRateLimiter::infiniteLimitLetsEverythingThrough()
{
    ManualClock clock;
    RateLimiter limiter(RateLimiter::Inf, 0, clock.function());
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.allow());
    for (int i = 0; i < 100; ++i)
        QCOMPARE(limiter.wait(Context::withTimeout(Context::background(), 1ms)), std::error_code());
    QCOMPARE(limiter.tokens(), 0.0);

    // Back to a finite limit: the bucket is full again, as in Go.
    limiter.setBurst(3);
    limiter.setLimit(1);
    QCOMPARE(limiter.tokens(), 3.0);
}

void TestRateLimiter::zeroLimitLetsNothingThroughUntilChanged()
{
    ManualClock clock;
    RateLimiter limiter(0, 5, clock.function());
    QCOMPARE(limiter.tokens(), 5.0);
    QVERIFY(!limiter.allow()); // not even the tokens in the bucket
    clock.advance(1h);
    QVERIFY(!limiter.allow());

    Waiter waiter(limiter);
    QTRY_COMPARE(limiter.waiting(), 1);
    settle();
    QVERIFY(!waiter.done());
    limiter.setLimit(1); // the bucket still holds tokens: through at once
    QTRY_VERIFY(waiter.done());
    QCOMPARE(waiter.error(), std::error_code());
    QCOMPARE(limiter.tokens(), 4.0);
}

void TestRateLimiter::negativeAndNanLimitsCountAsZero()
{
    ManualClock clock;
    RateLimiter limiter(-5, 1, clock.function());
    QCOMPARE(limiter.limit(), 0.0);
    limiter.setLimit(std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(limiter.limit(), 0.0);
    QVERIFY(!limiter.allow());
}

void TestRateLimiter::realClockPacesWaiters()
{
    // Lower bound only: N tokens beyond the burst cannot come sooner than N / limit.
    RateLimiter limiter(200, 1);
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 41; ++i)
        QCOMPARE(limiter.wait(Context::background()), std::error_code());
    const auto took = std::chrono::steady_clock::now() - started;
    QVERIFY2(took >= 199ms,
             qPrintable(QString::number(std::chrono::duration<double>(took).count())));
    QVERIFY(took < 10s);
}

void TestRateLimiter::poolWorkersWaitingOnSharedLimiterWakeOnShrinkAndClose()
{
    auto limiter = std::make_shared<RateLimiter>(0, 1); // nothing passes
    ParamError error;
    auto workload = makeWorkload(QStringLiteral("synthetic"), {}, limiter, error);
    QVERIFY(workload);
    Pool pool(4, [&workload] { return workload->makeWorker(); });
    QTRY_COMPARE(limiter->waiting(), 4);

    QVERIFY2(returnsWithin([&pool] { pool.setSize(2); }, 20s), "setSize(2) hung on the limiter");
    QCOMPARE(pool.size(), 2);
    QCOMPARE(limiter->waiting(), 2);

    QVERIFY2(returnsWithin([&pool] { pool.close(); }, 20s), "close() hung on the limiter");
    QCOMPARE(limiter->waiting(), 0);
}

void TestRateLimiter::sharedLimiterPacesAPool()
{
    // Closed while the pool starts, so that no worker takes a token before the clock starts.
    auto limiter = std::make_shared<RateLimiter>(0, 1);
    ParamError error;
    auto workload =
        makeWorkload(QStringLiteral("synthetic"), {{QStringLiteral("meanMs"), 0}}, limiter, error);
    QVERIFY(workload);
    Pool pool(4, [&workload] { return workload->makeWorker(); });
    QTRY_COMPARE(limiter->waiting(), 4);
    const auto started = std::chrono::steady_clock::now();
    limiter->setLimit(100);
    std::vector<std::thread> callers;
    for (int c = 0; c < 4; ++c) {
        callers.emplace_back([&pool, &workload] {
            for (int i = 0; i < 10; ++i)
                pool.process(workload->makePayload(static_cast<quint64>(i)));
        });
    }
    for (auto& t : callers)
        t.join();
    const auto took = std::chrono::steady_clock::now() - started;
    // 40 jobs need 40 tokens: the one in the bucket, then one per 10 ms.
    QVERIFY2(took >= 390ms,
             qPrintable(QString::number(std::chrono::duration<double>(took).count())));
    QVERIFY(took < 20s);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
