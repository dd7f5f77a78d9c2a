#include "session.h"

#include "errandqueue.h"
#include "labmetatypes.h"
#include "loadgenerator.h"
#include "presetlibrary.h"
#include "runexport.h"
#include "runfile.h"
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

QString text(const QVariant& value)
{
    return SettingsTable::text(value);
}

} // namespace

Session::Session(QObject* parent)
    : QObject(parent)
    , m_scenario(PresetLibrary::defaultScenario())
    , m_errands(std::make_unique<ErrandQueue>())
    , m_timeline(new TimelinePlayer(this))
    , m_sampleTimer(new QTimer(this))
    , m_endTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
{
    registerLabMetaTypes();
    m_sampleTimer->setTimerType(Qt::PreciseTimer);
    m_endTimer->setTimerType(Qt::PreciseTimer);
    m_endTimer->setSingleShot(true);
    connect(m_sampleTimer, &QTimer::timeout, this, &Session::onSampleTick);
    connect(m_timeline, &TimelinePlayer::due, this, &Session::onTimelineDue);
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

QList<MetricsRow> Session::history() const
{
    return m_run ? m_run->history().rows() : QList<MetricsRow>();
}

const QList<RunEvent>& Session::events() const
{
    static const QList<RunEvent> none;
    return m_run ? m_run->events() : none;
}

bool Session::runActive() const
{
    return live() && (m_state == RunState::Running || m_state == RunState::Paused ||
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
    SessionError e = SessionError::of(SessionError::Code::NotNow, what);
    e.state = m_state;
    fail(std::move(e));
}

bool Session::accept(const Setting& setting, const QVariant& value, QVariant* normalized)
{
    ScenarioError error =
        SettingsTable::check(setting, QJsonValue::fromVariant(value), setting.path, normalized);
    if (!error)
        return true;
    SessionError e = SessionError::of(SessionError::Code::InvalidValue, setting.path);
    e.scenario = std::move(error);
    fail(std::move(e));
    return false;
}

void Session::record(const QString& what, const QString& oldValue, const QString& newValue)
{
    const RunEvent event{m_clock.wallSec(), what, oldValue, newValue};
    m_run->record(event);
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
        SessionError e = SessionError::of(SessionError::Code::PresetRefused, nameOrFile);
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
    m_errands->request([this, generation, s = m_scenario]() -> std::function<void()> {
        auto parts = std::make_shared<Run::Parts>(Run::build(s));
        return [this, generation, parts] { onPrepared(generation, parts); };
    });
    m_pollTimer->start();
}

void Session::onPrepared(quint64 generation, std::shared_ptr<Run::Parts> parts)
{
    if (generation != m_generation || m_state != RunState::Preparing) {
        // Superseded by reset() or stop(): the pool is closed where it may block.
        if (auto pool = std::move(parts->pool))
            m_errands->post([pool = std::move(pool)]() mutable { pool.reset(); });
        return;
    }
    if (parts->paramError || !parts->pool) {
        setState(RunState::Idle);
        SessionError e = SessionError::of(parts->paramError ? SessionError::Code::WorkloadRefused
                                                            : SessionError::Code::PoolFailed,
                                          QStringLiteral("start"));
        e.param = parts->paramError;
        e.detail = parts->poolFailure;
        fail(std::move(e));
        return;
    }
    // The recordings of the last run go with it.
    m_run = std::make_unique<Run>(std::move(*parts), m_scenario);
    if (m_run->needsResize(m_scenario)) {
        const int size = m_scenario.poolSize;
        poolErrand(QStringLiteral("pool.size"), [size](Pool& pool) { pool.setSize(size); });
    }
    m_timeline->load(m_scenario.timeline);
    m_clock.start();

    // The row at t = 0 is taken before the first call: taken after, the few calls made in its
    // fraction of a millisecond would read as thousands per second.
    QList<WorkerProbe> workers;
    const MetricsRow first = takeRow(&workers);
    m_run->generator().start();
    setState(RunState::Running);
    m_sampleTimer->start(m_scenario.samplerPeriodMs);
    scheduleTimers();
    Q_EMIT sampleAvailable(Sample{first, workers, m_state, 0.0, progress(first)});
}

void Session::pause()
{
    if (m_state != RunState::Running) {
        notNow(QStringLiteral("pause"));
        return;
    }
    m_run->generator().pause();
    m_clock.pause();
    m_timeline->stop();
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
    m_run->generator().resume();
    m_clock.resume();
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
    m_run.reset();
    setState(RunState::Idle);
}

void Session::scheduleTimers()
{
    if (m_state != RunState::Running)
        return;
    const double now = m_clock.runSec();
    m_timeline->arm(now);
    if (m_scenario.jobs == 0)
        m_endTimer->start(RunClock::msUntil(m_scenario.durationSec - now));
}

void Session::onTimelineDue()
{
    if (m_state != RunState::Running)
        return;
    while (const std::optional<Scenario::TimelineEntry> entry =
               m_timeline->takeDue(m_clock.runSec())) {
        apply(*entry);
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
    m_clock.pause();
    m_run->beginDrain();
    if (m_windowStart) {
        m_lastWindow = MeasuredWindow::between(*m_windowStart, m_run->reading(m_clock.wallSec()));
        m_windowStart.reset();
    }
    m_timeline->stop();
    m_endTimer->stop();
    setState(RunState::Draining);
}

void Session::beginWindow()
{
    if (m_state != RunState::Running) {
        notNow(QStringLiteral("beginWindow"));
        return;
    }
    m_windowStart = std::make_unique<MeasuredWindow::Reading>(m_run->reading(m_clock.wallSec()));
}

void Session::poll()
{
    m_errands->deliver();
    if (m_state == RunState::Idle || m_state == RunState::Finished) {
        m_pollTimer->stop();
        return;
    }
    if (m_state == RunState::Running && m_scenario.jobs > 0 && m_run->generator().isOfferingDone())
        beginDrain();
    if (m_state != RunState::Draining)
        return;
    switch (m_run->drainStep(m_scenario.drainSec)) {
    case Run::DrainStep::Wait:
        break;
    case Run::DrainStep::ClosePool:
        requestPoolClose();
        break;
    case Run::DrainStep::Done:
        finishRun();
        break;
    }
}

void Session::requestPoolClose()
{
    poolErrand(QStringLiteral("closePool"), [closed = m_run->poolClosed()](Pool& pool) {
        pool.close();
        closed->store(true, std::memory_order_release);
    });
}

void Session::finishRun()
{
    m_sampleTimer->stop();
    QList<WorkerProbe> workers;
    const MetricsRow row = takeRow(&workers);
    m_lastSummary = m_run->summarize(m_scenario, m_clock.wallSec(), m_clock.runSec());
    releaseRun();
    setState(RunState::Finished);
    Q_EMIT sampleAvailable(Sample{row, workers, m_state, m_lastSummary.activeSec, 1.0});
    Q_EMIT runFinished(m_lastSummary);
}

void Session::releaseRun()
{
    m_sampleTimer->stop();
    m_timeline->stop();
    m_endTimer->stop();
    m_pollTimer->stop();
    // A run dropped with calls outstanding (reset(), or the session destroyed mid-run) ends in
    // about an interrupt's time, not a job's or every queued call's.
    if (m_run)
        m_run->release(*m_errands);
}

void Session::poolErrand(const QString& what, std::function<void(Pool&)> errand)
{
    if (!live())
        return;
    m_errands->attempt([pool = m_run->sharedPool(), errand = std::move(errand)] { errand(*pool); },
                       [this, what](const QString& detail) {
                           SessionError e = SessionError::of(SessionError::Code::PoolFailed, what);
                           e.detail = detail;
                           fail(std::move(e));
                       });
}

// --- sampling ------------------------------------------------------------------------------------

double Session::progress(const MetricsRow& row) const
{
    if (m_state == RunState::Finished)
        return 1.0;
    if (m_scenario.jobs > 0)
        return std::min(1.0,
                        static_cast<double>(row.submitted) / static_cast<double>(m_scenario.jobs));
    return m_scenario.durationSec > 0 ? std::min(1.0, m_clock.runSec() / m_scenario.durationSec)
                                      : 1.0;
}

MetricsRow Session::takeRow(QList<WorkerProbe>* workers)
{
    return m_run->takeRow(m_clock.wallSec(), m_scenario, m_state == RunState::Running, workers);
}

void Session::onSampleTick()
{
    if (!live())
        return;
    QList<WorkerProbe> workers;
    const MetricsRow row = takeRow(&workers);
    Q_EMIT sampleAvailable(Sample{row, workers, m_state, m_clock.runSec(), progress(row)});
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
        SessionError e = SessionError::of(SessionError::Code::InvalidValue, path);
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
        LiveRun live{m_run->pool(), m_run->generator(), m_run->limiter(),
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
    if (!runActive()) {
        m_scenario.workloadKind = kind;
        m_scenario.workloadParams.clear(); // the previous kind's parameters mean nothing here
        Q_EMIT scenarioChanged(m_scenario);
        return;
    }
    // Built where building may block; a reset in between drops it.
    const quint64 generation = m_generation;
    m_errands->request([this, generation, request, kind,
                        limiter = m_run->sharedLimiter()]() -> std::function<void()> {
        ParamError error;
        std::shared_ptr<Workload> built = makeWorkload(kind, {}, limiter, error);
        return [this, generation, request, kind, built = std::move(built), error] {
            if (generation != m_generation || request != m_kindRequest || !runActive())
                return;
            if (!built) {
                SessionError e = SessionError::of(SessionError::Code::WorkloadRefused,
                                                  QStringLiteral("workload.kind"));
                e.param = error;
                fail(std::move(e));
                return;
            }
            m_run->workload().setCurrent(built);
            const QString old = std::exchange(m_scenario.workloadKind, kind);
            m_scenario.workloadParams.clear();
            record(QStringLiteral("workload.kind"), old, kind);
            Q_EMIT scenarioChanged(m_scenario);
        };
    });
}

void Session::setWorkloadParam(const QString& key, const QVariant& value)
{
    const QString path = QStringLiteral("workload.params.") + key;
    const auto refuse = [&](const ParamError& error) {
        SessionError e = SessionError::of(SessionError::Code::WorkloadRefused, path);
        e.param = error;
        fail(std::move(e));
    };
    const ParamSchema* schema = workloadSchema(m_scenario.workloadKind);
    const QVariant old = runActive()
                             ? m_run->workload().params().value(key)
                             : m_scenario.workloadParams.value(key, schema->defaults().value(key));
    QVariant normalized;
    if (runActive()) {
        if (const ParamError e = m_run->workload().setParam(key, value)) {
            refuse(e);
            return;
        }
        normalized = m_run->workload().params().value(key);
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
    m_run->generator().burst(calls);
    record(QStringLiteral("burst"), QString(), QString::number(calls));
}

void Session::cancelAll()
{
    if (!runActive()) {
        notNow(QStringLiteral("cancelAll"));
        return;
    }
    m_run->generator().cancelAll();
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
                           RunExport::writeFile(path, RunExport::samplesCsv(history()))});
}

void Session::exportEventsCsv(const QString& path)
{
    Q_EMIT exportFinished({ExportResult::Kind::Events, path,
                           RunExport::writeFile(path, RunExport::eventsCsv(events()))});
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
    return {m_runScenario,
            MachineInfo::current(),
            m_lastSummary.toJson(),
            history(),
            events(),
            m_run ? m_run->lanes() : WorkerTimeline(512, 256)};
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
