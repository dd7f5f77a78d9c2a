#include "sweeprunner.h"

#include "labmetatypes.h"
#include "presetassignment.h"
#include "presetkeys.h"
#include "scenariomodel.h"
#include "session.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace shoal {
namespace {

/// A value as --set reads it: integers without a decimal point, so integer keys accept them.
QString valueText(double value)
{
    return QString::number(value, 'g', 12);
}

/// Applies "key=value" to \a scenario; false with \a error set when refused.
bool assign(Scenario& scenario, const QString& key, const QString& value, ScenarioError* error)
{
    std::optional<Scenario> next =
        PresetAssignment::apply(scenario, key + QLatin1Char('=') + value, error);
    if (!next)
        return false;
    scenario = std::move(*next);
    return true;
}

} // namespace

SweepRunner::SweepRunner(QObject* parent)
    : SweepRunner(nullptr, parent)
{}

SweepRunner::SweepRunner(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session ? session : new Session(this))
    , m_warmupTimer(new QTimer(this))
{
    registerLabMetaTypes();
    m_warmupTimer->setSingleShot(true);
    connect(m_warmupTimer, &QTimer::timeout, this, [this] {
        m_windowBegun = true;
        m_session->beginWindow();
    });
    connect(m_session, &Session::stateChanged, this, &SweepRunner::onStateChanged);
    connect(m_session, &Session::runFinished, this, &SweepRunner::onRunFinished);
    connect(m_session, &Session::errorOccurred, this, &SweepRunner::onSessionError);
}

SweepRunner::~SweepRunner() = default;

std::optional<QList<SweepRunner::PlannedPoint>>
SweepRunner::plan(const Scenario& base, const SweepSpec& spec, ScenarioError* error)
{
    ScenarioError local;
    ScenarioError& e = error ? *error : local;
    e = ScenarioError();
    if (spec.axes.isEmpty() || spec.axes.size() > SweepSpec::kMaxKeys) {
        e.code = ScenarioError::Code::OutOfRange;
        e.path = QStringLiteral("sweep.keys");
        e.minimum = 1;
        e.maximum = SweepSpec::kMaxKeys;
        return std::nullopt;
    }
    const QString durationKey = presetkeys::run + QLatin1Char('.') + presetkeys::durationSec;
    const QString jobsKey = presetkeys::run + QLatin1Char('.') + presetkeys::jobs;
    for (const SweepSpec::Axis& axis : spec.axes) {
        if (axis.key == durationKey || axis.key == jobsKey) {
            // The sweep sets the run's length itself (warm-up plus measured seconds).
            e.code = ScenarioError::Code::Unusable;
            e.path = axis.key;
            e.detail = QStringLiteral("pointSec");
            return std::nullopt;
        }
        if (axis.values.isEmpty()) {
            e.code = ScenarioError::Code::Empty;
            e.path = axis.key;
            return std::nullopt;
        }
    }
    if (spec.axes.size() == 2 && spec.axes[0].key == spec.axes[1].key) {
        e.code = ScenarioError::Code::Conflict;
        e.path = spec.axes[1].key;
        e.detail = spec.axes[0].key;
        return std::nullopt;
    }
    if (spec.repeats < 1 || spec.runs() > SweepSpec::kMaxPoints ||
        spec.repeats > SweepSpec::kMaxPoints) {
        e.code = ScenarioError::Code::OutOfRange;
        e.path = QStringLiteral("sweep.points");
        e.minimum = 1;
        e.maximum = SweepSpec::kMaxPoints;
        return std::nullopt;
    }
    if (!(spec.pointSec > 0) || !(spec.warmupSec >= 0)) {
        e.code = ScenarioError::Code::OutOfRange;
        e.path = spec.pointSec > 0 ? QStringLiteral("sweep.warmupSec")
                                   : QStringLiteral("sweep.pointSec");
        e.minimum = 0;
        return std::nullopt;
    }

    // The combinations, the first key varying fastest; each checked once.
    QList<PlannedPoint> combos;
    const int n = spec.combinations();
    for (int i = 0; i < n; ++i) {
        PlannedPoint p;
        p.scenario = base;
        int rest = i;
        for (const SweepSpec::Axis& axis : spec.axes) {
            const double v = axis.values.at(rest % axis.values.size());
            rest /= static_cast<int>(axis.values.size());
            p.values.insert(axis.key, v);
            if (!assign(p.scenario, axis.key, valueText(v), &e))
                return std::nullopt;
        }
        if (!assign(p.scenario, durationKey, valueText(spec.warmupSec + spec.pointSec), &e))
            return std::nullopt;
        combos.append(std::move(p));
    }
    QList<PlannedPoint> out;
    out.reserve(spec.runs());
    for (int r = 0; r < spec.repeats; ++r) {
        for (PlannedPoint p : combos) {
            p.repeat = r;
            out.append(std::move(p));
        }
    }
    return out;
}

void SweepRunner::start(const Scenario& base, const SweepSpec& spec)
{
    const RunState state = m_session->state();
    if (m_running || (state != RunState::Idle && state != RunState::Finished)) {
        SessionError busy;
        busy.code = SessionError::Code::NotNow;
        busy.what = QStringLiteral("sweep");
        busy.state = m_session->state();
        Q_EMIT failed(ScenarioError(), busy);
        return;
    }
    ScenarioError error;
    std::optional<QList<PlannedPoint>> planned = plan(base, spec, &error);
    if (!planned) {
        Q_EMIT failed(error, SessionError());
        return;
    }
    m_plan = std::move(*planned);
    m_base = base;
    m_spec = spec;
    m_points.clear();
    m_models.clear();
    m_running = true;
    m_clock.start();
    Q_EMIT progress(0, total(), total() * (spec.warmupSec + spec.pointSec));
    runNext();
}

void SweepRunner::cancel()
{
    if (!m_running)
        return;
    stopAll();
    Q_EMIT canceled();
}

void SweepRunner::stopAll()
{
    m_running = false;
    m_warmupTimer->stop();
    m_session->reset();
    m_session->loadScenario(m_base);
}

void SweepRunner::runNext()
{
    const PlannedPoint& next = m_plan.at(done());
    m_windowBegun = false;
    m_session->loadScenario(next.scenario);
    m_session->start();
}

void SweepRunner::onStateChanged()
{
    // The warm-up counts from the first call offered, not from the pool being built.
    if (m_running && m_session->state() == RunState::Running && !m_windowBegun &&
        !m_warmupTimer->isActive())
        m_warmupTimer->start(static_cast<int>(std::ceil(m_spec.warmupSec * 1000.0)));
}

void SweepRunner::onRunFinished()
{
    if (!m_running)
        return;
    const PlannedPoint& planned = m_plan.at(done());
    const MeasuredWindow& w = m_session->lastWindow();
    SweepPoint p;
    p.values = planned.values;
    p.repeat = planned.repeat;
    if (w.valid) {
        p.throughputPerSec = w.throughputPerSec;
        p.offeredPerSec = w.offeredPerSec;
        p.latencyMs.p50 = w.latencyP50Ms;
        p.latencyMs.p95 = w.latencyP95Ms;
        p.latencyMs.p99 = w.latencyP99Ms;
        p.latencyMs.mean = w.latencyMeanMs;
        p.queueWaitP95Ms = w.queueWaitP95Ms;
        p.utilisation = w.utilisation;
        p.timedOut = w.counters.timedOut;
        p.canceled = w.counters.canceled;
        p.failed = w.counters.failed;
        p.rejected = w.counters.rejected;
    }
    const ModelPrediction model =
        ScenarioModel::predict(planned.scenario, !planned.scenario.timeline.isEmpty());
    m_points.append(p);
    m_models.append(model);
    Q_EMIT pointFinished(p, model);

    const double perRun = m_clock.elapsed() / 1000.0 / done();
    Q_EMIT progress(done(), total(), perRun * (total() - done()));
    if (done() < total()) {
        // Leave the signal handler first: the session is still finishing this run.
        QTimer::singleShot(0, this, [this] {
            if (m_running)
                runNext();
        });
        return;
    }
    m_running = false;
    m_session->loadScenario(m_base); // finished: the session takes a configuration again
    SweepResult result;
    for (const SweepSpec::Axis& axis : m_spec.axes)
        result.keys.append(axis.key);
    result.points = m_points;
    result.models = m_models;
    SweepAnalysisOptions options;
    options.slo = m_spec.slo;
    const QString firstKey = result.keys.constFirst();
    options.fitUsl = (firstKey == QStringLiteral("arrival.callers") ||
                      firstKey == QStringLiteral("pool.size")) &&
                     m_plan.constFirst().scenario.arrivalMode == ArrivalMode::Closed;
    result.analysis = analyseSweep(result.keys, result.points, options);
    Q_EMIT finished(result);
}

void SweepRunner::onSessionError(const SessionError& error)
{
    if (!m_running)
        return;
    stopAll();
    Q_EMIT failed(ScenarioError(), error);
}

} // namespace shoal
