// The first sample the window charts: a run's row at t = 0 must not count the calls the load
// generator makes while the run is being started, or its fraction of a millisecond turns a few
// calls into thousands per second and that spike fixes the throughput axis for the whole run.
#include "lab/sample.h"
#include "lab/scenario.h"
#include "lab/session.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace shoal;

namespace {

constexpr int kLong = 60'000; ///< generous: a loaded machine, sanitizer builds

Scenario closedLoop()
{
    Scenario s;
    s.name = QStringLiteral("first-sample");
    s.workloadKind = QStringLiteral("synthetic");
    s.workloadParams = {{QStringLiteral("distribution"), QStringLiteral("fixed")},
                        {QStringLiteral("meanMs"), 5}};
    s.poolSize = 2;
    s.arrivalMode = ArrivalMode::Closed;
    s.callers = 4; // they call at once, as the image preset's callers do
    s.durationSec = 1;
    s.drainSec = 1;
    return s;
}

} // namespace

class TestRunStartSample : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstRowCountsNoCalls()
    {
        Session session;
        // A window busy with the state change (clearing its charts, repainting) lets the
        // callers make their first calls before control returns to the session.
        connect(
            &session, &Session::stateChanged, &session,
            [](RunState state) {
                if (state == RunState::Running)
                    QThread::msleep(100);
            },
            Qt::DirectConnection);
        QSignalSpy samples(&session, &Session::sampleAvailable);
        QSignalSpy finished(&session, &Session::runFinished);
        session.loadScenario(closedLoop());
        session.start();
        QVERIFY(finished.wait(kLong));
        QVERIFY(samples.size() >= 2);

        const Sample first = samples.at(0).at(0).value<Sample>();
        QCOMPARE(first.runSec, 0.0);
        QCOMPARE(first.row.submitted, 0);
        QCOMPARE(first.row.completed, 0);
        QCOMPARE(first.row.offeredPerSec, 0.0);
        QCOMPARE(first.row.throughputPerSec, 0.0);

        // The next row sees the calls at their real rate: four callers on two workers of 5 ms
        // cannot offer more than a few hundred calls a second.
        const Sample second = samples.at(1).at(0).value<Sample>();
        QVERIFY2(
            second.row.offeredPerSec < 2000,
            qPrintable(QStringLiteral("the second row offers %1/s").arg(second.row.offeredPerSec)));
    }
};

QTEST_GUILESS_MAIN(TestRunStartSample)
#include "tst_runstartsample.moc"
