#include "pool/pool.h"
#include "workloads/commandworkload.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

/// Calls per second through a pool of \a workers, with as many callers, for \a seconds, running
/// the same shell echo either as one long-lived child per worker or as one child per call.
double callsPerSecond(const QString& mode, int workers, double seconds)
{
    const QString script = mode == QStringLiteral("coprocess")
                               ? QStringLiteral("while read l; do echo \"$l\"; done")
                               : QStringLiteral("read l; echo \"$l\"");
    ParamError error;
    auto workload = CommandWorkload::create(
        {{QStringLiteral("program"), QStringLiteral("sh")},
         {QStringLiteral("args"), QStringList{QStringLiteral("-c"), script}},
         {QStringLiteral("mode"), mode}},
        nullptr, error);
    if (!workload)
        qFatal("refused %s", qPrintable(error.param));
    Pool pool(workers, [&] { return workload->makeWorker(); });
    std::atomic<qint64> done{0};
    std::atomic<qint64> failed{0};
    std::atomic<quint64> sequence{0};
    QElapsedTimer timer;
    timer.start();
    const qint64 until = static_cast<qint64>(seconds * 1000);
    std::vector<std::thread> callers;
    for (int c = 0; c < workers; ++c) {
        callers.emplace_back([&] {
            while (timer.elapsed() < until) {
                const quint64 n = sequence.fetch_add(1);
                const auto result = pool.processTimed(workload->makePayload(n), 20s);
                (result ? done : failed).fetch_add(1);
            }
        });
    }
    for (auto& caller : callers)
        caller.join();
    const double rate = double(done.load()) * 1000.0 / double(timer.elapsed());
    qInfo("%s: %d workers, %lld calls in %lld ms: %.0f calls/s (%lld failed)", qPrintable(mode),
          workers, static_cast<long long>(done.load()), static_cast<long long>(timer.elapsed()),
          rate, static_cast<long long>(failed.load()));
    if (failed.load() != 0)
        qFatal("%lld calls failed", static_cast<long long>(failed.load()));
    return rate;
}

} // namespace

class TestCommandWorkload : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void coprocessOutrunsExecForTheSameProgram();
};

void TestCommandWorkload::coprocessOutrunsExecForTheSameProgram()
{
    const double seconds = qEnvironmentVariableIntValue("SHOAL_COMMAND_SECONDS") > 0
                               ? qEnvironmentVariableIntValue("SHOAL_COMMAND_SECONDS")
                               : 2.0;
    const double coprocess = callsPerSecond(QStringLiteral("coprocess"), 2, seconds);
    const double exec = callsPerSecond(QStringLiteral("exec"), 2, seconds);
    qInfo("coprocess / exec: %.1fx", coprocess / exec);
    // The per-worker child saves a fork and exec per call; that dwarfs a line through a pipe.
    QVERIFY2(coprocess > 2 * exec, qPrintable(QStringLiteral("%1 vs %2").arg(coprocess).arg(exec)));
}

QTEST_GUILESS_MAIN(TestCommandWorkload)
#include "tst_commandworkload.moc"
