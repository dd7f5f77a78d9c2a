// The lab's own costs, measured in one run:
//   generator - open-loop arrivals at fixed offered rates into a pool of 2 trivial workers
//               (Pool::fromFunction returning its payload): calls/s offered and completed,
//               latency from the intended start; then closed loop with 64 callers (the most a
//               pool of 2 completes). Any offered rate the pool keeps up with must be offered in
//               full: the target is at least 50,000 calls/s on a 2-core machine.
//   sampler   - a whole Session (synthetic workload, meanMs 0, closed loop, 2 workers) with the
//               sampler at 100 ms and at 1 s, in alternating pairs: completed calls/s of each and
//               the median of the pairs' differences (must stay under 2%); and the session
//               thread's cost of one sample, which bounds what the sampler can take away.
// Options: --only generator|sampler, --seconds S (per measured run), --repeats N (sampler),
// --rates a,b,c (generator, offered calls/s). Google Benchmark's --benchmark_* options (passed
// by scripts/bench) are ignored.

#include "benchcommandline.h"

#include "lab/loadgenerator.h"
#include "lab/metricssampler.h"
#include "lab/session.h"
#include "lab/sessionhost.h"

#include "pool/pool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

using namespace shoal;
using namespace std::chrono_literals;

namespace {

struct Options {
    QString only;                                  ///< empty = every section
    double seconds = 3;                            ///< per measured run
    int repeats = 9;                               ///< sampler run pairs (100 ms, 1 s)
    QList<double> rates{50'000, 200'000, 800'000}; ///< offered calls per second
};

[[noreturn]] void fail(const QString& why)
{
    bench::fail("bench_lab", why);
}

Options parse(const QStringList& args)
{
    Options o;
    for (const auto& [a, v] : bench::options(args, "bench_lab")) {
        if (a == QStringLiteral("--only")) {
            o.only = v;
        } else if (a == QStringLiteral("--seconds")) {
            o.seconds = v.toDouble();
        } else if (a == QStringLiteral("--repeats")) {
            o.repeats = v.toInt();
        } else if (a == QStringLiteral("--rates")) {
            o.rates.clear();
            for (const QString& r : v.split(QLatin1Char(',')))
                o.rates.append(r.toDouble());
        } else {
            fail(QStringLiteral("unknown option %1").arg(a));
        }
    }
    if (o.seconds <= 0 || o.repeats <= 0)
        fail(QStringLiteral("--seconds and --repeats must be positive"));
    return o;
}

double ms(std::chrono::nanoseconds ns)
{
    return static_cast<double>(ns.count()) / 1e6;
}

/// One generator run: returns after \a seconds of steady offering (after a 0.5 s warm-up).
void generatorRun(const QString& label, const LoadGenerator::Settings& settings, double seconds)
{
    auto pool = Pool::fromFunction(2, [](std::any in) { return in; });
    LoadGenerator generator(
        *pool, [](quint64 n) { return std::any(n); }, settings);
    generator.start();
    std::this_thread::sleep_for(500ms);
    const CallCounters before = generator.counters();
    const LatencyHistogram latencyBefore = generator.latency();
    QElapsedTimer window;
    window.start();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const CallCounters after = generator.counters();
    LatencyHistogram latency = generator.latency();
    const double elapsed = static_cast<double>(window.nsecsElapsed()) / 1e9;
    latency.subtract(latencyBefore);
    generator.stopOffering();
    pool->close();
    std::printf("%-24s %12.0f %12.0f %9.3f %9.3f %9.3f %11lld\n", qPrintable(label),
                static_cast<double>(after.submitted - before.submitted) / elapsed,
                static_cast<double>(after.completed - before.completed) / elapsed,
                ms(latency.percentile(0.5)), ms(latency.percentile(0.99)), ms(latency.max()),
                static_cast<long long>(generator.peakOutstanding()));
    std::fflush(stdout);
}

void generatorSection(const Options& o)
{
    std::printf("\n== generator: trivial calls into a pool of 2 workers, %.0f s per row\n",
                o.seconds);
    std::printf("%-24s %12s %12s %9s %9s %9s %11s\n", "load", "offered/s", "completed/s", "p50 ms",
                "p99 ms", "max ms", "peak out");
    for (const double rate : o.rates) {
        LoadGenerator::Settings s;
        s.mode = ArrivalMode::Open;
        s.process = ArrivalProcess::Poisson;
        s.ratePerSec = rate;
        generatorRun(QStringLiteral("open, Poisson %1/s").arg(rate), s, o.seconds);
    }
    LoadGenerator::Settings closed;
    closed.mode = ArrivalMode::Closed;
    closed.callers = 64;
    generatorRun(QStringLiteral("closed, 64 callers"), closed, o.seconds);
    closed.api = CallApi::ProcessCtx;
    closed.timeoutMs = 1000;
    generatorRun(QStringLiteral("closed, 64, processCtx"), closed, o.seconds);
}

/// One Session run; returns completed calls per second.
double sessionRun(int periodMs, double seconds)
{
    Scenario s;
    s.name = QStringLiteral("sampler-cost");
    s.workloadKind = QStringLiteral("synthetic");
    s.workloadParams = {{QStringLiteral("meanMs"), 0.0}};
    s.poolSize = 2;
    s.arrivalMode = ArrivalMode::Closed;
    s.callers = 32;
    s.durationSec = seconds;
    s.samplerPeriodMs = periodMs;
    SessionHost host;
    Session* session = host.session();
    QEventLoop loop;
    RunSummary summary;
    QObject::connect(session, &Session::runFinished, &loop, [&](const RunSummary& r) {
        summary = r;
        loop.quit();
    });
    QMetaObject::invokeMethod(
        session,
        [session, s] {
            session->loadScenario(s);
            session->start();
        },
        Qt::QueuedConnection);
    loop.exec();
    if (!summary.identityHolds)
        fail(QStringLiteral("the accounting identity did not hold"));
    return static_cast<double>(summary.counters.completed) / summary.activeSec;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// The session thread's cost of one row: the generator's and the pool's probes plus the
/// sampler, for a pool of 8 busy workers.
void sampleCost()
{
    auto pool = Pool::fromFunction(8, [](std::any in) { return in; });
    LoadGenerator::Settings s;
    s.mode = ArrivalMode::Closed;
    s.callers = 16;
    LoadGenerator generator(
        *pool, [](quint64 n) { return std::any(n); }, s);
    generator.start();
    MetricsSampler sampler;
    constexpr int n = 2000;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < n; ++i) {
        MetricsSampler::Input in;
        in.tSec = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        in.counters = generator.counters();
        const LatencyHistogram latency = generator.latency();
        const LatencyHistogram queueWait = pool->queueWaitHistogram();
        const LatencyHistogram service = pool->serviceHistogram();
        in.latency = &latency;
        in.queueWait = &queueWait;
        in.service = &service;
        in.poolSize = pool->size();
        in.poolInFlight = pool->inFlight();
        const auto workers = pool->workers();
        in.abandonedWorkers = static_cast<int>(
            std::count_if(workers.begin(), workers.end(),
                          [](const WorkerProbe& w) { return w.state == WorkerState::Abandoned; }));
        sampler.sample(in);
    }
    const double perSample = static_cast<double>(clock.nsecsElapsed()) / 1e3 / n;
    generator.stopOffering();
    pool->close();
    std::printf("one sample (8 busy workers): %.1f us of the session thread\n", perSample);
}

void samplerSection(const Options& o)
{
    std::printf("\n== sampler: a Session, synthetic meanMs 0, 2 workers, 32 callers, %.0f s per "
                "run, %d pairs\n",
                o.seconds, o.repeats);
    std::vector<double> fast;
    std::vector<double> slow;
    std::vector<double> differences;
    for (int i = 0; i < o.repeats; ++i) {
        // Alternate which setting goes first, so that a drift in the machine's speed hurts both.
        const bool fastFirst = i % 2 == 0;
        const double first = sessionRun(fastFirst ? 100 : 1000, o.seconds);
        const double second = sessionRun(fastFirst ? 1000 : 100, o.seconds);
        fast.push_back(fastFirst ? first : second);
        slow.push_back(fastFirst ? second : first);
        differences.push_back((fast.back() - slow.back()) / slow.back() * 100);
        std::printf("pair %d: sampler 100 ms %.0f calls/s, sampler 1 s %.0f calls/s, %+.2f%%\n",
                    i + 1, fast.back(), slow.back(), differences.back());
        std::fflush(stdout);
    }
    std::printf("median: sampler 100 ms %.0f calls/s, sampler 1 s %.0f calls/s; median of the "
                "pairs' differences %+.2f%%\n",
                median(fast), median(slow), median(differences));
    sampleCost();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const Options o = parse(app.arguments());
    if (o.only.isEmpty() || o.only == QStringLiteral("generator"))
        generatorSection(o);
    if (o.only.isEmpty() || o.only == QStringLiteral("sampler"))
        samplerSection(o);
    return 0;
}
