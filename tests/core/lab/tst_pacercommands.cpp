#include "lab/pacercommands.h"

#include <QElapsedTimer>
#include <QtTest>

#include <future>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

using Clock = PacerCommands::Clock;

bool isEmpty(const PacerCommands::Pending& p)
{
    return !p.rate && !p.modeChanged && !p.callersChanged && !p.resumed && p.burst == 0 &&
           !p.wake && !p.quit;
}

} // namespace

class TestPacerCommands : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void takeReturnsWhatWasPostedAndClearsIt();
    void requestsOfOneKindCoalesce();
    void aPassedDeadlineReturnsAtOnce();
    void takeSleepsUntilTheDeadline();
    void aPostWakesABlockedTake();
};

void TestPacerCommands::takeReturnsWhatWasPostedAndClearsIt()
{
    PacerCommands commands;
    commands.modeChanged();
    commands.callersChanged();
    commands.resumed();
    const auto p = commands.take(std::nullopt); // does not block: something is pending
    QVERIFY(p.modeChanged);
    QVERIFY(p.callersChanged);
    QVERIFY(p.resumed);
    QVERIFY(!p.rate && !p.quit && !p.wake && p.burst == 0);
    QVERIFY(isEmpty(commands.take(Clock::now())));
    commands.quit();
    QVERIFY(commands.take(std::nullopt).quit);
}

void TestPacerCommands::requestsOfOneKindCoalesce()
{
    PacerCommands commands;
    const auto t0 = Clock::now();
    commands.setRate(100);
    commands.setRate(250);
    commands.burst(3, t0);
    commands.burst(4, t0 + 1ms);
    commands.wake();
    commands.wake();
    const auto p = commands.take(std::nullopt);
    QCOMPARE(p.rate, 250.0); // the latest rate
    QCOMPARE(p.burst, 7);
    QCOMPARE(p.burstAt, t0 + 1ms); // the latest burst's time
    QVERIFY(p.wake);
}

void TestPacerCommands::aPassedDeadlineReturnsAtOnce()
{
    PacerCommands commands;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(isEmpty(commands.take(Clock::now() - 1s)));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestPacerCommands::takeSleepsUntilTheDeadline()
{
    PacerCommands commands;
    const auto deadline = Clock::now() + 50ms;
    QVERIFY(isEmpty(commands.take(deadline)));
    QVERIFY(Clock::now() >= deadline);
}

void TestPacerCommands::aPostWakesABlockedTake()
{
    PacerCommands commands;
    auto pacer =
        std::async(std::launch::async, [&commands] { return commands.take(std::nullopt); });
    QCOMPARE(pacer.wait_for(50ms), std::future_status::timeout); // nothing posted: it sleeps
    commands.setRate(7);
    QCOMPARE(pacer.wait_for(30s), std::future_status::ready);
    QCOMPARE(pacer.get().rate, 7.0);
}

QTEST_GUILESS_MAIN(TestPacerCommands)
#include "tst_pacercommands.moc"
