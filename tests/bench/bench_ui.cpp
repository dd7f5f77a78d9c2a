// The window's own costs, measured in one run:
//   tick       - the GUI thread's work per 10 Hz tick with an hour of history in the charts
//                (36,000 rows, 16 workers in the lanes): one new sample into the charts and
//                the status bar, refresh() (one replace() per series) and a full synchronous
//                repaint of the window, for each chart window. Target: under 5 ms per tick.
//   throughput - the same CPU-bound run (SHA-256 of 256 KiB, 2 workers, 4 closed-loop
//                callers) with no window and with the window open and drawing, in alternating
//                pairs, the session on its own thread as in the app: completed calls per second
//                of run time, and the median ratio window/headless (target: within 3%); and
//                the share of a core the GUI thread used, which the machine's noise does not
//                blur.
// The window is drawn on the offscreen platform (raster, like a desktop without GPU).
// Options: --only tick|throughput, --seconds S (per run), --repeats N (pairs), --ticks N.
// Google Benchmark's --benchmark_* options (passed by scripts/bench) are ignored.

#include "benchcommandline.h"

#include "ui/chartpanel.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/runstatusbar.h"

#include "lab/session.h"
#include "lab/sessionhost.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace shoal;

namespace {

struct Options {
    QString only;       ///< empty = every section
    double seconds = 8; ///< per throughput run
    int repeats = 3;    ///< throughput pairs
    int ticks = 100;    ///< measured ticks per chart window
};

[[noreturn]] void fail(const QString& why)
{
    bench::fail("bench_ui", why);
}

Options parse(const QStringList& args)
{
    Options o;
    for (const auto& [a, v] : bench::options(args, "bench_ui")) {
        bool ok = true;
        if (a == QStringLiteral("--only"))
            o.only = v;
        else if (a == QStringLiteral("--seconds"))
            o.seconds = v.toDouble(&ok);
        else if (a == QStringLiteral("--repeats"))
            o.repeats = v.toInt(&ok);
        else if (a == QStringLiteral("--ticks"))
            o.ticks = v.toInt(&ok);
        else
            fail(QStringLiteral("unknown option %1").arg(a));
        if (!ok)
            fail(QStringLiteral("%1: not a number: %2").arg(a, v));
    }
    return o;
}

Sample sampleAt(int n, int workers)
{
    Sample s;
    MetricsRow& r = s.row;
    r.tSec = n * 0.1;
    r.intervalSec = 0.1;
    r.poolSize = workers;
    r.submitted = n * 1000L + 20;
    r.completed = n * 1000L;
    r.waiting = 5 + n % 13;
    r.inFlight = workers;
    r.throughputPerSec = 10'000 + (n * 37) % 900;
    r.timeoutsPerSec = n % 50 == 0 ? 12 : 0;
    r.offeredPerSec = 10'200;
    r.latencyP50Ms = 2 + (n % 11) * 0.1;
    r.latencyP95Ms = 6 + (n % 17) * 0.2;
    r.latencyP99Ms = 9 + (n % 23) * 0.5;
    r.queueWaitP95Ms = 1 + (n % 7) * 0.1;
    r.serviceP95Ms = 3;
    r.limiterTokens = (n % 20) - 10;
    for (int id = 1; id <= workers; ++id) {
        WorkerProbe p;
        p.id = id;
        p.state = (n + id) % 5 == 0   ? WorkerState::Idle
                  : (n + id) % 7 == 0 ? WorkerState::Blocked
                                      : WorkerState::Busy;
        s.workers.append(p);
    }
    s.state = RunState::Running;
    s.runSec = r.tSec;
    s.progress = 0.5;
    return s;
}

void tick(const Options& o)
{
    Session session; // idle: the window only needs its facade
    LanguageSwitcher languages;
    languages.setLanguage(QStringLiteral("en"));
    MainWindow window(&session, &languages);
    window.resize(1500, 940);
    window.show();
    QCoreApplication::processEvents();

    constexpr int workers = 16;
    constexpr int hour = 36'000;
    for (int n = 1; n <= hour; ++n)
        window.charts()->appendSample(sampleAt(n, workers).row, sampleAt(n, workers).workers);
    for (int e = 0; e < 120; ++e) // a live change every 30 s
        window.charts()->addEvent(
            {e * 30.0, QStringLiteral("pool.size"), QString::number(e), QString::number(e + 1)});

    std::printf("tick: one hour of history (%lld rows kept of %lld), %d workers, 120 markers, "
                "window 1500x940\n",
                static_cast<long long>(window.charts()->rowsKept()),
                static_cast<long long>(window.charts()->rowsReceived()), workers);
    std::printf("%-12s %10s %10s %10s %10s\n", "window", "mean ms", "p95 ms", "max ms",
                "refresh ms");
    const std::pair<ChartPanel::Window, const char*> windows[] = {
        {ChartPanel::Window::Last30Sec, "30 s"},
        {ChartPanel::Window::Last2Min, "2 min"},
        {ChartPanel::Window::Last10Min, "10 min"},
        {ChartPanel::Window::All, "whole run"},
    };
    int n = hour;
    for (const auto& [w, name] : windows) {
        window.charts()->setWindow(w);
        window.repaint();
        std::vector<double> ms;
        double refreshMs = 0;
        for (int i = 0; i < o.ticks; ++i) {
            ++n;
            const Sample s = sampleAt(n, workers);
            QElapsedTimer t;
            t.start();
            window.charts()->appendSample(s.row, s.workers);
            window.runStatus()->showSample(s);
            QElapsedTimer r;
            r.start();
            window.charts()->refresh();
            refreshMs += r.nsecsElapsed() / 1e6;
            // What the tick's updates lead to, painted at once: the charts, the lanes and the
            // status bar (the knobs and the log do not change with a sample).
            window.charts()->repaint();
            window.runStatus()->repaint();
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        double sum = 0;
        for (double v : ms)
            sum += v;
        std::printf("%-12s %10.2f %10.2f %10.2f %10.2f\n", name, sum / ms.size(),
                    ms[ms.size() * 95 / 100], ms.back(), refreshMs / o.ticks);
    }
}

/// The CPU time the calling thread has used, in ms.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// One run's outcome: completed calls per second of run time, and the share of one core the GUI
/// thread (the window's, or an idle event loop's) used meanwhile.
struct RunResult {
    double callsPerSec = 0;
    double guiCorePercent = 0;
};

/// One run, with or without the window.
RunResult runOnce(const Options& o, bool withWindow)
{
    SessionHost host;
    Session* session = host.session();
    LanguageSwitcher languages;
    languages.setLanguage(QStringLiteral("en"));
    std::unique_ptr<MainWindow> window;
    if (withWindow) {
        window = std::make_unique<MainWindow>(session, &languages);
        window->resize(1500, 940);
        window->show();
    }
    Scenario s;
    s.name = QStringLiteral("bench-ui");
    s.workloadKind = QStringLiteral("hash");
    s.workloadParams = {{QStringLiteral("payloadBytes"), qint64(256) << 10}};
    s.poolSize = 2;
    s.arrivalMode = ArrivalMode::Closed;
    s.callers = 4;
    s.durationSec = o.seconds;
    s.drainSec = 1;

    RunSummary summary;
    QEventLoop loop;
    QObject::connect(session, &Session::runFinished, &loop, [&](const RunSummary& r) {
        summary = r;
        loop.quit();
    });
    QMetaObject::invokeMethod(session, [session, s] {
        session->loadScenario(s);
        session->start();
    });
    QElapsedTimer wall;
    wall.start();
    const double cpuBefore = threadCpuMs();
    loop.exec();
    RunResult result;
    result.guiCorePercent = 100 * (threadCpuMs() - cpuBefore) / wall.elapsed();
    result.callsPerSec = summary.activeSec > 0 ? summary.counters.completed / summary.activeSec : 0;
    return result;
}

void throughput(const Options& o)
{
    std::printf("\nthroughput: SHA-256 of 256 KiB, 2 workers, 4 closed-loop callers, %.0f s per "
                "run, %d alternating pairs\n",
                o.seconds, o.repeats);
    std::printf("%-6s %14s %14s %8s %16s %16s\n", "pair", "headless /s", "window /s", "ratio",
                "GUI % (no win)", "GUI % (window)");
    std::vector<double> ratios;
    std::vector<double> guiShares;
    for (int i = 0; i < o.repeats; ++i) {
        // Alternate which goes first, so a drift of the machine hits both alike.
        RunResult headless;
        RunResult windowed;
        if (i % 2 == 0) {
            headless = runOnce(o, false);
            windowed = runOnce(o, true);
        } else {
            windowed = runOnce(o, true);
            headless = runOnce(o, false);
        }
        ratios.push_back(windowed.callsPerSec / headless.callsPerSec);
        guiShares.push_back(windowed.guiCorePercent);
        std::printf("%-6d %14.1f %14.1f %8.3f %16.2f %16.2f\n", i + 1, headless.callsPerSec,
                    windowed.callsPerSec, ratios.back(), headless.guiCorePercent,
                    windowed.guiCorePercent);
    }
    std::sort(ratios.begin(), ratios.end());
    std::sort(guiShares.begin(), guiShares.end());
    std::printf("median ratio window/headless: %.3f (target >= 0.97); the window's GUI thread "
                "used a median %.2f%% of one core\n",
                ratios[ratios.size() / 2], guiShares[guiShares.size() / 2]);
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // no settings of a real user are read or written
    QApplication app(argc, argv);
    const Options o = parse(QCoreApplication::arguments());
    if (o.only.isEmpty() || o.only == QStringLiteral("tick"))
        tick(o);
    if (o.only.isEmpty() || o.only == QStringLiteral("throughput"))
        throughput(o);
    return 0;
}
