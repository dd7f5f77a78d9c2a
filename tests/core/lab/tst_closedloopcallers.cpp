#include "lab/closedloopcallers.h"

#include <QtTest>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

using Clock = ClosedLoopCallers::Clock;
using Deferral = ClosedLoopCallers::Deferral;

const Clock::time_point t0 = Clock::time_point{} + 10s;

/// Callers and the generator state they read: the phase, and the pacer's wake-ups counted.
struct Loop {
    explicit Loop(int callers, bool closed = true)
        : callers(100, callers, closed, phase, [this] { ++wakes; })
    {}

    /// Starts every caller below the target; returns the callers started.
    std::vector<int> start(Clock::time_point now = t0)
    {
        std::vector<PlannedCall> calls;
        callers.startBelowTarget(now, calls);
        return callerNumbers(calls);
    }

    static std::vector<int> callerNumbers(const std::vector<PlannedCall>& calls)
    {
        std::vector<int> numbers;
        for (const PlannedCall& call : calls)
            numbers.push_back(call.caller);
        return numbers;
    }

    std::atomic<OfferPhase> phase{OfferPhase::Running}; ///< as the generator's
    int wakes = 0;                                      ///< calls of wakePacer
    ClosedLoopCallers callers;
};

} // namespace

class TestClosedLoopCallers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theTargetFollowsTheCountOnlyWhileTheLoopIsClosed();
    void eachCallerBelowTheTargetStartsOnce();
    void dueCallsComeOutInTimeOrder();
    void thePacerIsWokenOnlyForAnEarlierCall();
    void callersAboveALoweredTargetAreSurplus();
    void aPauseParksTheCallersUntilTheResume();
    void aStopEndsEveryWaitingCaller();
    void aRetiredCallerRestartsOnlyIfTheTargetRoseAboveIt();
};

void TestClosedLoopCallers::theTargetFollowsTheCountOnlyWhileTheLoopIsClosed()
{
    Loop loop(3);
    ClosedLoopCallers& c = loop.callers;
    QCOMPARE(c.target(), 3);
    QVERIFY(c.setCount(5));
    QCOMPARE(c.target(), 5);
    QVERIFY(c.setLoopClosed(false));
    QCOMPARE(c.target(), 0);
    QVERIFY(!c.setLoopClosed(false)); // no change
    QVERIFY(!c.setCount(7));          // kept for the closed loop
    QCOMPARE(c.target(), 0);
    QVERIFY(c.setLoopClosed(true));
    QCOMPARE(c.target(), 7);
    c.setCount(1'000'000);
    QCOMPARE(c.target(), 100);
    c.setCount(-4);
    QCOMPARE(c.target(), 0);

    Loop open(4, false);
    QCOMPARE(open.callers.target(), 0);
    QVERIFY(!open.callers.isLoopClosed());
}

void TestClosedLoopCallers::eachCallerBelowTheTargetStartsOnce()
{
    Loop loop(3);
    QCOMPARE(loop.start(), (std::vector<int>{0, 1, 2}));
    QCOMPARE(loop.callers.activeCount(), 3);
    QVERIFY(loop.start().empty());
    QVERIFY(!loop.callers.activate(1));
    loop.callers.retire(1, false);
    QCOMPARE(loop.callers.activeCount(), 2);
    QCOMPARE(loop.start(), (std::vector<int>{1}));
    loop.callers.setCount(5);
    QCOMPARE(loop.start(), (std::vector<int>{3, 4}));
    QCOMPARE(loop.callers.activeCount(), 5);
}

void TestClosedLoopCallers::dueCallsComeOutInTimeOrder()
{
    Loop loop(3);
    loop.start();
    QVERIFY(!loop.callers.nextDue());
    QCOMPARE(loop.callers.defer(2, t0 + 3ms), Deferral::Timed);
    QCOMPARE(loop.callers.defer(0, t0 + 1ms), Deferral::Timed);
    QCOMPARE(loop.callers.defer(1, t0 + 2ms), Deferral::Timed);
    QCOMPARE(loop.callers.nextDue(), t0 + 1ms);
    std::vector<PlannedCall> calls;
    std::vector<int> surplus;
    loop.callers.takeDue(t0 + 2ms, 100, calls, surplus);
    QCOMPARE(Loop::callerNumbers(calls), (std::vector<int>{0, 1}));
    QCOMPARE(calls[0].intended, t0 + 1ms); // latency counts from the end of the think time
    QVERIFY(surplus.empty());
    QCOMPARE(loop.callers.nextDue(), t0 + 3ms);
    calls.clear();
    loop.callers.takeDue(t0 + 1s, 0, calls, surplus); // no room
    QVERIFY(calls.empty());
    QCOMPARE(loop.callers.activeCount(), 3); // deferred callers are still calling
}

void TestClosedLoopCallers::thePacerIsWokenOnlyForAnEarlierCall()
{
    Loop loop(3);
    loop.start();
    loop.callers.defer(0, t0 + 5ms);
    QCOMPARE(loop.wakes, 1);
    loop.callers.defer(1, t0 + 9ms); // the pacer already wakes at t0 + 5 ms
    QCOMPARE(loop.wakes, 1);
    loop.callers.defer(2, t0 + 1ms);
    QCOMPARE(loop.wakes, 2);
}

void TestClosedLoopCallers::callersAboveALoweredTargetAreSurplus()
{
    Loop loop(3);
    loop.start();
    for (int caller = 0; caller < 3; ++caller)
        loop.callers.defer(caller, t0 + 1ms);
    loop.callers.setCount(1);
    std::vector<PlannedCall> calls;
    std::vector<int> surplus;
    loop.callers.takeDue(t0 + 1ms, 100, calls, surplus);
    QCOMPARE(Loop::callerNumbers(calls), (std::vector<int>{0}));
    std::sort(surplus.begin(), surplus.end());
    QCOMPARE(surplus, (std::vector<int>{1, 2}));
}

void TestClosedLoopCallers::aPauseParksTheCallersUntilTheResume()
{
    Loop loop(3);
    loop.start();
    loop.callers.defer(0, t0 + 1ms);
    loop.phase = OfferPhase::Paused;
    QCOMPARE(loop.callers.defer(1, t0 + 1ms), Deferral::Parked);
    loop.callers.parkDue(); // caller 0's think time ends with the resume
    QVERIFY(!loop.callers.nextDue());
    loop.phase = OfferPhase::Running;
    loop.callers.setCount(1); // lowered while paused
    std::vector<PlannedCall> calls;
    std::vector<int> surplus;
    loop.callers.takeParked(t0 + 1s, calls, surplus);
    QCOMPARE(Loop::callerNumbers(calls), (std::vector<int>{0}));
    QCOMPARE(calls[0].intended, t0 + 1s);
    QCOMPARE(surplus, (std::vector<int>{1}));
    calls.clear();
    loop.callers.takeParked(t0 + 2s, calls, surplus);
    QVERIFY(calls.empty());
}

void TestClosedLoopCallers::aStopEndsEveryWaitingCaller()
{
    Loop loop(3);
    loop.start();
    loop.callers.defer(0, t0 + 1ms);
    loop.phase = OfferPhase::Paused;
    loop.callers.defer(1, t0 + 1ms);
    loop.phase = OfferPhase::Stopped;
    QCOMPARE(loop.callers.defer(2, t0 + 1ms), Deferral::Ended);
    QCOMPARE(loop.callers.activeCount(), 2); // caller 2 ended at once
    std::vector<int> ended;
    loop.callers.takeWaiting(ended);
    std::sort(ended.begin(), ended.end());
    QCOMPARE(ended, (std::vector<int>{0, 1}));
    QVERIFY(!loop.callers.nextDue());
}

void TestClosedLoopCallers::aRetiredCallerRestartsOnlyIfTheTargetRoseAboveIt()
{
    Loop loop(3);
    loop.start();
    loop.callers.setCount(1);
    loop.callers.retire(2, true); // above the target: ends
    QCOMPARE(loop.callers.activeCount(), 2);
    QVERIFY(!loop.callers.nextDue());

    loop.callers.setCount(3); // raised while caller 1 was on its way out
    const int wakes = loop.wakes;
    const auto before = Clock::now();
    loop.callers.retire(1, true);
    QCOMPARE(loop.callers.activeCount(), 2); // ended and started again
    QCOMPARE(loop.wakes, wakes + 1);
    QVERIFY(loop.callers.nextDue() >= before);
    QVERIFY(!loop.callers.activate(1)); // the restart owns it

    loop.phase = OfferPhase::Paused;
    loop.callers.retire(0, true); // not while paused: resume starts it
    QCOMPARE(loop.callers.activeCount(), 1);
    loop.phase = OfferPhase::Running;
    QCOMPARE(loop.start(), (std::vector<int>{0, 2}));
}

QTEST_GUILESS_MAIN(TestClosedLoopCallers)
#include "tst_closedloopcallers.moc"
