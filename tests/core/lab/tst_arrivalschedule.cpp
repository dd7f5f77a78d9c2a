#include "lab/arrivalschedule.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

std::vector<double> gapsMs(ArrivalSchedule& schedule, int n)
{
    std::vector<double> gaps;
    for (int i = 0; i < n; ++i)
        gaps.push_back(static_cast<double>(schedule.nextGap()->count()) / 1e6);
    return gaps;
}

} // namespace

class TestArrivalSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void constantGapsAreOneOverTheRate();
    void poissonGapsHaveTheRateAsMeanAndAnExponentialSpread();
    void theSameSeedGivesTheSameArrivals();
    void aZeroRateMeansNoArrivals();
    void setRateChangesTheGapsFromNowOn();
    void namesRoundTrip();
};

void TestArrivalSchedule::constantGapsAreOneOverTheRate()
{
    ArrivalSchedule schedule(ArrivalProcess::Constant, 1000, 1);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(*schedule.nextGap(), 1ms);
    ArrivalSchedule third(ArrivalProcess::Constant, 3, 1);
    QCOMPARE(third.nextGap()->count(), 333'333'333);
}

void TestArrivalSchedule::poissonGapsHaveTheRateAsMeanAndAnExponentialSpread()
{
    ArrivalSchedule schedule(ArrivalProcess::Poisson, 500, 42);
    const std::vector<double> gaps = gapsMs(schedule, 200'000);
    double sum = 0;
    double squares = 0;
    for (const double g : gaps) {
        QVERIFY(g >= 0);
        sum += g;
        squares += g * g;
    }
    const double mean = sum / static_cast<double>(gaps.size());
    const double deviation = std::sqrt(squares / static_cast<double>(gaps.size()) - mean * mean);
    QVERIFY2(std::abs(mean - 2.0) < 0.02, qPrintable(QString::number(mean)));
    // An exponential distribution's deviation equals its mean.
    QVERIFY2(std::abs(deviation - 2.0) < 0.04, qPrintable(QString::number(deviation)));
}

void TestArrivalSchedule::theSameSeedGivesTheSameArrivals()
{
    ArrivalSchedule a(ArrivalProcess::Poisson, 100, 7);
    ArrivalSchedule b(ArrivalProcess::Poisson, 100, 7);
    ArrivalSchedule c(ArrivalProcess::Poisson, 100, 8);
    const auto ga = gapsMs(a, 1000);
    QCOMPARE(gapsMs(b, 1000), ga);
    QVERIFY(gapsMs(c, 1000) != ga);
}

void TestArrivalSchedule::aZeroRateMeansNoArrivals()
{
    ArrivalSchedule zero(ArrivalProcess::Constant, 0, 1);
    QVERIFY(!zero.nextGap());
    ArrivalSchedule negative(ArrivalProcess::Poisson, -5, 1);
    QVERIFY(!negative.nextGap());
    ArrivalSchedule nan(ArrivalProcess::Poisson, std::nan(""), 1);
    QVERIFY(!nan.nextGap());
}

void TestArrivalSchedule::setRateChangesTheGapsFromNowOn()
{
    ArrivalSchedule schedule(ArrivalProcess::Constant, 10, 1);
    QCOMPARE(*schedule.nextGap(), 100ms);
    schedule.setRate(100);
    QCOMPARE(*schedule.nextGap(), 10ms);
    schedule.setRate(0);
    QVERIFY(!schedule.nextGap());
}

void TestArrivalSchedule::namesRoundTrip()
{
    for (const QString& name : arrivalModeNames())
        QCOMPARE(arrivalModeName(*arrivalModeFromName(name)), name);
    for (const QString& name : arrivalProcessNames())
        QCOMPARE(arrivalProcessName(*arrivalProcessFromName(name)), name);
    QVERIFY(!arrivalModeFromName(QStringLiteral("ajar")));
    QVERIFY(!arrivalProcessFromName(QStringLiteral("Poisson")));
}

QTEST_GUILESS_MAIN(TestArrivalSchedule)
#include "tst_arrivalschedule.moc"
