#include "lab/callledger.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

class TestCallLedger : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eachOutcomeHasItsOwnCount();
    void outstandingAndPeakFollowTheCallsInFlight();
    void refusalsAreLeftOutOfTheLatency();
    void theBudgetRefusesEveryCallPastMaxCalls();
    void noBudgetMeansNoLimit();
    void concurrentCallsBalanceAndNeverShowNegativeOutstanding();
    void theTimeSumsIntegrateTheCallsInTheSystem();
};

void TestCallLedger::eachOutcomeHasItsOwnCount()
{
    CallLedger ledger(0);
    QCOMPARE(ledger.counters(), CallCounters{});
    const Outcome outcomes[] = {Outcome::Completed, Outcome::Completed, Outcome::TimedOut,
                                Outcome::Canceled,  Outcome::Failed,    Outcome::Rejected,
                                Outcome::NotRunning};
    for (const auto outcome : outcomes) {
        ledger.recordSubmitted();
        ledger.recordOutcome(outcome, 1ms);
    }
    CallCounters expected;
    expected.submitted = 7;
    expected.completed = 2;
    expected.timedOut = 1;
    expected.canceled = 1;
    expected.failed = 1;
    expected.rejected = 1;
    expected.notRunning = 1;
    QCOMPARE(ledger.counters(), expected);
    QCOMPARE(ledger.counters().outstanding(), 0);
}

void TestCallLedger::outstandingAndPeakFollowTheCallsInFlight()
{
    CallLedger ledger(0);
    for (int i = 0; i < 3; ++i)
        ledger.recordSubmitted();
    QCOMPARE(ledger.peakOutstanding(), 3);
    ledger.recordOutcome(Outcome::Completed, 1ms);
    ledger.recordOutcome(Outcome::Failed, 1ms);
    ledger.recordSubmitted();
    QCOMPARE(ledger.counters().outstanding(), 2);
    QCOMPARE(ledger.peakOutstanding(), 3); // the most at once, not the latest
    for (int i = 0; i < 3; ++i)
        ledger.recordSubmitted();
    QCOMPARE(ledger.peakOutstanding(), 5);
}

void TestCallLedger::refusalsAreLeftOutOfTheLatency()
{
    CallLedger ledger(0);
    for (int i = 0; i < 4; ++i)
        ledger.recordSubmitted();
    ledger.recordOutcome(Outcome::Completed, 5ms);
    ledger.recordOutcome(Outcome::Rejected, 900ms);
    ledger.recordOutcome(Outcome::NotRunning, 900ms);
    ledger.recordOutcome(Outcome::TimedOut, 20ms);
    const LatencyHistogram latency = ledger.latency();
    QCOMPARE(latency.count(), 2u);
    QVERIFY2(latency.max() >= 19ms && latency.max() < 25ms,
             qPrintable(QString::number(latency.max().count())));
    QCOMPARE(ledger.counters().finished(), 4);
}

void TestCallLedger::theBudgetRefusesEveryCallPastMaxCalls()
{
    CallLedger ledger(3);
    QVERIFY(!ledger.limitReached());
    QVERIFY(ledger.reserve());
    QVERIFY(ledger.reserve());
    QVERIFY(ledger.reserve());
    QVERIFY(!ledger.limitReached()); // spent, but nothing refused yet
    QVERIFY(!ledger.reserve());
    QVERIFY(ledger.limitReached());
    QVERIFY(!ledger.reserve());
}

void TestCallLedger::noBudgetMeansNoLimit()
{
    CallLedger ledger(0);
    for (int i = 0; i < 100'000; ++i)
        QVERIFY(ledger.reserve());
    QVERIFY(!ledger.limitReached());
}

void TestCallLedger::concurrentCallsBalanceAndNeverShowNegativeOutstanding()
{
    // Three threads each keep one call in flight at a time; a reader watches meanwhile.
    constexpr int threads = 3;
    constexpr int callsEach = 50'000;
    CallLedger ledger(0);
    std::atomic<bool> done{false};
    qint64 leastOutstanding = 0;
    std::thread reader([&] {
        while (!done.load()) {
            const CallCounters c = ledger.counters();
            leastOutstanding = std::min(leastOutstanding, c.outstanding());
        }
    });
    std::vector<std::thread> callers;
    for (int t = 0; t < threads; ++t) {
        callers.emplace_back([&ledger, t] {
            for (int i = 0; i < callsEach; ++i) {
                ledger.recordSubmitted();
                ledger.recordOutcome(i % 2 ? Outcome::Completed : static_cast<Outcome>(t), 1us);
            }
        });
    }
    for (auto& caller : callers)
        caller.join();
    done.store(true);
    reader.join();
    const CallCounters c = ledger.counters();
    QCOMPARE(c.submitted, threads * callsEach);
    QCOMPARE(c.finished(), c.submitted);
    QCOMPARE(c.completed, threads * callsEach / 2 + callsEach / 2); // thread 0's odd and even
    QCOMPARE(leastOutstanding, 0);
    QVERIFY(ledger.peakOutstanding() >= 1);
    QVERIFY(ledger.peakOutstanding() <= threads);
    QCOMPARE(ledger.latency().count(), static_cast<std::uint64_t>(threads * callsEach));
}

void TestCallLedger::theTimeSumsIntegrateTheCallsInTheSystem()
{
    // Two calls open for a bracketed span: the integral lies between twice the inner span and
    // twice the outer one, whatever the machine's load.
    CallLedger ledger(0);
    QElapsedTimer outer;
    outer.start();
    const CallTimeTotals before = ledger.timeTotals();
    ledger.recordSubmitted();
    ledger.recordSubmitted();
    QElapsedTimer inner;
    inner.start();
    QTRY_VERIFY(inner.nsecsElapsed() > 20'000'000); // time passes; no fixed sleep
    const qint64 innerNs = inner.nsecsElapsed();
    ledger.recordOutcome(Outcome::Completed, 7ms);
    ledger.recordOutcome(Outcome::Rejected, 0ms); // a refusal: in the system, not in the latency
    const CallTimeTotals after = ledger.timeTotals();
    const qint64 outerNs = outer.nsecsElapsed();
    const qint64 integral = (after.inSystem - before.inSystem).count();
    QVERIFY2(
        integral >= 2 * innerNs && integral <= 2 * outerNs,
        qPrintable(
            QStringLiteral("%1 not in [%2, %3]").arg(integral).arg(2 * innerNs).arg(2 * outerNs)));
    QCOMPARE(after.latencyCount, 1);
    QCOMPARE(after.latencySum, 7ms);
    // Nothing outstanding: the integral stands still.
    QCOMPARE(ledger.timeTotals().inSystem, after.inSystem);
}

QTEST_GUILESS_MAIN(TestCallLedger)
#include "tst_callledger.moc"
