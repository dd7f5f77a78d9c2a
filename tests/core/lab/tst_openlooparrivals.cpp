#include "lab/openlooparrivals.h"

#include <QtTest>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

using Clock = OpenLoopArrivals::Clock;

const Clock::time_point t0 = Clock::time_point{} + 10s;

/// The intended starts of the arrivals due by \a now.
std::vector<Clock::time_point> takeDue(OpenLoopArrivals& arrivals, Clock::time_point now,
                                       std::size_t room = 1000)
{
    std::vector<PlannedCall> calls;
    arrivals.takeDue(now, room, calls);
    std::vector<Clock::time_point> times;
    for (const PlannedCall& call : calls) {
        if (call.caller != -1)
            qFatal("an arrival made by a caller");
        times.push_back(call.intended);
    }
    return times;
}

} // namespace

class TestOpenLoopArrivals : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nothingArrivesUntilTheLoopOpens();
    void constantArrivalsAreOneGapApart();
    void roomBoundsTheArrivalsTaken();
    void aRateChangeTimesTheNextArrivalFromTheLatestOne();
    void aRateOfZeroStopsArrivalsUntilRaised();
    void closingStopsArrivalsAndReopeningStartsFromNow();
    void restartSkipsThePausedTime();
    void poissonArrivalsAreReproducibleFromTheSeed();
};

void TestOpenLoopArrivals::nothingArrivesUntilTheLoopOpens()
{
    OpenLoopArrivals arrivals(ArrivalProcess::Constant, 1000, 1);
    QVERIFY(!arrivals.isOpen());
    QVERIFY(!arrivals.nextDue());
    QVERIFY(takeDue(arrivals, t0 + 1s).empty());
    arrivals.restartFrom(t0); // a resume does not open the loop
    QVERIFY(!arrivals.nextDue());
}

void TestOpenLoopArrivals::constantArrivalsAreOneGapApart()
{
    OpenLoopArrivals arrivals(ArrivalProcess::Constant, 1000, 1);
    arrivals.setOpen(true, t0);
    QCOMPARE(arrivals.nextDue(), t0 + 1ms);
    QVERIFY(takeDue(arrivals, t0 + 999us).empty());
    const auto times = takeDue(arrivals, t0 + 10ms);
    QCOMPARE(times.size(), 10u);
    for (std::size_t i = 0; i < times.size(); ++i)
        QCOMPARE(times[i], t0 + static_cast<int>(i + 1) * 1ms);
    QCOMPARE(arrivals.nextDue(), t0 + 11ms);
}

void TestOpenLoopArrivals::roomBoundsTheArrivalsTaken()
{
    OpenLoopArrivals arrivals(ArrivalProcess::Constant, 1000, 1);
    arrivals.setOpen(true, t0);
    QCOMPARE(takeDue(arrivals, t0 + 10ms, 4).size(), 4u);
    QCOMPARE(arrivals.nextDue(), t0 + 5ms);
    const auto rest = takeDue(arrivals, t0 + 10ms);
    QCOMPARE(rest.size(), 6u);
    QCOMPARE(rest.front(), t0 + 5ms);
}

void TestOpenLoopArrivals::aRateChangeTimesTheNextArrivalFromTheLatestOne()
{
    OpenLoopArrivals arrivals(ArrivalProcess::Constant, 1000, 1);
    arrivals.setOpen(true, t0);
    QCOMPARE(takeDue(arrivals, t0 + 2ms).size(), 2u); // the latest at t0 + 2 ms
    // Slower: one new gap (10 ms) after the latest arrival.
    arrivals.setRate(100, t0 + 3ms);
    QCOMPARE(arrivals.nextDue(), t0 + 12ms);
    // Faster: the new gap would end in the past; the next arrival is now, not a catch-up burst.
    arrivals.setRate(10'000, t0 + 3ms);
    QCOMPARE(arrivals.nextDue(), t0 + 3ms);
    const auto times = takeDue(arrivals, t0 + 4ms);
    QCOMPARE(times.size(), 11u); // t0 + 3 ms, then every 0.1 ms
    QCOMPARE(times.back(), t0 + 4ms);
}

void TestOpenLoopArrivals::aRateOfZeroStopsArrivalsUntilRaised()
{
    OpenLoopArrivals arrivals(ArrivalProcess::Constant, 1000, 1);
    arrivals.setOpen(true, t0);
    QCOMPARE(takeDue(arrivals, t0 + 1ms).size(), 1u);
    arrivals.setRate(0, t0 + 1ms);
    QVERIFY(!arrivals.nextDue());
    QVERIFY(takeDue(arrivals, t0 + 1s).empty());
    arrivals.setRate(1000, t0 + 1s);
    QCOMPARE(arrivals.nextDue(), t0 + 1s);
    arrivals.setRate(std::nan(""), t0 + 1s);
    QVERIFY(!arrivals.nextDue());
}

void TestOpenLoopArrivals::closingStopsArrivalsAndReopeningStartsFromNow()
{
    OpenLoopArrivals arrivals(ArrivalProcess::Constant, 1000, 1);
    arrivals.setOpen(true, t0);
    arrivals.setOpen(false, t0 + 1ms);
    QVERIFY(!arrivals.isOpen());
    QVERIFY(!arrivals.nextDue());
    QVERIFY(takeDue(arrivals, t0 + 1s).empty());
    arrivals.setRate(200, t0 + 1s); // kept for the open loop
    QVERIFY(!arrivals.nextDue());
    arrivals.setOpen(true, t0 + 2s);
    QCOMPARE(arrivals.nextDue(), t0 + 2s + 5ms);
}

void TestOpenLoopArrivals::restartSkipsThePausedTime()
{
    OpenLoopArrivals arrivals(ArrivalProcess::Constant, 1000, 1);
    arrivals.setOpen(true, t0);
    QCOMPARE(takeDue(arrivals, t0 + 2ms).size(), 2u);
    arrivals.restartFrom(t0 + 500ms);
    QCOMPARE(arrivals.nextDue(), t0 + 501ms);
    QCOMPARE(takeDue(arrivals, t0 + 501ms).size(), 1u);
}

void TestOpenLoopArrivals::poissonArrivalsAreReproducibleFromTheSeed()
{
    OpenLoopArrivals a(ArrivalProcess::Poisson, 1000, 42);
    OpenLoopArrivals b(ArrivalProcess::Poisson, 1000, 42);
    OpenLoopArrivals other(ArrivalProcess::Poisson, 1000, 43);
    a.setOpen(true, t0);
    b.setOpen(true, t0);
    other.setOpen(true, t0);
    const auto times = takeDue(a, t0 + 10s, 100'000);
    QCOMPARE(takeDue(b, t0 + 10s, 100'000), times);
    QVERIFY(takeDue(other, t0 + 10s, 100'000) != times);
    // 10,000 expected arrivals: the count's deviation is 1%.
    QVERIFY2(std::abs(static_cast<double>(times.size()) - 10'000) < 500,
             qPrintable(QString::number(times.size())));
    QVERIFY(std::is_sorted(times.begin(), times.end()));
}

QTEST_GUILESS_MAIN(TestOpenLoopArrivals)
#include "tst_openlooparrivals.moc"
