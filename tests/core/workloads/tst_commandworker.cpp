#include "returnswithin.h"
#include "testsupport/processes.h"

#include "pool/pool.h"
#include "workloads/childprocess.h"
#include "workloads/commandworker.h"
#include "workloads/commandworkload.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace shoal;
using testsupport::livingInGroup;
using namespace std::chrono_literals;

namespace {

/// A command workload with its pool, keeping the workers so tests can reach their children.
struct CommandPool {
    std::unique_ptr<CommandWorkload> workload;
    std::vector<CommandWorker*> workers;
    std::unique_ptr<Pool> pool;

    Result<std::any> call(const QByteArray& line, std::chrono::milliseconds timeout = 20s)
    {
        return pool->processTimed(line, timeout);
    }
    WorkerState state(std::size_t i = 0) const { return pool->workers().at(i).state; }
};

std::unique_ptr<CommandWorkload> command(const QVariantMap& params)
{
    ParamError error;
    auto workload = CommandWorkload::create(params, nullptr, error);
    if (!workload)
        qFatal("command workload refused %s: %s", qPrintable(error.param),
               qPrintable(error.detail));
    return workload;
}

/// A coprocess `sh -c script` (or \a mode) pool of \a size workers; "$1" is \a arg.
std::unique_ptr<CommandPool> shPool(const QString& script, int size = 1,
                                    const QString& mode = QStringLiteral("coprocess"),
                                    const QString& interrupt = QStringLiteral("signal"),
                                    const QString& arg = QString())
{
    auto p = std::make_unique<CommandPool>();
    QStringList args{QStringLiteral("-c"), script, QStringLiteral("sh")};
    if (!arg.isEmpty())
        args << arg;
    p->workload = command({{QStringLiteral("program"), QStringLiteral("sh")},
                           {QStringLiteral("args"), args},
                           {QStringLiteral("mode"), mode},
                           {QStringLiteral("interrupt"), interrupt}});
    auto* raw = p.get();
    p->pool = std::make_unique<Pool>(size, [raw] {
        auto worker = raw->workload->makeWorker();
        raw->workers.push_back(static_cast<CommandWorker*>(worker.get()));
        return worker;
    });
    return p;
}

QByteArray output(const Result<std::any>& result)
{
    return std::any_cast<CommandResult>(result.value()).output;
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

} // namespace

class TestCommandWorker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void catEchoesEveryLineOnConcurrentWorkers();
    void execReturnsTrimmedStdout();
    void execFailsOnNonZeroExitWithStatusAndStderr();
    void childExitingEachCallFailsItAndIsRestarted();
    void childAnsweringThenExitingFailsTheNextCallOnly();
    void childKilledFromOutsideFailsThatCallAndTheNextSucceeds();
    void signalInterruptFreesTheWorkerWithinTheGrace();
    void signalInterruptKillsAChildIgnoringSigterm();
    void signalInterruptStopsAnExecChild();
    void ignoreKeepsTheWorkerBusyUntilTheChildAnswers();
    void writingToAChildThatClosedItsStdinRaisesNoSigpipe();
    void closingEndsAnAbandonedIgnoredChild();
    void liveArgsChangeRestartsTheCoprocess();
    void missingProgramIsRefusedWithItsPath();
    void programThatCannotStartFailsThePoolConstructor();
    void floodingChildKeepsMemoryBounded();
    void closeLeavesNoProcessBehind();
};

void TestCommandWorker::catEchoesEveryLineOnConcurrentWorkers()
{
    auto p = std::make_unique<CommandPool>();
    p->workload = command({{QStringLiteral("program"), QStringLiteral("cat")},
                           {QStringLiteral("input"), QStringLiteral("line {n} of cat")}});
    p->pool = std::make_unique<Pool>(3, [&] { return p->workload->makeWorker(); });
    std::mutex mutex;
    QStringList mismatches;
    std::vector<std::thread> callers;
    for (int c = 0; c < 3; ++c) {
        callers.emplace_back([&, c] {
            for (quint64 n = quint64(c) * 100; n < quint64(c) * 100 + 40; ++n) {
                const auto job = std::any_cast<CommandJob>(p->workload->makePayload(n));
                const auto result = p->pool->processTimed(job, 20s);
                const QByteArray got =
                    result ? output(result) : QByteArray::fromStdString(result.message());
                if (got != "line " + QByteArray::number(n) + " of cat") {
                    std::lock_guard lock(mutex);
                    mismatches << QString::fromUtf8(got);
                }
            }
        });
    }
    for (auto& caller : callers)
        caller.join();
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('|'))));
    QCOMPARE(p->workload->childrenStarted(), 3); // one per worker, reused for every call
}

void TestCommandWorker::execReturnsTrimmedStdout()
{
    auto p = shPool(QStringLiteral("read l; echo \"  got $l  \""), 1, QStringLiteral("exec"));
    QCOMPARE(output(p->call("7")), QByteArray("got 7"));
    QCOMPARE(output(p->call("8")), QByteArray("got 8"));
    QCOMPARE(p->workload->childrenStarted(), 2); // one per call

    // `true` exits without reading: writing its line meets a closed pipe (EPIPE, and a
    // SIGPIPE that must not reach this process).
    auto quiet = std::make_unique<CommandPool>();
    quiet->workload = command({{QStringLiteral("program"), QStringLiteral("true")},
                               {QStringLiteral("mode"), QStringLiteral("exec")}});
    quiet->pool = std::make_unique<Pool>(1, [&] { return quiet->workload->makeWorker(); });
    for (int i = 0; i < 30; ++i)
        QCOMPARE(output(quiet->call("ignored")), QByteArray());

    auto sha = std::make_unique<CommandPool>();
    sha->workload = command({{QStringLiteral("program"), QStringLiteral("sha256sum")},
                             {QStringLiteral("mode"), QStringLiteral("exec")}});
    sha->pool = std::make_unique<Pool>(1, [&] { return sha->workload->makeWorker(); });
    QCOMPARE(output(sha->call("abc")), // sha256 of "abc\n"
             QByteArray("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb  -"));
}

void TestCommandWorker::execFailsOnNonZeroExitWithStatusAndStderr()
{
    auto p = shPool(QStringLiteral("read l; echo partial; echo \"bad $l\" >&2; exit 4"), 1,
                    QStringLiteral("exec"));
    const auto result = p->call("input");
    QCOMPARE(result.error(), make_error_code(PoolErrc::WorkerThrew));
    const QString message = QString::fromStdString(result.message());
    QVERIFY2(message.contains(QStringLiteral("exited with status 4")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("bad input")), qPrintable(message));
}

void TestCommandWorker::childExitingEachCallFailsItAndIsRestarted()
{
    auto p = shPool(QStringLiteral("read l; echo \"no $l\" >&2; exit 3"));
    for (int i = 0; i < 3; ++i) {
        const auto result = p->call("call" + QByteArray::number(i), 20s);
        QCOMPARE(result.error(), make_error_code(PoolErrc::WorkerThrew));
        const QString message = QString::fromStdString(result.message());
        QVERIFY2(message.contains(QStringLiteral("exited with status 3")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("no call%1").arg(i)), qPrintable(message));
    }
    QCOMPARE(p->workload->childrenStarted(), 3); // the factory's, then one per later call
}

void TestCommandWorker::childAnsweringThenExitingFailsTheNextCallOnly()
{
    auto p = shPool(QStringLiteral("read l; echo \"$l\""));
    QCOMPARE(output(p->call("one")), QByteArray("one"));
    const auto second = p->call("two");
    QCOMPARE(second.error(), make_error_code(PoolErrc::WorkerThrew));
    QVERIFY2(second.message().find("exited with status 0") != std::string::npos,
             second.message().c_str());
    QCOMPARE(output(p->call("three")), QByteArray("three"));
}

void TestCommandWorker::childKilledFromOutsideFailsThatCallAndTheNextSucceeds()
{
    auto p =
        shPool(QStringLiteral("while read l; do [ \"$l\" = slow ] && sleep 30; echo $l; done"));
    QCOMPARE(output(p->call("warm")), QByteArray("warm"));
    const qint64 pgid = p->workers.at(0)->childPid();
    QVERIFY(pgid > 0);
    Result<std::any> slow{std::any{}};
    std::thread caller([&] { slow = p->call("slow"); });
    QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pgid), 2, 10000); // sh and its sleep
    QCOMPARE(::kill(static_cast<pid_t>(pgid), SIGKILL), 0);
    caller.join();
    QCOMPARE(slow.error(), make_error_code(PoolErrc::WorkerThrew));
    QVERIFY2(slow.message().find("killed by signal 9") != std::string::npos,
             slow.message().c_str());
    QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pgid), 0, 10000); // the sleep went with it
    QCOMPARE(output(p->call("next")), QByteArray("next"));
    QVERIFY(p->workers.at(0)->childPid() != pgid);
}

void TestCommandWorker::signalInterruptFreesTheWorkerWithinTheGrace()
{
    auto p =
        shPool(QStringLiteral("while read l; do [ \"$l\" = slow ] && sleep 30; echo $l; done"));
    const qint64 pgid = p->workers.at(0)->childPid();
    QCOMPARE(p->call("slow", 300ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QElapsedTimer freed;
    freed.start();
    QTRY_VERIFY_WITH_TIMEOUT(p->state() != WorkerState::Abandoned, 10000);
    QVERIFY2(freed.elapsed() < 2000, qPrintable(QString::number(freed.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pgid), 0, 10000);
    QCOMPARE(output(p->call("fast")), QByteArray("fast")); // a restarted coprocess
    QCOMPARE(p->workload->childrenStarted(), 2);
}

void TestCommandWorker::signalInterruptKillsAChildIgnoringSigterm()
{
    // Ignored dispositions survive exec, so neither sh nor its sleep dies of SIGTERM.
    auto p = shPool(QStringLiteral("trap '' TERM; while read l; do sleep 30; echo $l; done"));
    const qint64 pgid = p->workers.at(0)->childPid();
    QCOMPARE(p->call("slow", 300ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QElapsedTimer freed;
    freed.start();
    QTRY_VERIFY_WITH_TIMEOUT(p->state() != WorkerState::Abandoned, 10000);
    const qint64 ms = freed.elapsed();
    QVERIFY2(ms >= 150 && ms < 3000, qPrintable(QString::number(ms))); // the grace, then SIGKILL
    QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pgid), 0, 10000);
}

void TestCommandWorker::signalInterruptStopsAnExecChild()
{
    auto p = shPool(QStringLiteral("sleep 30"), 1, QStringLiteral("exec"));
    QCOMPARE(p->call("x", 300ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QTRY_VERIFY_WITH_TIMEOUT(p->state() != WorkerState::Abandoned, 2000);
}

void TestCommandWorker::ignoreKeepsTheWorkerBusyUntilTheChildAnswers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("go"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const auto release = [&] {
        return std::thread([fifo] {
            const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY);
            [[maybe_unused]] const auto n = ::write(fd, "go\n", 3);
            ::close(fd);
        });
    };
    auto p = shPool(QStringLiteral("while read l; do read go < \"$1\"; echo $l; done"), 1,
                    QStringLiteral("coprocess"), QStringLiteral("ignore"), fifo);
    QCOMPARE(p->call("first", 200ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QCOMPARE(p->state(), WorkerState::Abandoned);
    // Still busy: a second call waits its whole timeout and is never dispatched.
    QCOMPARE(p->call("second", 300ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QCOMPARE(p->state(), WorkerState::Abandoned);
    std::thread answerFirst = release();
    QTRY_VERIFY_WITH_TIMEOUT(p->state() != WorkerState::Abandoned, 10000);
    answerFirst.join();
    std::thread answerThird = release();
    QCOMPARE(output(p->call("third")), QByteArray("third")); // the late answer went nowhere
    answerThird.join();
    QCOMPARE(p->workload->childrenStarted(), 1); // never signalled, never restarted
}

void TestCommandWorker::writingToAChildThatClosedItsStdinRaisesNoSigpipe()
{
    auto p = shPool(QStringLiteral("exec 0<&-; sleep 30"));
    const qint64 pid = p->workers.at(0)->childPid();
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1/fd/0").arg(pid)), 10000);
    // The write meets EPIPE; SIGPIPE's default action would end this test process here.
    QCOMPARE(p->call("x", 300ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pid), 0, 10000);
}

void TestCommandWorker::closingEndsAnAbandonedIgnoredChild()
{
    auto p = shPool(QStringLiteral("while read l; do sleep 30; echo $l; done"), 1,
                    QStringLiteral("coprocess"), QStringLiteral("ignore"));
    const qint64 pgid = p->workers.at(0)->childPid();
    QCOMPARE(p->call("slow", 200ms).error(), make_error_code(PoolErrc::JobTimedOut));
    QCOMPARE(p->state(), WorkerState::Abandoned);
    Pool* pool = p->pool.get();
    QVERIFY(returnsWithin([pool] { pool->close(); }, 10s)); // not the 30 s sleep
    QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pgid), 0, 10000);
}

void TestCommandWorker::liveArgsChangeRestartsTheCoprocess()
{
    auto p = shPool(QStringLiteral("while read l; do echo \"a$l\"; done"));
    QCOMPARE(output(p->call("1")), QByteArray("a1"));
    const qint64 first = p->workers.at(0)->childPid();
    QVERIFY(!p->workload->setParam(
        QStringLiteral("args"),
        QStringList{QStringLiteral("-c"), QStringLiteral("while read l; do echo \"b$l\"; done")}));
    QCOMPARE(output(p->call("2")), QByteArray("b2"));
    QCOMPARE(p->workload->childrenStarted(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(first), 0, 10000);
}

void TestCommandWorker::missingProgramIsRefusedWithItsPath()
{
    const QString missing = QStringLiteral("/nonexistent/shoal-no-such-program");
    ParamError error = CommandWorkload::checkProgram(missing);
    QCOMPARE(error.code, ParamError::Code::Unusable);
    QCOMPARE(error.param, QStringLiteral("program"));
    QVERIFY2(error.detail.contains(missing), qPrintable(error.detail));

    error = CommandWorkload::checkProgram(QStringLiteral("shoal-no-such-program"));
    QVERIFY2(error.detail.contains(QStringLiteral("shoal-no-such-program: not found on PATH")),
             qPrintable(error.detail));

    QTemporaryDir dir;
    QFile plain(dir.filePath(QStringLiteral("plain")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    error = CommandWorkload::checkProgram(plain.fileName());
    QVERIFY2(error.detail.contains(plain.fileName() + QStringLiteral(": not executable")),
             qPrintable(error.detail));
    error = CommandWorkload::checkProgram(dir.path());
    QVERIFY2(error.detail.contains(QStringLiteral("is a directory")), qPrintable(error.detail));

    QString resolved;
    QVERIFY(!CommandWorkload::checkProgram(QStringLiteral("sh"), &resolved));
    QVERIFY2(QFileInfo(resolved).isAbsolute(), qPrintable(resolved));

    error = {};
    QVERIFY(!CommandWorkload::create({{QStringLiteral("program"), missing}}, nullptr, error));
    QVERIFY(error.detail.contains(missing));
    auto workload = command({});
    QCOMPARE(workload->setParam(QStringLiteral("program"), missing).code,
             ParamError::Code::Unusable);
    QCOMPARE(workload->params().value(QStringLiteral("program")).toString(),
             QStringLiteral("cat")); // refused: nothing changed
    QCOMPARE(workload->setParam(QStringLiteral("args"), 5).code, ParamError::Code::WrongType);
}

void TestCommandWorker::programThatCannotStartFailsThePoolConstructor()
{
    QTemporaryDir dir;
    QFile bogus(dir.filePath(QStringLiteral("bogus")));
    QVERIFY(bogus.open(QIODevice::WriteOnly));
    bogus.write("\x7f"
                "ELF not really");
    bogus.close();
    bogus.setPermissions(QFile::ReadOwner | QFile::ExeOwner);
    auto workload = command({{QStringLiteral("program"), bogus.fileName()}});
    try {
        Pool pool(2, [&] { return workload->makeWorker(); });
        QFAIL("the pool was built");
    } catch (const std::runtime_error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(bogus.fileName()), e.what());
    }
    QCOMPARE(workload->childrenStarted(), 0);
}

void TestCommandWorker::floodingChildKeepsMemoryBounded()
{
    const qint64 before = residentKiB();
    // 100 MB without a line break: the answer is cut at the cap and the call fails.
    auto noLine = std::make_unique<CommandPool>();
    noLine->workload = command(
        {{QStringLiteral("program"), QStringLiteral("head")},
         {QStringLiteral("args"), QStringList{QStringLiteral("-c"), QStringLiteral("100000000"),
                                              QStringLiteral("/dev/zero")}}});
    noLine->pool = std::make_unique<Pool>(1, [&] { return noLine->workload->makeWorker(); });
    const auto cut = noLine->call("x");
    QCOMPARE(cut.error(), make_error_code(PoolErrc::WorkerThrew));
    QVERIFY2(cut.message().find("longer than") != std::string::npos, cut.message().c_str());
    // exec output over the cap fails too.
    auto execFlood =
        shPool(QStringLiteral("head -c 100000000 /dev/zero"), 1, QStringLiteral("exec"));
    const auto tooMuch = execFlood->call("x");
    QVERIFY2(tooMuch.message().find("more than") != std::string::npos, tooMuch.message().c_str());
    // 50 MB of stderr is drained and only its end kept; the answer still arrives.
    auto errFlood = shPool(QStringLiteral("head -c 50000000 /dev/zero | tr '\\0' e >&2; echo done"),
                           1, QStringLiteral("exec"));
    QCOMPARE(output(errFlood->call("x", 60s)), QByteArray("done"));
    // An endless stream of lines answers one line per call.
    auto yes = std::make_unique<CommandPool>();
    yes->workload = command({{QStringLiteral("program"), QStringLiteral("yes")}});
    yes->pool = std::make_unique<Pool>(1, [&] { return yes->workload->makeWorker(); });
    for (int i = 0; i < 100; ++i)
        QCOMPARE(output(yes->call("x")), QByteArray("y"));
    const qint64 grown = residentKiB() - before;
    QVERIFY2(grown < 48 * 1024, qPrintable(QStringLiteral("%1 KiB").arg(grown)));
}

void TestCommandWorker::closeLeavesNoProcessBehind()
{
    // Each coprocess leaves a grandchild that would outlive a plain kill of the child.
    auto p = shPool(QStringLiteral("sleep 1000 & while read l; do echo $l; done"), 3);
    std::vector<qint64> groups;
    for (CommandWorker* worker : p->workers)
        groups.push_back(worker->childPid());
    for (int i = 0; i < 6; ++i)
        QCOMPARE(output(p->call(QByteArray::number(i))), QByteArray::number(i));
    for (qint64 pgid : groups)
        QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pgid), 2, 10000);
    p->pool->close();
    for (qint64 pgid : groups)
        QTRY_COMPARE_WITH_TIMEOUT(livingInGroup(pgid), 0, 10000);
}

QTEST_GUILESS_MAIN(TestCommandWorker)
#include "tst_commandworker.moc"
