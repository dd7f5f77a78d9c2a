// The chaos soak: one real Session, driven for SHOAL_SOAK_SECONDS (default 60) by a seeded random
// operator who starts runs of every workload kind, changes every live setting, bursts, cancels,
// closes pools, pauses, stops and drops runs, with failures injected (a synthetic failure rate,
// an image folder holding a corrupt and a truncated file, the command workload's children killed
// from outside). At the end: the accounting identity held on every row and every summary, every
// run ended within its drain, every thread and every child process the runs made is gone, and
// memory after the warm-up (a first pass of each kind at the largest pool, and the first 20% of
// the time) did not grow by more than 10%.
//
//   SHOAL_SOAK_SECONDS=3600 tst_chaossoak     an hour (scripts/soak 3600)
//   SHOAL_SOAK_SEED=1234 tst_chaossoak        replays the operator of an earlier run

#include "lab/session.h"
#include "testsupport/processes.h"
#include "testsupport/threads.h"

#include "workloads/corpusgenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <malloc.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>

using namespace shoal;
using testsupport::childrenOfThisProcess;
using testsupport::threadCount;

namespace {

constexpr int kLong = 120'000; ///< generous: a loaded 2-core machine, or a sanitizer build
/// How long past its drain time a run may take to finish: the drain gives up on outstanding
/// calls and closes the pool, which then waits for the jobs still running (at most a few hundred
/// milliseconds here); the rest is room for a loaded machine.
constexpr double kDrainSlackSec = 15;

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
/// A sanitizer's allocator keeps freed memory in quarantine and its shadow memory grows with the
/// history it records; resident memory says nothing about the program there. The normal build,
/// which CI soaks, checks it.
constexpr bool kChecksMemory = false;
#else
constexpr bool kChecksMemory = true;
#endif

/// Resident memory in bytes, after handing freed memory back to the system (so that what is
/// measured is what the program holds, not what the allocator keeps cached).
qint64 residentBytes()
{
    malloc_trim(0);
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

double envSeconds()
{
    bool ok = false;
    const double seconds = qEnvironmentVariable("SHOAL_SOAK_SECONDS").toDouble(&ok);
    return ok && seconds > 0 ? seconds : 60;
}

quint64 envSeed()
{
    bool ok = false;
    const quint64 seed = qEnvironmentVariable("SHOAL_SOAK_SEED").toULongLong(&ok);
    return ok ? seed : std::random_device{}();
}

/// The seeded operator's dice.
class Dice {
public:
    explicit Dice(quint64 seed)
        : m_engine(seed)
    {}
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_engine); }
    double real(double lo, double hi)
    {
        return std::uniform_real_distribution<double>(lo, hi)(m_engine);
    }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_engine); }
    template <class T>
    const T& pick(const QList<T>& list)
    {
        return list.at(integer(0, static_cast<int>(list.size()) - 1));
    }

private:
    std::mt19937_64 m_engine;
};

/// A folder of small images with a corrupt JPEG and a truncated PNG among them: the corpus finds
/// both by their signatures, and their jobs fail.
bool makeImageFolder(const QString& folder)
{
    for (int i = 0; i < 6; ++i) {
        const QImage image = CorpusGenerator::render(QSize(160 + 40 * i, 120 + 20 * i), 7 + i);
        const QString name = QStringLiteral("photo%1.%2")
                                 .arg(i)
                                 .arg(i % 2 ? QStringLiteral("png") : QStringLiteral("jpg"));
        if (!image.save(QDir(folder).filePath(name)))
            return false;
    }
    QFile corrupt(QDir(folder).filePath(QStringLiteral("corrupt.jpg")));
    if (!corrupt.open(QIODevice::WriteOnly))
        return false;
    corrupt.write(QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(4096, '\x5A'));
    corrupt.close();
    QFile whole(QDir(folder).filePath(QStringLiteral("photo1.png")));
    QFile truncated(QDir(folder).filePath(QStringLiteral("truncated.png")));
    if (!whole.open(QIODevice::ReadOnly) || !truncated.open(QIODevice::WriteOnly))
        return false;
    const QByteArray bytes = whole.readAll();
    truncated.write(bytes.left(bytes.size() / 2));
    return true;
}

const QList<QString> kKinds{QStringLiteral("hash"), QStringLiteral("image"),
                            QStringLiteral("synthetic"), QStringLiteral("command")};

/// The command workload's programs, every one on any Debian machine: an echo, a shell loop that
/// takes a while per line (a grandchild per call: the process group must take it along), and a
/// digest.
QVariantMap randomCommand(Dice& dice)
{
    const bool exec = dice.chance(0.3);
    const QString slowLoop =
        QStringLiteral("while read l; do sleep 0.0%1; echo \"$l\"; done").arg(dice.integer(1, 5));
    QVariantMap params;
    switch (dice.integer(0, 2)) {
    case 0:
        params = {{QStringLiteral("program"), QStringLiteral("cat")}};
        break;
    case 1:
        params = {{QStringLiteral("program"), QStringLiteral("sh")},
                  {QStringLiteral("args"),
                   QStringList{QStringLiteral("-c"),
                               exec ? QStringLiteral("sleep 0.01; cat") : slowLoop}}};
        break;
    default:
        params = {{QStringLiteral("program"),
                   exec ? QStringLiteral("sha256sum") : QStringLiteral("cat")}};
        break;
    }
    params.insert(QStringLiteral("mode"),
                  exec ? QStringLiteral("exec") : QStringLiteral("coprocess"));
    params.insert(QStringLiteral("input"), QStringLiteral("call {n}"));
    params.insert(QStringLiteral("interrupt"),
                  dice.chance(0.7) ? QStringLiteral("signal") : QStringLiteral("ignore"));
    return params;
}

/// Records the process group \a child leads. A child caught between its spawn and its
/// setpgid() is still in this process's own group, which must not be counted as its.
void recordGroup(const testsupport::ProcessEntry& child, std::set<qint64>& groups)
{
    if (child.group == child.pid)
        groups.insert(child.group);
}

/// Kills one of this process's children, as a person or the system would from outside: the
/// pool's workers must fail that call and restart the child. Records every child's process
/// group so that the end can check each is empty.
QString killAChild(Dice& dice, std::set<qint64>& groups)
{
    QList<testsupport::ProcessEntry> living;
    for (const testsupport::ProcessEntry& child : childrenOfThisProcess()) {
        recordGroup(child, groups);
        if (!child.zombie)
            living.append(child);
    }
    if (living.isEmpty())
        return QStringLiteral("kill (no child)");
    const int signal = dice.chance(0.5) ? SIGKILL : SIGTERM;
    ::kill(static_cast<pid_t>(dice.pick(living).pid), signal);
    return signal == SIGKILL ? QStringLiteral("kill -KILL") : QStringLiteral("kill -TERM");
}

/// What is left of the command runs' processes: this process's children (zombies included:
/// a child nobody reaped is a leak too) and anything still living in one of \a groups (a
/// grandchild the group should have taken along). Empty when nothing is left.
QString leftoverProcesses(const std::set<qint64>& groups)
{
    QStringList left;
    const qint64 self = QCoreApplication::applicationPid();
    for (const testsupport::ProcessEntry& p : testsupport::processTable()) {
        if (p.parent == self || (groups.count(p.group) > 0 && !p.zombie))
            left.append(QStringLiteral("pid %1 (group %2%3)")
                            .arg(p.pid)
                            .arg(p.group)
                            .arg(p.zombie ? QStringLiteral(", unreaped") : QString()));
    }
    return left.join(QStringLiteral(", "));
}

Scenario randomScenario(Dice& dice, const QString& imageFolder, int run)
{
    Scenario s;
    s.name = QStringLiteral("chaos-%1").arg(run);
    s.workloadKind = dice.pick(kKinds);
    if (s.workloadKind == QStringLiteral("command")) {
        s.workloadParams = randomCommand(dice);
    } else if (s.workloadKind == QStringLiteral("hash")) {
        s.workloadParams = {{QStringLiteral("payloadBytes"), qint64(dice.integer(1, 256) << 10)}};
    } else if (s.workloadKind == QStringLiteral("image")) {
        s.workloadParams = {
            {QStringLiteral("folder"), imageFolder},
            {QStringLiteral("targetSize"), qint64(dice.integer(16, 128))},
            {QStringLiteral("format"),
             dice.pick(QList<QString>{QStringLiteral("png"), QStringLiteral("jpeg")})}};
    } else {
        s.workloadParams = {
            {QStringLiteral("distribution"),
             dice.pick(QList<QString>{QStringLiteral("fixed"), QStringLiteral("uniform"),
                                      QStringLiteral("exponential"), QStringLiteral("lognormal"),
                                      QStringLiteral("bimodal")})},
            {QStringLiteral("meanMs"), dice.real(0, 20)},
            {QStringLiteral("slowMs"), dice.real(20, 150)},
            {QStringLiteral("mode"),
             dice.chance(0.8) ? QStringLiteral("sleep") : QStringLiteral("spin")},
            {QStringLiteral("honourInterrupt"), dice.chance(0.7)},
            {QStringLiteral("failureRate"), dice.real(0, 0.3)},
            {QStringLiteral("gpuSlots"), qint64(dice.chance(0.2) ? dice.integer(1, 3) : 0)},
            {QStringLiteral("seed"), qint64(dice.integer(0, 1'000'000))}};
    }
    s.poolSize = dice.integer(1, 16);
    s.maxWaiting = dice.chance(0.3) ? dice.integer(0, 500) : -1;
    s.callApi =
        dice.pick(QList<CallApi>{CallApi::Process, CallApi::ProcessTimed, CallApi::ProcessCtx});
    s.timeoutMs = dice.chance(0.3) ? 0 : dice.real(1, 200);
    s.arrivalMode = dice.chance(0.7) ? ArrivalMode::Open : ArrivalMode::Closed;
    s.arrivalProcess = dice.chance(0.5) ? ArrivalProcess::Constant : ArrivalProcess::Poisson;
    s.ratePerSec = dice.real(10, 2000);
    s.callers = dice.integer(1, 64);
    s.thinkMs = dice.chance(0.5) ? 0 : dice.real(0, 20);
    s.seed = static_cast<quint64>(dice.integer(1, 1'000'000));
    s.limiterEnabled = dice.chance(0.3);
    s.limiterRate = dice.real(5, 5000);
    s.limiterBurst = dice.integer(1, 50);
    s.durationSec = dice.real(1.5, 6);
    s.drainSec = dice.real(0.2, 2);
    s.samplerPeriodMs = dice.pick(QList<int>{50, 100, 250});
    return s;
}

/// One random live change or action; its name for the tally.
QString act(Session& session, Dice& dice, std::set<qint64>& groups)
{
    const bool command = session.scenario().workloadKind == QStringLiteral("command");
    switch (dice.integer(0, 17)) {
    case 0:
        session.setPoolSize(dice.integer(0, 16));
        return QStringLiteral("setPoolSize");
    case 1:
        session.setCallApi(dice.pick(
            QList<CallApi>{CallApi::Process, CallApi::ProcessTimed, CallApi::ProcessCtx}));
        return QStringLiteral("setCallApi");
    case 2:
        session.setTimeoutMs(dice.chance(0.2) ? 0 : dice.real(1, 300));
        return QStringLiteral("setTimeoutMs");
    case 3:
        session.setArrivalRate(dice.real(0, 3000));
        return QStringLiteral("setArrivalRate");
    case 4:
        session.setCallers(dice.integer(0, 64));
        return QStringLiteral("setCallers");
    case 5:
        session.setThinkMs(dice.real(0, 20));
        return QStringLiteral("setThinkMs");
    case 6:
        session.setLimiterEnabled(dice.chance(0.5));
        return QStringLiteral("setLimiterEnabled");
    case 7:
        session.setLimiterRate(dice.real(1, 5000));
        return QStringLiteral("setLimiterRate");
    case 8:
        session.setLimiterBurst(dice.integer(1, 100));
        return QStringLiteral("setLimiterBurst");
    case 9:
        session.setMaxWaiting(dice.chance(0.3) ? -1 : dice.integer(0, 1000));
        return QStringLiteral("setMaxWaiting");
    case 10:
    case 11:
        session.burst(dice.integer(1, 500));
        return QStringLiteral("burst");
    case 12:
        if (session.scenario().callApi != CallApi::ProcessCtx)
            session.setCallApi(CallApi::ProcessCtx); // so that there is something to cancel
        session.cancelAll();
        return QStringLiteral("cancelAll");
    case 13:
        if (dice.chance(0.3)) {
            session.closePool();
            return QStringLiteral("closePool");
        }
        session.setPoolSize(dice.integer(1, 8));
        return QStringLiteral("setPoolSize");
    case 14:
        if (session.state() == RunState::Running) {
            session.pause();
            return QStringLiteral("pause");
        }
        session.resume();
        return QStringLiteral("resume");
    case 15:
        if (command)
            return killAChild(dice, groups);
        if (session.scenario().workloadKind == QStringLiteral("synthetic")) {
            session.setWorkloadParam(QStringLiteral("failureRate"), dice.real(0, 0.5));
            return QStringLiteral("setParam failureRate");
        }
        if (session.scenario().workloadKind == QStringLiteral("hash")) {
            session.setWorkloadParam(QStringLiteral("payloadBytes"),
                                     qint64(dice.integer(1, 512) << 10));
            return QStringLiteral("setParam payloadBytes");
        }
        session.setWorkloadParam(QStringLiteral("targetSize"), qint64(dice.integer(16, 200)));
        return QStringLiteral("setParam targetSize");
    case 16:
        if (command && dice.chance(0.5)) {
            session.setWorkloadParam(QStringLiteral("interrupt"), dice.chance(0.5)
                                                                      ? QStringLiteral("signal")
                                                                      : QStringLiteral("ignore"));
            return QStringLiteral("setParam interrupt");
        }
        if (command && session.scenario().workloadParams.value(QStringLiteral("program")) !=
                           QStringLiteral("sha256sum")) { // which answers only at the input's end
            session.setWorkloadParam(QStringLiteral("mode"), dice.chance(0.5)
                                                                 ? QStringLiteral("exec")
                                                                 : QStringLiteral("coprocess"));
            return QStringLiteral("setParam mode");
        }
        if (session.scenario().workloadKind == QStringLiteral("synthetic")) {
            session.setWorkloadParam(QStringLiteral("meanMs"), dice.real(0, 30));
            return QStringLiteral("setParam meanMs");
        }
        session.setSamplerPeriodMs(dice.pick(QList<int>{50, 100, 200}));
        return QStringLiteral("setSamplerPeriodMs");
    default:
        if (command)
            return killAChild(dice, groups);
        session.setSamplerPeriodMs(dice.pick(QList<int>{50, 100, 200}));
        return QStringLiteral("setSamplerPeriodMs");
    }
}

} // namespace

class TestChaosSoak : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomOperationsKeepEveryPromiseForTheWholeSoak();
};

void TestChaosSoak::randomOperationsKeepEveryPromiseForTheWholeSoak()
{
#if defined(__SANITIZE_THREAD__)
    // Qt's image scaling splits work over Qt's uninstrumented global pool (see tests/tsan.supp).
    QThreadPool::globalInstance()->setMaxThreadCount(1);
#endif
    // The corrupt images are refused by the image readers thousands of times, each with a
    // warning from Qt's worker threads; the failed calls are what is checked, not the noise.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*=false"));
    const double totalSec = envSeconds();
    const quint64 seed = envSeed();
    qInfo("chaos soak: %.0f s, seed %llu (replay with SHOAL_SOAK_SEED=%llu)", totalSec,
          static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
    Dice dice(seed);

    QTemporaryDir images;
    QVERIFY(makeImageFolder(images.path()));
    const int baselineThreads = threadCount();

    auto session = std::make_unique<Session>();
    qint64 rows = 0;
    qint64 badRows = 0;
    QString firstBadRow;
    connect(session.get(), &Session::sampleAvailable, this, [&](const Sample& sample) {
        ++rows;
        if (!sample.row.identityHolds()) {
            if (++badRows == 1)
                firstBadRow = QStringLiteral("t=%1 submitted=%2 finished=%3 waiting=%4 "
                                             "inFlight=%5")
                                  .arg(sample.row.tSec)
                                  .arg(sample.row.submitted)
                                  .arg(sample.row.finished())
                                  .arg(sample.row.waiting)
                                  .arg(sample.row.inFlight);
        }
    });
    std::map<SessionError::Code, int> errors;
    QString firstUnexpectedError;
    connect(session.get(), &Session::errorOccurred, this, [&](const SessionError& e) {
        ++errors[e.code];
        // NotNow is the operator's fault (an action just as a run ended); a refused value or a
        // failing pool would be the lab's.
        if (e.code != SessionError::Code::NotNow && firstUnexpectedError.isEmpty())
            firstUnexpectedError = QStringLiteral("%1 (code %2): %3")
                                       .arg(e.what)
                                       .arg(static_cast<int>(e.code))
                                       .arg(e.detail);
    });
    QElapsedTimer drainClock;
    connect(session.get(), &Session::stateChanged, this, [&](RunState state) {
        if (state == RunState::Draining)
            drainClock.start();
    });
    QSignalSpy finished(session.get(), &Session::runFinished);

    QElapsedTimer soak;
    soak.start();
    const auto elapsedSec = [&] { return static_cast<double>(soak.elapsed()) / 1000.0; };
    int runs = 0;
    int finishedRuns = 0;
    int droppedRuns = 0;
    qint64 calls = 0;
    qint64 completed = 0;
    qint64 events = 0;
    double worstDrainOverrunSec = 0;
    std::map<QString, int> actions;
    std::map<QString, int> kinds;
    qint64 rssWarm = -1;
    qint64 rssPeak = 0;
    QStringList rssTrace;         ///< "t:MiB" after each finished run
    std::set<qint64> childGroups; ///< every process group a command run's children made

    while (elapsedSec() < totalSec) {
        Scenario s = randomScenario(dice, images.path(), ++runs);
        const bool warmingUp = runs <= kKinds.size();
        if (warmingUp) {
            // The warm-up pass: each kind once at the largest size the operator uses, so that
            // what is measured later is growth, not the first use of sixteen workers' buffers.
            s = randomScenario(dice, images.path(), runs);
            s.workloadKind = kKinds.at(runs - 1);
            s.workloadParams.clear();
            if (s.workloadKind == QStringLiteral("hash"))
                s.workloadParams = {{QStringLiteral("payloadBytes"), qint64(512) << 10}};
            else if (s.workloadKind == QStringLiteral("image"))
                s.workloadParams = {{QStringLiteral("folder"), images.path()},
                                    {QStringLiteral("targetSize"), qint64(200)}};
            s.poolSize = 16;
            s.arrivalMode = ArrivalMode::Open;
            s.ratePerSec = 3000;
            s.durationSec = 1.5;
        }
        ++kinds[s.workloadKind];
        const qsizetype before = finished.size();
        session->loadScenario(s);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(session->state() != RunState::Preparing, kLong);
        QVERIFY2(session->state() == RunState::Running, qPrintable(firstUnexpectedError));

        if (warmingUp)
            session->burst(500);
        // The operator plays until the run ends by itself or its turn is over.
        const double turnEnd = std::min(totalSec, elapsedSec() + dice.real(1, 8));
        while (elapsedSec() < turnEnd &&
               (session->state() == RunState::Running || session->state() == RunState::Paused)) {
            QTest::qWait(dice.integer(5, 300));
            if (!warmingUp &&
                (session->state() == RunState::Running || session->state() == RunState::Paused))
                ++actions[act(*session, dice, childGroups)];
            for (const testsupport::ProcessEntry& child : childrenOfThisProcess())
                recordGroup(child, childGroups);
        }
        if (session->state() == RunState::Running || session->state() == RunState::Paused) {
            if (!warmingUp && dice.chance(0.25)) {
                // As a window closing or "reset": dropped at once, no summary.
                session->reset();
                ++droppedRuns;
                QCOMPARE(session->state(), RunState::Idle);
                QTRY_VERIFY2_WITH_TIMEOUT(leftoverProcesses(childGroups).isEmpty(),
                                          qPrintable(leftoverProcesses(childGroups)), kLong);
                continue;
            }
            session->stop();
        }
        // Every run ends within its drain time (plus the running jobs' own time).
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() > before, kLong);
        const double drainSec = static_cast<double>(drainClock.elapsed()) / 1000.0;
        worstDrainOverrunSec = std::max(worstDrainOverrunSec, drainSec - s.drainSec);
        QVERIFY2(drainSec <= s.drainSec + kDrainSlackSec,
                 qPrintable(QStringLiteral("run %1 took %2 s to drain").arg(runs).arg(drainSec)));
        const RunSummary summary = finished.last().at(0).value<RunSummary>();
        QVERIFY2(summary.identityHolds, qPrintable(QString::number(runs)));
        QVERIFY2(summary.poolAgrees, qPrintable(QString::number(runs)));
        ++finishedRuns;
        // The run's pool is closed: its children and their groups went with it.
        QTRY_VERIFY2_WITH_TIMEOUT(leftoverProcesses(childGroups).isEmpty(),
                                  qPrintable(leftoverProcesses(childGroups)), kLong);
        calls += summary.counters.submitted;
        completed += summary.counters.completed;
        events += summary.events;

        const qint64 rss = residentBytes();
        rssPeak = std::max(rssPeak, rss);
        rssTrace.append(QStringLiteral("%1s:%2")
                            .arg(elapsedSec(), 0, 'f', 0)
                            .arg(static_cast<double>(rss) / (1 << 20), 0, 'f', 1));
        if (rssWarm < 0 && runs > kKinds.size() && elapsedSec() >= 0.2 * totalSec)
            rssWarm = rss;
    }
    const qint64 rssEnd = residentBytes();
    if (rssWarm < 0)
        rssWarm = rssEnd; // the first run outlasted the warm-up
    const int threadsBeforeEnd = threadCount();

    // The session goes as a window's would; every pool, pacer and errand thread goes with it.
    session.reset();
    QThreadPool::globalInstance()->waitForDone(); // Qt's own image threads, idle ones included
    // The process-wide deadline timer thread starts with the first timed call and stays.
    const int allowed = baselineThreads + 1;
    QTRY_VERIFY_WITH_TIMEOUT(threadCount() <= allowed, kLong);
    const int threadsAfter = threadCount();
    QTRY_VERIFY2_WITH_TIMEOUT(leftoverProcesses(childGroups).isEmpty(),
                              qPrintable(leftoverProcesses(childGroups)), kLong);

    qInfo("chaos soak: %.1f s, %d runs (%d finished, %d dropped; hash %d, image %d, synthetic "
          "%d, command %d), %lld calls (%lld completed), %lld events, %lld rows",
          elapsedSec(), runs, finishedRuns, droppedRuns, kinds[QStringLiteral("hash")],
          kinds[QStringLiteral("image")], kinds[QStringLiteral("synthetic")],
          kinds[QStringLiteral("command")], calls, completed, events, rows);
    qInfo("chaos soak: %zu process groups of command children, none left at the end",
          childGroups.size());
    QStringList tally;
    for (const auto& [name, count] : actions)
        tally.append(QStringLiteral("%1 %2").arg(name).arg(count));
    qInfo("chaos soak: actions: %s", qPrintable(tally.join(QStringLiteral(", "))));
    qInfo("chaos soak: threads %d at the start, %d with the session idle, %d at the end "
          "(at most %d allowed)",
          baselineThreads, threadsBeforeEnd, threadsAfter, allowed);
    qInfo("chaos soak: RSS %.1f MiB after warm-up, %.1f MiB at the end (%+.1f%%), peak %.1f MiB",
          static_cast<double>(rssWarm) / (1 << 20), static_cast<double>(rssEnd) / (1 << 20),
          100.0 * static_cast<double>(rssEnd - rssWarm) / static_cast<double>(rssWarm),
          static_cast<double>(rssPeak) / (1 << 20));
    qInfo("chaos soak: RSS after each run (MiB): %s", qPrintable(rssTrace.join(QLatin1Char(' '))));
    qInfo("chaos soak: worst drain overrun %.2f s; refusals as the run ended (NotNow) %d",
          worstDrainOverrunSec, errors[SessionError::Code::NotNow]);

    QVERIFY2(badRows == 0, qPrintable(firstBadRow));
    QVERIFY2(firstUnexpectedError.isEmpty(), qPrintable(firstUnexpectedError));
    QVERIFY(finishedRuns > 0);
    QVERIFY(calls > 0);
    if (!kChecksMemory)
        QSKIP("resident memory is not checked in a sanitizer build; everything else held");
    QVERIFY2(rssEnd <= rssWarm + rssWarm / 10,
             qPrintable(QStringLiteral("RSS grew from %1 to %2 bytes").arg(rssWarm).arg(rssEnd)));
}

int main(int argc, char* argv[])
{
    // QtTest's watchdog ends a test function after five minutes; the soak runs as long as asked,
    // and the watchdog still ends a hung one ten minutes after that.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT",
                QByteArray::number(static_cast<qint64>((envSeconds() + 600) * 1000)));
    QCoreApplication app(argc, argv);
    TestChaosSoak test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_chaossoak.moc"
