#include "lab/loadgenerator.h"
#include "lab/metricssampler.h"

#include "pool/pool.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

/// The deadline of the waits below, in milliseconds: generous, for a loaded machine and for
/// ThreadSanitizer builds. A wait ends as soon as its condition holds.
constexpr int kDeadlineMs = 20'000;

std::unique_ptr<Pool> echoPool(int size)
{
    return Pool::fromFunction(size, [](std::any in) { return in; });
}

std::unique_ptr<Pool> sleepingPool(int size, std::chrono::milliseconds each)
{
    return Pool::fromFunction(size, [each](std::any in) {
        std::this_thread::sleep_for(each);
        return in;
    });
}

LoadGenerator::PayloadFactory numbers()
{
    return [](quint64 n) { return std::any(n); };
}

LoadGenerator::Settings openLoop(double rate, ArrivalProcess process = ArrivalProcess::Constant)
{
    LoadGenerator::Settings s;
    s.mode = ArrivalMode::Open;
    s.process = process;
    s.ratePerSec = rate;
    s.seed = 5;
    return s;
}

LoadGenerator::Settings closedLoop(int callers, double thinkMs = 0)
{
    LoadGenerator::Settings s;
    s.mode = ArrivalMode::Closed;
    s.callers = callers;
    s.thinkMs = thinkMs;
    return s;
}

/// Calls made per second, timed over the generator's next \a calls calls after \a warmUp more.
/// The window is a number of calls rather than a time, so a slow machine lengthens it instead of
/// thinning it. NaN, which fails every comparison, if the calls do not come within kDeadlineMs.
double measuredRate(const LoadGenerator& generator, qint64 warmUp, qint64 calls)
{
    const auto made = [&generator] { return generator.counters().submitted; };
    const qint64 start = made();
    if (!QTest::qWaitFor([&] { return made() >= start + warmUp; }, kDeadlineMs)) {
        qWarning("no %lld calls to warm up within %d ms", warmUp, kDeadlineMs);
        return std::nan("");
    }
    const qint64 before = made();
    QElapsedTimer window;
    window.start();
    qint64 after = before;
    qint64 elapsedNs = 0;
    const bool counted = QTest::qWaitFor(
        [&] {
            after = made();
            elapsedNs = window.nsecsElapsed();
            return after >= before + calls;
        },
        kDeadlineMs);
    if (!counted) {
        qWarning("%lld of %lld calls within %d ms", after - before, calls, kDeadlineMs);
        return std::nan("");
    }
    return static_cast<double>(after - before) * 1e9 / static_cast<double>(elapsedNs);
}

/// A generator left offering at a constant rate, whose calls time a quiet period. A test that
/// checks that another generator makes no call has no event to wait for (the call must never
/// come); it waits for this one's calls instead. While this one makes n calls, a generator still
/// offering at the same rate would have made about n too.
class CallClock {
public:
    explicit CallClock(double ratePerSec)
        : m_pool(echoPool(1))
        , m_generator(*m_pool, numbers(), openLoop(ratePerSec))
    {
        m_generator.start();
    }

    /// Waits until this clock has made \a calls more calls; false if they do not come within
    /// kDeadlineMs.
    [[nodiscard]] bool waitForCalls(qint64 calls) const
    {
        const qint64 target = m_generator.counters().submitted + calls;
        return QTest::qWaitFor([&] { return m_generator.counters().submitted >= target; },
                               kDeadlineMs);
    }

private:
    std::unique_ptr<Pool> m_pool; ///< answers the clock's calls; outlives the generator
    LoadGenerator m_generator;    ///< makes the calls
};

/// Checks that \a generator, which offered at least \a rate calls a second until it was just
/// paused or set to no rate, makes no more calls. A call already on its way at the change may
/// still be made (one of the round the pacer was handing over, or a closed-loop caller's next
/// call after one that ended just before), and nothing marks when the last one is: the count is
/// read once the calls made have finished and a clock at \a rate has made 25 calls. While the
/// clock makes 150 more, a generator still offering would certainly have made calls too.
void verifyNoMoreCalls(const LoadGenerator& generator, double rate)
{
    const CallClock clock(rate);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().outstanding(), 0, kDeadlineMs);
    QVERIFY(clock.waitForCalls(25));
    const qint64 stopped = generator.counters().submitted;
    QVERIFY(clock.waitForCalls(150));
    QCOMPARE(generator.counters().submitted, stopped);
}

bool sameCounts(const PoolCounters& p, const CallCounters& c)
{
    return p.submitted == c.submitted && p.completed == c.completed && p.timedOut == c.timedOut &&
           p.canceled == c.canceled && p.failed == c.failed && p.rejected == c.rejected &&
           p.notRunning == c.notRunning;
}

/// A gate a test opens to let blocked jobs finish.
class Gate {
public:
    void open()
    {
        m_open.store(true);
        m_open.notify_all();
    }
    void wait() const { m_open.wait(false); }

private:
    std::atomic<bool> m_open{false}; ///< jobs wait for this
};

} // namespace

class TestLoadGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openLoopKeepsAConstantRate();
    void openLoopKeepsAPoissonRate();
    void setRateChangesTheRateLive();
    void latencyCountsFromTheIntendedStartWhenTheGeneratorStalls();
    void aStalledPoolShowsGrowingLatency();
    void closedLoopNeverHasMoreCallsOutThanCallers_data();
    void closedLoopNeverHasMoreCallsOutThanCallers();
    void closedLoopCallersChangeLive();
    void theModeSwitchesLive();
    void closedLoopThinkTimeSpacesTheCalls();
    void closedLoopBacksOffFromAFullQueue();
    void closedLoopCallersStopWhenThePoolCloses();
    void maxCallsStopsOfferingExactly();
    void pauseStopsOfferingAndResumeRestarts();
    void burstAddsCallsAtOnce();
    void cancelAllCancelsEveryOutstandingCtxCall();
    void timedCallsTimeOut();
    void countersAgreeWithThePool();
    void callsMayOutliveTheGenerator();
};

void TestLoadGenerator::openLoopKeepsAConstantRate()
{
    auto pool = echoPool(2);
    LoadGenerator generator(*pool, numbers(), openLoop(400));
    generator.start();
    const double rate = measuredRate(generator, 80, 800);
    QVERIFY2(std::abs(rate - 400) < 400 * 0.05, qPrintable(QString::number(rate)));
}

void TestLoadGenerator::openLoopKeepsAPoissonRate()
{
    auto pool = echoPool(2);
    LoadGenerator generator(*pool, numbers(), openLoop(1000, ArrivalProcess::Poisson));
    generator.start();
    // 2000 arrivals: the time a Poisson process takes for them deviates by 1/sqrt(2000) = 2.2%.
    const double rate = measuredRate(generator, 200, 2000);
    QVERIFY2(std::abs(rate - 1000) < 1000 * 0.08, qPrintable(QString::number(rate)));
}

void TestLoadGenerator::setRateChangesTheRateLive()
{
    auto pool = echoPool(2);
    LoadGenerator generator(*pool, numbers(), openLoop(100));
    generator.start();
    const double before = measuredRate(generator, 20, 100);
    generator.setRate(500);
    const double after = measuredRate(generator, 100, 500);
    QVERIFY2(std::abs(before - 100) < 100 * 0.1, qPrintable(QString::number(before)));
    QVERIFY2(std::abs(after - 500) < 500 * 0.07, qPrintable(QString::number(after)));
    generator.setRate(0);
    verifyNoMoreCalls(generator, 500);
}

void TestLoadGenerator::latencyCountsFromTheIntendedStartWhenTheGeneratorStalls()
{
    // The pacer itself stalls for 300 ms (as a paused generator process would). The calls due
    // meanwhile are made late, and their latency must include the delay.
    auto pool = echoPool(2);
    LoadGenerator::Settings settings = openLoop(200);
    settings.maxCalls = 200;
    LoadGenerator generator(
        *pool,
        [](quint64 n) {
            if (n == 20)
                std::this_thread::sleep_for(300ms);
            return std::any(n);
        },
        settings);
    generator.start();
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().completed, 200, 20'000);
    const LatencyHistogram latency = generator.latency();
    QCOMPARE(latency.count(), 200u);
    // About 60 of the 200 calls were due during the stall, late by 0 to 300 ms.
    QVERIFY2(latency.max() >= 280ms, qPrintable(QString::number(latency.max().count())));
    QVERIFY2(latency.percentile(0.80) >= 50ms,
             qPrintable(QString::number(latency.percentile(0.80).count())));
}

void TestLoadGenerator::aStalledPoolShowsGrowingLatency()
{
    // One worker serving 10 ms jobs, 200 arrivals per second: twice its capacity.
    auto pool = sleepingPool(1, 10ms);
    LoadGenerator generator(*pool, numbers(), openLoop(200));
    MetricsSampler sampler;
    QElapsedTimer clock;
    clock.start();
    generator.start();
    QList<double> medians;
    // Sampled by completions, not by wall-clock intervals: each interval holds the next 30 or so
    // calls whatever the machine's load, and since latency is measured from each call's intended
    // start, every later call waited longer than the ones before it.
    for (int i = 0; i < 5; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(generator.counters().completed >= (i + 1) * 30, 20'000);
        const LatencyHistogram latency = generator.latency();
        MetricsSampler::Input in;
        in.tSec = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        in.counters = generator.counters();
        in.latency = &latency;
        const MetricsRow row = sampler.sample(in);
        QVERIFY(row.identityHolds());
        medians.append(row.latencyP50Ms);
    }
    generator.stopOffering();
    pool->close();
    for (qsizetype i = 1; i < medians.size(); ++i)
        QVERIFY2(medians[i] > medians[i - 1], qPrintable(QString::number(medians[i])));
    QVERIFY2(medians.last() > 3 * medians.first(), qPrintable(QString::number(medians.last())));
}

void TestLoadGenerator::closedLoopNeverHasMoreCallsOutThanCallers_data()
{
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("callers");
    QTest::newRow("fewer callers than workers") << 8 << 3;
    QTest::newRow("more callers than workers") << 2 << 5;
    QTest::newRow("many callers") << 4 << 200;
}

void TestLoadGenerator::closedLoopNeverHasMoreCallsOutThanCallers()
{
    QFETCH(int, workers);
    QFETCH(int, callers);
    auto pool = sleepingPool(workers, 1ms);
    LoadGenerator generator(*pool, numbers(), closedLoop(callers));
    generator.start();
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().completed > 10 * callers, 30'000);
    generator.stopOffering();
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().outstanding(), 0, 10'000);
    QCOMPARE(generator.peakOutstanding(), callers);
    QCOMPARE(generator.activeCallers(), 0);
}

void TestLoadGenerator::closedLoopCallersChangeLive()
{
    auto pool = sleepingPool(4, 1ms);
    LoadGenerator generator(*pool, numbers(), closedLoop(2));
    generator.start();
    QTRY_COMPARE_WITH_TIMEOUT(generator.activeCallers(), 2, 5000);
    generator.setCallers(6);
    QTRY_COMPARE_WITH_TIMEOUT(generator.activeCallers(), 6, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(generator.peakOutstanding(), 6, 5000);
    generator.setCallers(1);
    QTRY_COMPARE_WITH_TIMEOUT(generator.activeCallers(), 1, 5000);
    const qint64 before = generator.counters().completed;
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().completed > before + 20, 5000);
    QCOMPARE(generator.peakOutstanding(), 6);
}

void TestLoadGenerator::theModeSwitchesLive()
{
    // Closed loop with three callers and think time (so some wait on the pacer's timers),
    // then an open loop at no rate: every caller ends and nothing more is offered.
    auto pool = sleepingPool(4, 1ms);
    LoadGenerator generator(*pool, numbers(), closedLoop(3, 2));
    generator.start();
    QTRY_COMPARE_WITH_TIMEOUT(generator.activeCallers(), 3, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().completed > 30, 5000);
    generator.setRate(0);
    generator.setMode(ArrivalMode::Open);
    QTRY_COMPARE_WITH_TIMEOUT(generator.activeCallers(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().outstanding(), 0, 5000);
    const qint64 quiet = generator.counters().submitted;
    // Callers asked for during the open loop wait for the closed one.
    generator.setCallers(5);
    QCOMPARE(generator.activeCallers(), 0);

    // An open loop at a rate: calls arrive without callers.
    generator.setRate(500);
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().submitted > quiet + 50, 5000);
    QCOMPARE(generator.activeCallers(), 0);

    // Closed again: the five callers start, and the arrivals stop.
    generator.setMode(ArrivalMode::Closed);
    QTRY_COMPARE_WITH_TIMEOUT(generator.activeCallers(), 5, 5000);
    generator.setThinkMs(0);
    const qint64 before = generator.counters().completed;
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().completed > before + 50, 5000);
    QVERIFY(generator.counters().outstanding() <= 5);
    generator.setMode(ArrivalMode::Closed); // no change
    QCOMPARE(generator.activeCallers(), 5);
}

void TestLoadGenerator::closedLoopThinkTimeSpacesTheCalls()
{
    auto pool = echoPool(4);
    LoadGenerator generator(*pool, numbers(), closedLoop(2, 50));
    generator.start();
    // Two callers, each calling every ~50 ms: about 40 calls per second.
    const double rate = measuredRate(generator, 8, 80);
    QVERIFY2(rate > 30 && rate <= 41, qPrintable(QString::number(rate)));
    QCOMPARE(generator.peakOutstanding(), 2);
}

void TestLoadGenerator::closedLoopBacksOffFromAFullQueue()
{
    auto pool = sleepingPool(1, 5ms);
    pool->setMaxWaiting(0);
    LoadGenerator generator(*pool, numbers(), closedLoop(3));
    QElapsedTimer offering;
    offering.start();
    generator.start();
    // One worker, 5 ms a call: a hundred calls keep the other two callers refused for at least
    // half a second.
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().completed >= 100, kDeadlineMs);
    const qint64 offeredMs = offering.elapsed();
    generator.stopOffering();
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().outstanding(), 0, 5000);
    const CallCounters c = generator.counters();
    QVERIFY(c.completed > 0);
    QVERIFY(c.rejected > 0);
    // Refused callers retry after a millisecond, not in a busy loop: at most ~2 a millisecond.
    QVERIFY2(c.rejected < 3 * offeredMs,
             qPrintable(QStringLiteral("%1 in %2 ms").arg(c.rejected).arg(offeredMs)));
}

void TestLoadGenerator::closedLoopCallersStopWhenThePoolCloses()
{
    auto pool = sleepingPool(2, 1ms);
    LoadGenerator generator(*pool, numbers(), closedLoop(4));
    generator.start();
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().completed > 20, 5000);
    pool->close();
    QTRY_COMPARE_WITH_TIMEOUT(generator.activeCallers(), 0, 5000);
    const CallCounters c = generator.counters();
    QCOMPARE(c.outstanding(), 0);
    QVERIFY(c.notRunning <= 4);
    // Every caller has ended and no call is left to complete, so nothing can call again. The
    // pacer's next round, the one that would make any caller's due call, shows it: a burst of
    // one is all it makes, refused by the closed pool. A second burst, asked for once the first
    // was made, is made in a later round: when it is counted, that round is over.
    generator.burst(1);
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().notRunning > c.notRunning, kDeadlineMs);
    generator.burst(1);
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().notRunning > c.notRunning + 1, kDeadlineMs);
    QCOMPARE(generator.counters().notRunning, c.notRunning + 2);
    QCOMPARE(generator.counters().submitted, c.submitted + 2);
    QCOMPARE(generator.activeCallers(), 0);
}

void TestLoadGenerator::maxCallsStopsOfferingExactly()
{
    auto pool = echoPool(2);
    LoadGenerator::Settings settings = openLoop(2000);
    settings.maxCalls = 150;
    LoadGenerator generator(*pool, numbers(), settings);
    generator.start();
    QTRY_VERIFY_WITH_TIMEOUT(generator.isOfferingDone(), 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().completed, 150, 10'000);
    QCOMPARE(generator.counters().submitted, 150);
    // The budget is spent, so no call can follow, and none shows: observed while a clock at the
    // generator's rate makes 200 calls.
    {
        const CallClock clock(2000);
        QVERIFY(clock.waitForCalls(200));
    }
    QCOMPARE(generator.counters().submitted, 150);

    LoadGenerator::Settings closed = closedLoop(7);
    closed.maxCalls = 100;
    LoadGenerator callers(*pool, numbers(), closed);
    callers.start();
    QTRY_VERIFY_WITH_TIMEOUT(callers.isOfferingDone(), 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(callers.activeCallers(), 0, 10'000);
    QCOMPARE(callers.counters().submitted, 100);
}

void TestLoadGenerator::pauseStopsOfferingAndResumeRestarts()
{
    auto pool = echoPool(2);
    LoadGenerator generator(*pool, numbers(), openLoop(500));
    generator.start();
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().submitted > 50, 5000);
    generator.pause();
    verifyNoMoreCalls(generator, 500);
    if (QTest::currentTestFailed())
        return;
    const qint64 paused = generator.counters().submitted;
    generator.resume();
    QTRY_VERIFY_WITH_TIMEOUT(generator.counters().submitted > paused + 50, 5000);
    // No catch-up burst for the paused time.
    const double rate = measuredRate(generator, 100, 500);
    QVERIFY2(std::abs(rate - 500) < 500 * 0.1, qPrintable(QString::number(rate)));

    auto slow = sleepingPool(2, 2ms);
    LoadGenerator closed(*slow, numbers(), closedLoop(3));
    closed.start();
    QTRY_VERIFY_WITH_TIMEOUT(closed.counters().completed > 20, 5000);
    closed.pause();
    // The callers' calls end, and each caller waits for the resume.
    verifyNoMoreCalls(closed, 500);
    if (QTest::currentTestFailed())
        return;
    const qint64 held = closed.counters().submitted;
    closed.resume();
    QTRY_VERIFY_WITH_TIMEOUT(closed.counters().submitted > held + 20, 5000);
    QCOMPARE(closed.peakOutstanding(), 3);
}

void TestLoadGenerator::burstAddsCallsAtOnce()
{
    auto pool = echoPool(2);
    LoadGenerator generator(*pool, numbers(), openLoop(0));
    generator.start();
    generator.burst(5000);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().completed, 5000, 20'000);
    QCOMPARE(generator.counters().submitted, 5000);
}

void TestLoadGenerator::cancelAllCancelsEveryOutstandingCtxCall()
{
    Gate gate;
    auto pool = Pool::fromFunction(1, [&gate](std::any in) {
        gate.wait();
        return in;
    });
    LoadGenerator::Settings settings = openLoop(0);
    settings.api = CallApi::ProcessCtx;
    LoadGenerator generator(*pool, numbers(), settings);
    generator.start();
    generator.burst(20);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().submitted, 20, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(pool->waiting(), 19, 5000);
    generator.cancelAll();
    // The queued calls and the running one (abandoned) all end with Canceled at once.
    QCOMPARE(generator.counters().canceled, 20);
    QCOMPARE(generator.counters().outstanding(), 0);
    gate.open();
    // Later calls belong to a fresh parent context and are not born canceled.
    generator.burst(5);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().completed, 5, 5000);
    QCOMPARE(generator.counters().canceled, 20);
}

void TestLoadGenerator::timedCallsTimeOut()
{
    auto pool = sleepingPool(1, 200ms);
    LoadGenerator::Settings settings = openLoop(0);
    settings.api = CallApi::ProcessTimed;
    settings.timeoutMs = 30;
    LoadGenerator generator(*pool, numbers(), settings);
    generator.start();
    generator.burst(3);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().timedOut, 3, 5000);
    // Timed-out calls waited for their timeout: that is their latency.
    QVERIFY(generator.latency().percentile(0.5) >= 29ms);

    generator.setApi(CallApi::ProcessCtx);
    generator.setTimeoutMs(20);
    generator.burst(2);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().canceled, 2, 5000); // DeadlineExceeded
}

void TestLoadGenerator::countersAgreeWithThePool()
{
    auto pool = Pool::fromFunction(2, [](std::any in) {
        const auto n = std::any_cast<quint64>(in);
        if (n % 7 == 0)
            throw std::runtime_error("seven");
        std::this_thread::sleep_for(std::chrono::microseconds(n % 5 * 300));
        return in;
    });
    pool->setMaxWaiting(5);
    LoadGenerator::Settings settings = openLoop(3000, ArrivalProcess::Poisson);
    settings.api = CallApi::ProcessTimed;
    settings.timeoutMs = 2;
    settings.maxCalls = 3000;
    LoadGenerator generator(*pool, numbers(), settings);
    generator.start();
    QTRY_VERIFY_WITH_TIMEOUT(generator.isOfferingDone(), 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(generator.counters().outstanding(), 0, 20'000);
    pool->close();
    const CallCounters c = generator.counters();
    QCOMPARE(c.submitted, 3000);
    QCOMPARE(c.finished(), 3000);
    QVERIFY(c.failed > 0);
    QVERIFY2(sameCounts(pool->counters(), c), "the pool and the generator disagree");
}

void TestLoadGenerator::callsMayOutliveTheGenerator()
{
    Gate gate;
    auto pool = Pool::fromFunction(1, [&gate](std::any in) {
        gate.wait();
        return in;
    });
    {
        LoadGenerator::Settings settings = closedLoop(3);
        LoadGenerator generator(*pool, numbers(), settings);
        generator.start();
        QTRY_COMPARE_WITH_TIMEOUT(generator.counters().submitted, 3, 5000);
    }
    // The completions run after the generator is gone; they must not call again.
    gate.open();
    QTRY_VERIFY_WITH_TIMEOUT(pool->counters().completed == 3, 5000);
    QCOMPARE(pool->counters().submitted, 3);
    pool->close();
}

QTEST_GUILESS_MAIN(TestLoadGenerator)
#include "tst_loadgenerator.moc"
