#include "session.h"

#include "labmetatypes.h"
#include "loadgenerator.h"
#include "presetlibrary.h"
#include "runexport.h"
#include "runfile.h"
#include "scenariomodel.h"
#include "serialexecutor.h"
#include "settingstable.h"

#include "pool/pool.h"
#include "workloads/paramschema.h"
#include "workloads/ratelimiter.h"
#include "workloads/switchableworkload.h"
#include "workloads/workload.h"

#include <QJsonValue>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

namespace shoal {
namespace {

/// Events kept per run: they come from people and timelines, but a slider dragged for an hour
/// must not grow memory without bound; the oldest are dropped first.
constexpr qsizetype kMaxEvents = 100'000;

QString text(const QVariant& value)
{
    return SettingsTable::text(value);
}

double toMs(std::chrono::nanoseconds ns)
{
    return static_cast<double>(ns.count()) / 1e6;
}

/// A percentile of \a histogram in ms, NaN when it is empty.
double percentileMs(const LatencyHistogram& histogram, double q)
{
    return histogram.count() > 0 ? toMs(histogram.percentile(q)) : MetricsRow::None;
}

/// Milliseconds until \a seconds from now, rounded up, for a QTimer.
int msUntil(double seconds)
{
    return static_cast<int>(std::clamp(std::ceil(seconds * 1000.0), 0.0, 2'000'000'000.0));
}

} // namespace

struct Session::Prepared {
    std::shared_ptr<RateLimiter> limiter;
    std::shared_ptr<SwitchableWorkload> workload;
    std::shared_ptr<Pool> pool;
    ParamError paramError; ///< the workload refused its parameters
    QString poolFailure;   ///< the pool could not be built
};

Session::Session(QObject* parent)
    : QObject(parent)
    , m_scenario(PresetLibrary::defaultScenario())
    , m_errands(std::make_unique<SerialExecutor>())
    , m_sampleTimer(new QTimer(this))
    , m_timelineTimer(new QTimer(this))
    , m_endTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
{
    registerLabMetaTypes();
    m_sampleTimer->setTimerType(Qt::PreciseTimer);
    m_timelineTimer->setTimerType(Qt::PreciseTimer);
    m_timelineTimer->setSingleShot(true);
    m_endTimer->setTimerType(Qt::PreciseTimer);
    m_endTimer->setSingleShot(true);
    connect(m_sampleTimer, &QTimer::timeout, this, &Session::onSampleTick);
    connect(m_timelineTimer, &QTimer::timeout, this, &Session::onTimelineDue);
    connect(m_endTimer, &QTimer::timeout, this, &Session::beginDrain);
    // Polled faster than the sampling period, so that a run starts, and ends (its summary's
    // elapsed time stopping), within a few milliseconds.
    m_pollTimer->setInterval(5);
    connect(m_pollTimer, &QTimer::timeout, this, &Session::poll);
}

Session::~Session()
{
    releaseRun();
    m_errands.reset(); // waits for the pool to close
}

bool Session::runActive() const
{
    return m_pool && (m_state == RunState::Running || m_state == RunState::Paused ||
                      m_state == RunState::Draining);
}

void Session::setState(RunState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Session::fail(SessionError error)
{
    Q_EMIT errorOccurred(error);
}

void Session::notNow(const QString& what)
{
    SessionError e;
    e.code = SessionError::Code::NotNow;
    e.what = what;
    e.state = m_state;
    fail(std::move(e));
}

bool Session::accept(const Setting& setting, const QVariant& value, QVariant* normalized)
{
    ScenarioError error =
        SettingsTable::check(setting, QJsonValue::fromVariant(value), setting.path, normalized);
    if (!error)
        return true;
    SessionError e;
    e.code = SessionError::Code::InvalidValue;
    e.what = setting.path;
    e.scenario = std::move(error);
    fail(std::move(e));
    return false;
}

void Session::record(const QString& what, const QString& oldValue, const QString& newValue)
{
    const RunEvent event{wallSec(), what, oldValue, newValue};
    m_changedSinceRow = true;
    if (what != QLatin1StringView("stop"))
        m_steady.restart(event.tSec);
    if (m_events.size() >= kMaxEvents)
        m_events.removeFirst();
    m_events.append(event);
    Q_EMIT eventRecorded(event);
}

// --- configuration -------------------------------------------------------------------------------

void Session::loadScenario(const Scenario& scenario)
{
    if (runActive() || m_state == RunState::Preparing) {
        notNow(QStringLiteral("loadScenario"));
        return;
    }
    m_scenario = scenario;
    Q_EMIT scenarioChanged(m_scenario);
}

void Session::loadPreset(const QString& nameOrFile)
{
    if (runActive() || m_state == RunState::Preparing) {
        notNow(QStringLiteral("loadPreset"));
        return;
    }
    ScenarioError error;
    const std::optional<Scenario> scenario = PresetLibrary::load(nameOrFile, &error);
    if (!scenario) {
        SessionError e;
        e.code = SessionError::Code::PresetRefused;
        e.what = nameOrFile;
        e.scenario = std::move(error);
        fail(std::move(e));
        return;
    }
    loadScenario(*scenario);
}

// --- run control -------------------------------------------------------------------------------

void Session::start()
{
    if (m_state != RunState::Idle && m_state != RunState::Finished) {
        notNow(QStringLiteral("start"));
        return;
    }
    const quint64 generation = ++m_generation;
    m_runScenario = m_scenario;
    m_windowStart.reset();
    m_lastWindow = MeasuredWindow();
    setState(RunState::Preparing);
    auto prepared = std::make_shared<Prepared>();
    m_errands->post([this, generation, prepared, s = m_scenario] {
        prepared->limiter = std::make_shared<RateLimiter>(
            s.limiterEnabled ? s.limiterRate : RateLimiter::Inf, s.limiterBurst);
        std::shared_ptr<Workload> built =
            makeWorkload(s.workloadKind, s.workloadParams, prepared->limiter, prepared->paramError);
        if (built) {
            // Switchable, so that the kind can change during the run.
            prepared->workload = std::make_shared<SwitchableWorkload>(std::move(built));
            try {
                auto workload = prepared->workload;
                prepared->pool = std::make_shared<Pool>(
                    s.poolSize, [workload] { return workload->makeWorker(); });
                prepared->pool->setMaxWaiting(s.maxWaiting);
                prepared->pool->setDispatchOrder(s.dispatchOrder);
            } catch (const std::exception& e) {
                prepared->poolFailure = QString::fromLocal8Bit(e.what());
            }
        }
        reportBack([this, generation, prepared] { onPrepared(generation, prepared); });
    });
    m_pollTimer->start();
}

void Session::onPrepared(quint64 generation, std::shared_ptr<Prepared> prepared)
{
    if (generation != m_generation || m_state != RunState::Preparing) {
        // Superseded by reset() or stop(): the pool is closed where it may block.
        if (auto pool = std::move(prepared->pool))
            m_errands->post([pool = std::move(pool)]() mutable { pool.reset(); });
        return;
    }
    if (prepared->paramError) {
        setState(RunState::Idle);
        SessionError e;
        e.code = SessionError::Code::WorkloadRefused;
        e.what = QStringLiteral("start");
        e.param = prepared->paramError;
        fail(std::move(e));
        return;
    }
    if (!prepared->pool) {
        setState(RunState::Idle);
        SessionError e;
        e.code = SessionError::Code::PoolFailed;
        e.what = QStringLiteral("start");
        e.detail = prepared->poolFailure;
        fail(std::move(e));
        return;
    }

    m_limiter = std::move(prepared->limiter);
    m_workload = std::move(prepared->workload);
    m_pool = std::move(prepared->pool);
    m_poolClosed = std::make_shared<std::atomic<bool>>(false);
    const Scenario& s = m_scenario;

    // Changes made while the run was being prepared.
    if (m_pool->size() != s.poolSize) {
        const int size = s.poolSize;
        poolErrand(QStringLiteral("pool.size"), [size](Pool& pool) { pool.setSize(size); });
    }
    m_pool->setMaxWaiting(s.maxWaiting);
    m_pool->setDispatchOrder(s.dispatchOrder);
    m_limiter->setLimit(s.limiterEnabled ? s.limiterRate : RateLimiter::Inf);
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

    m_sampler.reset();
    m_history.clear();
    m_events.clear();
    m_lanes.clear();
    m_peakWaiting = 0;
    m_peakInFlight = 0;
    m_peakAbandoned = 0;
    m_changedSinceRow = false;
    m_steady = {};
    m_runName = s.name;
    m_timeline = s.timeline;
    std::stable_sort(m_timeline.begin(), m_timeline.end(),
                     [](const auto& a, const auto& b) { return a.atSec < b.atSec; });
    m_nextEntry = 0;
    m_drainDecided = false;
    m_drained = false;
    m_activeNs = 0;
    m_wall.start();
    m_activeSince.start();

    // The row at t = 0 is taken before the first call: taken after, the few calls made in its
    // fraction of a millisecond would read as thousands per second.
    QList<WorkerProbe> workers;
    const MetricsRow first = takeRow(&workers);
    m_generator->start();
    setState(RunState::Running);
    m_sampleTimer->start(s.samplerPeriodMs);
    scheduleTimers();
    Q_EMIT sampleAvailable(Sample{first, workers, m_state, 0.0, progress(first)});
}

void Session::pause()
{
    if (m_state != RunState::Running) {
        notNow(QStringLiteral("pause"));
        return;
    }
    m_generator->pause();
    m_activeNs += m_activeSince.nsecsElapsed();
    m_activeSince.invalidate();
    m_timelineTimer->stop();
    m_endTimer->stop();
    setState(RunState::Paused);
    record(QStringLiteral("pause"), QString(), QString());
}

void Session::resume()
{
    if (m_state != RunState::Paused) {
        notNow(QStringLiteral("resume"));
        return;
    }
    m_generator->resume();
    m_activeSince.start();
    setState(RunState::Running);
    scheduleTimers();
    record(QStringLiteral("resume"), QString(), QString());
}

void Session::stop()
{
    switch (m_state) {
    case RunState::Preparing:
        ++m_generation;
        setState(RunState::Idle);
        return;
    case RunState::Running:
    case RunState::Paused:
        record(QStringLiteral("stop"), QString(), QString());
        beginDrain();
        return;
    case RunState::Idle:
    case RunState::Draining:
    case RunState::Finished:
        notNow(QStringLiteral("stop"));
        return;
    }
}

void Session::reset()
{
    ++m_generation;
    m_windowStart.reset();
    releaseRun();
    m_history.clear();
    m_events.clear();
    m_lanes.clear();
    setState(RunState::Idle);
}

void Session::scheduleTimers()
{
    if (m_state != RunState::Running)
        return;
    const double now = runSec();
    if (m_nextEntry < m_timeline.size())
        m_timelineTimer->start(msUntil(m_timeline.at(m_nextEntry).atSec - now));
    else
        m_timelineTimer->stop();
    if (m_scenario.jobs == 0)
        m_endTimer->start(msUntil(m_scenario.durationSec - now));
}

void Session::onTimelineDue()
{
    if (m_state != RunState::Running)
        return;
    // A timer may fire a little early; an entry within a millisecond is due.
    const double now = runSec() + 0.001;
    while (m_nextEntry < m_timeline.size() && m_timeline.at(m_nextEntry).atSec <= now) {
        apply(m_timeline.at(m_nextEntry));
        ++m_nextEntry;
        if (m_state != RunState::Running)
            return;
    }
    scheduleTimers();
}

void Session::apply(const Scenario::TimelineEntry& entry)
{
    if (const Setting* setting = SettingsTable::ofAction(entry.action)) {
        set(setting->path, entry.value);
        return;
    }
    switch (entry.action) {
    case Scenario::Action::Burst:
        burst(entry.value.toInt());
        break;
    case Scenario::Action::CancelAll:
        cancelAll();
        break;
    case Scenario::Action::ClosePool:
        closePool();
        break;
    case Scenario::Action::SetParam:
        setWorkloadParam(entry.key, entry.value);
        break;
    default:
        break;
    }
}

void Session::beginDrain()
{
    if (m_state != RunState::Running && m_state != RunState::Paused)
        return;
    if (m_state == RunState::Running) {
        m_activeNs += m_activeSince.nsecsElapsed();
        m_activeSince.invalidate();
    }
    m_generator->stopOffering();
    if (m_windowStart) {
        m_lastWindow = MeasuredWindow::between(*m_windowStart, reading());
        m_windowStart.reset();
    }
    m_timelineTimer->stop();
    m_endTimer->stop();
    m_drainSince.start();
    m_drainDecided = false;
    setState(RunState::Draining);
}

void Session::beginWindow()
{
    if (m_state != RunState::Running) {
        notNow(QStringLiteral("beginWindow"));
        return;
    }
    m_windowStart = std::make_unique<MeasuredWindow::Reading>(reading());
}

void Session::reportBack(std::function<void()> report)
{
    std::lock_guard lock(m_reportMutex);
    m_reports.push_back(std::move(report));
}

void Session::poll()
{
    std::vector<std::function<void()>> reports;
    {
        std::lock_guard lock(m_reportMutex);
        reports.swap(m_reports);
    }
    for (auto& report : reports)
        report();
    if (m_state == RunState::Idle || m_state == RunState::Finished) {
        m_pollTimer->stop();
        return;
    }
    if (m_state == RunState::Running && m_scenario.jobs > 0 && m_generator->isOfferingDone())
        beginDrain();
    if (m_state != RunState::Draining)
        return;
    const bool quiet = m_generator->counters().outstanding() == 0;
    const bool late =
        m_drainSince.elapsed() >= static_cast<qint64>(std::ceil(m_scenario.drainSec * 1000));
    if (!m_drainDecided && (quiet || late)) {
        // Whatever is still waiting then ends as notRunning; running jobs finish first.
        m_drainDecided = true;
        m_drained = quiet;
        requestPoolClose();
    }
    if (quiet && m_poolClosed->load(std::memory_order_acquire))
        finishRun();
}

void Session::requestPoolClose()
{
    poolErrand(QStringLiteral("closePool"), [closed = m_poolClosed](Pool& pool) {
        pool.close();
        closed->store(true, std::memory_order_release);
    });
}

void Session::finishRun()
{
    m_sampleTimer->stop();
    QList<WorkerProbe> workers;
    const MetricsRow row = takeRow(&workers);

    RunSummary s;
    s.presetName = m_runName;
    s.elapsedSec = wallSec();
    s.activeSec = runSec();
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
    s.offeredPerSec = s.activeSec > 0 ? static_cast<double>(s.counters.submitted) / s.activeSec : 0;
    s.throughputPerSec =
        s.elapsedSec > 0 ? static_cast<double>(s.counters.completed) / s.elapsedSec : 0;
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
    Scenario current = m_scenario;
    current.poolSize = s.steady.poolSize > 0 ? s.steady.poolSize : m_pool->size();
    s.model = ScenarioModel::predict(current);
    m_lastSummary = s;

    releaseRun();
    setState(RunState::Finished);
    Q_EMIT sampleAvailable(Sample{row, workers, m_state, s.activeSec, 1.0});
    Q_EMIT runFinished(s);
}

void Session::releaseRun()
{
    m_sampleTimer->stop();
    m_timelineTimer->stop();
    m_endTimer->stop();
    m_pollTimer->stop();
    if (m_generator) {
        // A run dropped with calls outstanding (reset(), or the session destroyed mid-run) must
        // end in about an interrupt's time, not a job's or every queued call's: calls without a
        // deadline of their own are canceled here, which interrupts their running jobs; the
        // pool's close then fails whatever still waits. After a finished run nothing is
        // outstanding and this changes nothing.
        m_generator->dropAll();
    }
    if (!m_pool && !m_generator)
        return;
    // Moved, not copied: the errand must hold the last references, so that the pool is closed
    // and joined on the errand thread, after the generator has let go of it.
    m_errands->post([pool = std::move(m_pool), generator = std::move(m_generator),
                     workload = std::move(m_workload), limiter = std::move(m_limiter)]() mutable {
        if (pool)
            pool->close();
        generator.reset();
        pool.reset();
        workload.reset();
        limiter.reset();
    });
}

void Session::poolErrand(const QString& what, std::function<void(Pool&)> errand)
{
    if (!m_pool)
        return;
    m_errands->post([this, pool = m_pool, errand = std::move(errand), what] {
        try {
            errand(*pool);
        } catch (const std::exception& e) {
            const QString detail = QString::fromLocal8Bit(e.what());
            reportBack([this, what, detail] {
                SessionError error;
                error.code = SessionError::Code::PoolFailed;
                error.what = what;
                error.detail = detail;
                fail(std::move(error));
            });
        }
    });
}

// --- sampling ------------------------------------------------------------------------------------

double Session::wallSec() const
{
    return m_wall.isValid() ? static_cast<double>(m_wall.nsecsElapsed()) / 1e9 : 0;
}

double Session::runSec() const
{
    const qint64 ns = m_activeNs + (m_activeSince.isValid() ? m_activeSince.nsecsElapsed() : 0);
    return static_cast<double>(ns) / 1e9;
}

double Session::progress(const MetricsRow& row) const
{
    if (m_state == RunState::Finished)
        return 1.0;
    if (m_scenario.jobs > 0)
        return std::min(1.0,
                        static_cast<double>(row.submitted) / static_cast<double>(m_scenario.jobs));
    return m_scenario.durationSec > 0 ? std::min(1.0, runSec() / m_scenario.durationSec) : 1.0;
}

MeasuredWindow::Reading Session::reading() const
{
    MeasuredWindow::Reading r;
    r.tSec = wallSec();
    r.counters = m_generator->counters();
    r.latency = m_generator->latency();
    r.queueWait = m_pool->queueWaitHistogram();
    r.service = m_pool->serviceHistogram();
    r.poolSize = m_pool->size();
    return r;
}

MetricsRow Session::takeRow(QList<WorkerProbe>* workers)
{
    MetricsSampler::Input in;
    in.tSec = wallSec();
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
    in.limiterTokens = m_limiter->tokens();
    in.times = m_generator->timeTotals();
    in.busyTime = m_pool->busyTime();
    // The model of the settings in force now; a change inside the interval leaves it out.
    Scenario current = m_scenario;
    current.poolSize = in.poolSize;
    const ModelPrediction model =
        ScenarioModel::predict(current, std::exchange(m_changedSinceRow, false));
    in.predictedLatencyP95Ms = model.latencyP95Ms.value_or(MetricsRow::None);
    in.predictedQueueWaitP95Ms = model.queueWaitP95Ms.value_or(MetricsRow::None);

    const MetricsRow row = m_sampler.sample(in);
    if (m_state == RunState::Running)
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

void Session::onSampleTick()
{
    if (!m_generator)
        return;
    QList<WorkerProbe> workers;
    const MetricsRow row = takeRow(&workers);
    Q_EMIT sampleAvailable(Sample{row, workers, m_state, runSec(), progress(row)});
}

// --- live settings -------------------------------------------------------------------------------

void Session::set(const QString& path, const QVariant& value)
{
    static const QString paramsPrefix = QStringLiteral("workload.params.");
    if (path.startsWith(paramsPrefix)) {
        setWorkloadParam(path.mid(paramsPrefix.size()), value);
        return;
    }
    if (path == QStringLiteral("workload.kind")) {
        setWorkloadKind(value.toString());
        return;
    }
    const Setting* setting = SettingsTable::find(path);
    if (!setting) {
        SessionError e;
        e.code = SessionError::Code::InvalidValue;
        e.what = path;
        e.scenario.code = ScenarioError::Code::UnknownKey;
        e.scenario.path = path;
        fail(std::move(e));
        return;
    }
    QVariant normalized;
    if (!accept(*setting, value, &normalized))
        return;
    const QVariant old = setting->get(m_scenario);
    if (old == normalized)
        return;
    if (runActive() && !setting->applyLive) {
        notNow(path);
        return;
    }
    setting->set(m_scenario, normalized);
    if (runActive()) {
        LiveRun live{*m_pool, *m_generator, *m_limiter,
                     [this](int size) {
                         poolErrand(QStringLiteral("pool.size"),
                                    [size](Pool& pool) { pool.setSize(size); });
                     },
                     [this](int periodMs) { m_sampleTimer->setInterval(periodMs); }};
        setting->applyLive(live, m_scenario);
        record(path, text(old), text(normalized));
    }
    Q_EMIT scenarioChanged(m_scenario);
}

void Session::setWorkloadKind(const QString& kind)
{
    QVariant normalized;
    if (!accept(*SettingsTable::find(QStringLiteral("workload.kind")), kind, &normalized))
        return;
    // The latest choice wins, also over a kind still being built.
    const quint64 request = ++m_kindRequest;
    if (kind == m_scenario.workloadKind)
        return;
    if (!runActive() || !m_workload) {
        m_scenario.workloadKind = kind;
        m_scenario.workloadParams.clear(); // the previous kind's parameters mean nothing here
        Q_EMIT scenarioChanged(m_scenario);
        return;
    }
    // Built where building may block; a reset in between drops it.
    const quint64 generation = m_generation;
    m_errands->post([this, generation, request, kind, limiter = m_limiter] {
        ParamError error;
        std::shared_ptr<Workload> built = makeWorkload(kind, {}, limiter, error);
        reportBack([this, generation, request, kind, built = std::move(built), error] {
            if (generation != m_generation || request != m_kindRequest || !runActive() ||
                !m_workload)
                return;
            if (!built) {
                SessionError e;
                e.code = SessionError::Code::WorkloadRefused;
                e.what = QStringLiteral("workload.kind");
                e.param = error;
                fail(std::move(e));
                return;
            }
            m_workload->setCurrent(built);
            const QString old = std::exchange(m_scenario.workloadKind, kind);
            m_scenario.workloadParams.clear();
            record(QStringLiteral("workload.kind"), old, kind);
            Q_EMIT scenarioChanged(m_scenario);
        });
    });
}

void Session::setWorkloadParam(const QString& key, const QVariant& value)
{
    const QString path = QStringLiteral("workload.params.") + key;
    const auto refuse = [&](const ParamError& error) {
        SessionError e;
        e.code = SessionError::Code::WorkloadRefused;
        e.what = path;
        e.param = error;
        fail(std::move(e));
    };
    const ParamSchema* schema = workloadSchema(m_scenario.workloadKind);
    const QVariant old = runActive() && m_workload
                             ? m_workload->params().value(key)
                             : m_scenario.workloadParams.value(key, schema->defaults().value(key));
    QVariant normalized;
    if (runActive() && m_workload) {
        if (const ParamError e = m_workload->setParam(key, value)) {
            refuse(e);
            return;
        }
        normalized = m_workload->params().value(key);
    } else if (const ParamError e = schema->check(key, value, &normalized)) {
        refuse(e);
        return;
    }
    m_scenario.workloadParams.insert(key, normalized);
    if (runActive())
        record(path, text(old), text(normalized));
    Q_EMIT scenarioChanged(m_scenario);
}

// --- demo actions --------------------------------------------------------------------------------

void Session::burst(int calls)
{
    QVariant normalized;
    if (!accept(SettingsTable::burstCount(), calls, &normalized))
        return;
    if (!runActive()) {
        notNow(QStringLiteral("burst"));
        return;
    }
    m_generator->burst(calls);
    record(QStringLiteral("burst"), QString(), QString::number(calls));
}

void Session::cancelAll()
{
    if (!runActive()) {
        notNow(QStringLiteral("cancelAll"));
        return;
    }
    m_generator->cancelAll();
    record(QStringLiteral("cancelAll"), QString(), QString());
}

void Session::closePool()
{
    if (!runActive()) {
        notNow(QStringLiteral("closePool"));
        return;
    }
    requestPoolClose();
    record(QStringLiteral("closePool"), QStringLiteral("open"), QStringLiteral("closed"));
}

// --- export --------------------------------------------------------------------------------------

void Session::exportSamplesCsv(const QString& path)
{
    Q_EMIT exportFinished({ExportResult::Kind::Samples, path,
                           RunExport::writeFile(path, RunExport::samplesCsv(m_history.rows()))});
}

void Session::exportEventsCsv(const QString& path)
{
    Q_EMIT exportFinished({ExportResult::Kind::Events, path,
                           RunExport::writeFile(path, RunExport::eventsCsv(m_events))});
}

void Session::exportSummaryJson(const QString& path)
{
    Q_EMIT exportFinished({ExportResult::Kind::Summary, path,
                           RunExport::writeFile(path, RunExport::summaryJson(m_lastSummary))});
}

void Session::saveRun(const QString& path)
{
    Q_EMIT exportFinished({ExportResult::Kind::Run, path, RunFile::write(path, runRecord()).file});
}

RunRecord Session::runRecord() const
{
    return {
        m_runScenario, MachineInfo::current(), m_lastSummary.toJson(), m_history.rows(), m_events,
        m_lanes};
}

void Session::publishRunRecord()
{
    Q_EMIT runRecorded(runRecord());
}

void Session::savePreset(const QString& path)
{
    Q_EMIT exportFinished(
        {ExportResult::Kind::Preset, path, PresetLibrary::save(m_scenario, path)});
}

} // namespace shoal
