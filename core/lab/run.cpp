#include "run.h"

#include "errandqueue.h"
#include "loadgenerator.h"
#include "scenariomodel.h"

#include "pool/pool.h"
#include "workloads/ratelimiter.h"
#include "workloads/switchableworkload.h"
#include "workloads/workload.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace shoal {
namespace {

/// Events kept per run: they come from people and timelines, but a slider dragged for an hour
/// must not grow memory without bound; the oldest are dropped first.
constexpr qsizetype kMaxEvents = 100'000;

double toMs(std::chrono::nanoseconds ns)
{
    return static_cast<double>(ns.count()) / 1e6;
}

/// A percentile of \a histogram in ms, NaN when it is empty.
double percentileMs(const LatencyHistogram& histogram, double q)
{
    return histogram.count() > 0 ? toMs(histogram.percentile(q)) : MetricsRow::None;
}

double limitOf(const Scenario& s)
{
    return s.limiterEnabled ? s.limiterRate : RateLimiter::Inf;
}

} // namespace

Run::Parts Run::build(const Scenario& s)
{
    Parts parts;
    parts.limiter = std::make_shared<RateLimiter>(limitOf(s), s.limiterBurst);
    std::shared_ptr<Workload> built =
        makeWorkload(s.workloadKind, s.workloadParams, parts.limiter, parts.paramError);
    if (!built)
        return parts;
    // Switchable, so that the kind can change during the run.
    parts.workload = std::make_shared<SwitchableWorkload>(std::move(built));
    try {
        auto workload = parts.workload;
        parts.pool =
            std::make_shared<Pool>(s.poolSize, [workload] { return workload->makeWorker(); });
        parts.pool->setMaxWaiting(s.maxWaiting);
        parts.pool->setDispatchOrder(s.dispatchOrder);
    } catch (const std::exception& e) {
        parts.poolFailure = QString::fromLocal8Bit(e.what());
    }
    return parts;
}

Run::Run(Parts parts, const Scenario& s)
    : m_limiter(std::move(parts.limiter))
    , m_workload(std::move(parts.workload))
    , m_pool(std::move(parts.pool))
    , m_name(s.name)
{
    m_pool->setMaxWaiting(s.maxWaiting);
    m_pool->setDispatchOrder(s.dispatchOrder);
    m_limiter->setLimit(limitOf(s));
    m_limiter->setBurst(s.limiterBurst);
    const QVariantMap built = m_workload->params();
    for (auto it = s.workloadParams.cbegin(); it != s.workloadParams.cend(); ++it) {
        if (built.value(it.key()) != it.value())
            m_workload->setParam(it.key(), it.value());
    }

    LoadGenerator::Settings settings;
    settings.mode = s.arrivalMode;
    settings.process = s.arrivalProcess;
    settings.ratePerSec = s.ratePerSec;
    settings.callers = s.callers;
    settings.thinkMs = s.thinkMs;
    settings.seed = s.seed;
    settings.api = s.callApi;
    settings.timeoutMs = s.timeoutMs;
    settings.maxCalls = s.jobs;
    auto workload = m_workload;
    m_generator = std::make_shared<LoadGenerator>(
        *m_pool, [workload](quint64 n) { return workload->makePayload(n); }, settings);
}

Run::~Run() = default;

bool Run::needsResize(const Scenario& scenario) const
{
    return m_pool->size() != scenario.poolSize;
}

MeasuredWindow::Reading Run::reading(double tSec) const
{
    MeasuredWindow::Reading r;
    r.tSec = tSec;
    r.counters = m_generator->counters();
    r.latency = m_generator->latency();
    r.queueWait = m_pool->queueWaitHistogram();
    r.service = m_pool->serviceHistogram();
    r.poolSize = m_pool->size();
    return r;
}

MetricsRow Run::takeRow(double tSec, const Scenario& current, bool running,
                        QList<WorkerProbe>* workers)
{
    MetricsSampler::Input in;
    in.tSec = tSec;
    in.counters = m_generator->counters();
    const LatencyHistogram latency = m_generator->latency();
    const LatencyHistogram queueWait = m_pool->queueWaitHistogram();
    const LatencyHistogram service = m_pool->serviceHistogram();
    in.latency = &latency;
    in.queueWait = &queueWait;
    in.service = &service;
    in.poolSize = m_pool->size();
    in.poolInFlight = m_pool->inFlight();
    const std::vector<WorkerProbe> probes = m_pool->workers();
    in.abandonedWorkers =
        static_cast<int>(std::count_if(probes.begin(), probes.end(), [](const WorkerProbe& p) {
            return p.state == WorkerState::Abandoned;
        }));
    // An unlimited bucket has no tokens to show: none, rather than its burst.
    in.limiterTokens = std::isinf(m_limiter->limit()) ? MetricsRow::None : m_limiter->tokens();
    in.times = m_generator->timeTotals();
    in.busyTime = m_pool->busyTime();
    // The model of the settings in force now; a change inside the interval leaves it out.
    Scenario now = current;
    now.poolSize = in.poolSize;
    const ModelPrediction model =
        ScenarioModel::predict(now, std::exchange(m_changedSinceRow, false));
    in.predictedLatencyP95Ms = model.latencyP95Ms.value_or(MetricsRow::None);
    in.predictedQueueWaitP95Ms = model.queueWaitP95Ms.value_or(MetricsRow::None);

    const MetricsRow row = m_sampler.sample(in);
    if (running)
        m_steady.offer({in.tSec, in.times, latency, queueWait, in.busyTime, in.poolSize});
    m_history.append(row);
    m_peakWaiting = std::max(m_peakWaiting, row.waiting);
    m_peakInFlight = std::max(m_peakInFlight, row.inFlight);
    m_peakAbandoned = std::max(m_peakAbandoned, row.abandonedWorkers);
    const QList<WorkerProbe> seen(probes.begin(), probes.end());
    m_lanes.append(row.tSec, seen);
    if (workers)
        *workers = seen;
    return row;
}

RunSummary Run::summarize(const Scenario& current, double elapsedSec, double activeSec) const
{
    RunSummary s;
    s.presetName = m_name;
    s.elapsedSec = elapsedSec;
    s.activeSec = activeSec;
    s.counters = m_generator->counters();
    s.poolCounters = m_pool->counters();
    const LatencyHistogram latency = m_generator->latency();
    s.latencyP50Ms = percentileMs(latency, 0.50);
    s.latencyP95Ms = percentileMs(latency, 0.95);
    s.latencyP99Ms = percentileMs(latency, 0.99);
    s.latencyMaxMs = latency.count() > 0 ? toMs(latency.max()) : MetricsRow::None;
    const LatencyHistogram queueWait = m_pool->queueWaitHistogram();
    const LatencyHistogram service = m_pool->serviceHistogram();
    s.queueWaitP95Ms = percentileMs(queueWait, 0.95);
    s.serviceP95Ms = percentileMs(service, 0.95);
    s.spectrum = LatencySpectrum::of(latency, queueWait, service);
    s.offeredPerSec = activeSec > 0 ? static_cast<double>(s.counters.submitted) / activeSec : 0;
    s.throughputPerSec =
        elapsedSec > 0 ? static_cast<double>(s.counters.completed) / elapsedSec : 0;
    s.peakWaiting = m_peakWaiting;
    s.peakInFlight = m_peakInFlight;
    s.peakOutstanding = m_generator->peakOutstanding();
    s.peakAbandoned = m_peakAbandoned;
    s.identityHolds = s.counters.outstanding() == 0;
    s.poolAgrees = s.poolCounters == s.counters;
    s.drained = m_drained;
    s.samples = m_history.appended();
    s.events = m_events.size();
    // The model of the settings the steady part ran with: it ends before any later change.
    s.steady = m_steady.measurement();
    // Without a steady part, the size in force: the closed pool's own size is 0 by now.
    Scenario steady = current;
    if (s.steady.poolSize > 0)
        steady.poolSize = s.steady.poolSize;
    s.model = ScenarioModel::predict(steady);
    return s;
}

void Run::record(const RunEvent& event)
{
    m_changedSinceRow = true;
    if (event.what != QLatin1StringView("stop"))
        m_steady.restart(event.tSec);
    if (m_events.size() >= kMaxEvents)
        m_events.removeFirst();
    m_events.append(event);
}

void Run::beginDrain()
{
    m_generator->stopOffering();
    m_drainSince.start();
    m_drainDecided = false;
}

Run::DrainStep Run::drainStep(double drainSec)
{
    const bool quiet = m_generator->counters().outstanding() == 0;
    if (!m_drainDecided) {
        const bool late = m_drainSince.elapsed() >= static_cast<qint64>(std::ceil(drainSec * 1000));
        if (!quiet && !late)
            return DrainStep::Wait;
        m_drainDecided = true;
        m_drained = quiet;
        return DrainStep::ClosePool;
    }
    return quiet && m_poolClosed->load(std::memory_order_acquire) ? DrainStep::Done
                                                                  : DrainStep::Wait;
}

void Run::release(ErrandQueue& errands)
{
    if (!live())
        return;
    // Calls without a deadline of their own are canceled here, which interrupts their running
    // jobs; the pool's close then fails whatever still waits. After a finished run nothing is
    // outstanding and this changes nothing.
    m_generator->dropAll();
    // Moved, not copied: the errand must hold the last references, so that the pool is closed
    // and joined on the errand thread, after the generator has let go of it.
    errands.post([pool = std::move(m_pool), generator = std::move(m_generator),
                  workload = std::move(m_workload), limiter = std::move(m_limiter)]() mutable {
        pool->close();
        generator.reset();
        pool.reset();
        workload.reset();
        limiter.reset();
    });
}

} // namespace shoal
