#pragma once

#include "queueingmodel.h"
#include "scenario.h"
#include "scenarioerror.h"
#include "sessionerror.h"
#include "sweeppoint.h"
#include "sweepresult.h"
#include "sweepspec.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>

#include <optional>

class QTimer;

namespace shoal {

class Session;

/// Runs a sweep: each combination of the swept keys' values is a fresh Session run of the base
/// scenario with those keys set (as --set sets them), lasting the warm-up plus the measured
/// seconds; only the measured window counts. Repeats are interleaved (every point once, then every
/// point again, ...) so that drift on a busy machine does not look like a trend along the key.
///
/// The runs are those of one Session: its own, or one it borrows (the window's, so the live
/// charts show each run as it happens). When the sweep ends, however it ends, the session gets
/// the base scenario back.
///
/// Threads: lives on one thread, which must run an event loop; the session it runs lives there
/// too (as the headless command line runs one). Slots and signals on that thread.
class SweepRunner : public QObject {
    Q_OBJECT

public:
    /// Runs the sweeps in a session of its own.
    explicit SweepRunner(QObject* parent = nullptr);
    /// Runs the sweeps in \a session (not owned; on this thread; it must outlive the runner).
    /// Between sweeps the session is anyone's; a sweep is refused while it runs something else.
    explicit SweepRunner(Session* session, QObject* parent = nullptr);
    ~SweepRunner() override;

    /// One planned run: the keys' values, the repeat and the scenario it runs.
    struct PlannedPoint {
        QMap<QString, double> values;
        int repeat = 0;
        Scenario scenario;
    };

    /// Every run of \a spec over \a base, in the order they run, or nothing with \a error naming
    /// the key or the value that was refused (an unknown key, a value out of its range, a value
    /// an integer key cannot take, no values, more than SweepSpec::kMaxPoints runs). Pure.
    static std::optional<QList<PlannedPoint>> plan(const Scenario& base, const SweepSpec& spec,
                                                   ScenarioError* error);

    /// True from start() until finished(), failed() or canceled().
    bool isRunning() const { return m_running; }
    /// Runs done so far and in all.
    int done() const { return static_cast<int>(m_points.size()); }
    int total() const { return static_cast<int>(m_plan.size()); }

public Q_SLOTS:
    /// Starts the sweep; refused with failed() when plan() refuses it, a sweep is running or the
    /// session is busy with a run of its own (SessionError::Code::NotNow).
    void start(const shoal::Scenario& base, const shoal::SweepSpec& spec);
    /// Stops at once: the current run is dropped (its pool closed on the session's errand
    /// thread), nothing more runs, canceled() is emitted. Nothing when no sweep runs.
    void cancel();

Q_SIGNALS:
    /// After each run: \a done of \a total runs, and an estimate of the seconds left.
    void progress(int done, int total, double secondsLeft);
    /// One run's measured figures and the model's prediction for its settings.
    void pointFinished(const shoal::SweepPoint& point, const shoal::ModelPrediction& model);
    /// Every run is done; the result holds the points and the analysis.
    void finished(const shoal::SweepResult& result);
    /// The sweep could not go on: a refused spec (scenario set) or a run that failed (session
    /// set). Nothing runs any more.
    void failed(const shoal::ScenarioError& scenario, const shoal::SessionError& session);
    /// cancel() stopped the sweep.
    void canceled();

private:
    void runNext();
    void onStateChanged();
    void onRunFinished();
    void onSessionError(const SessionError& error);
    void stopAll();

    Session* m_session = nullptr;    ///< the run in progress; one for the whole sweep
    QTimer* m_warmupTimer = nullptr; ///< ends the warm-up of the current run
    Scenario m_base;                 ///< the running sweep's base, restored when it ends
    QList<PlannedPoint> m_plan;      ///< every run, in order
    QList<SweepPoint> m_points;      ///< finished runs, in order
    QList<ModelPrediction> m_models; ///< their predictions
    SweepSpec m_spec;                ///< of the running sweep
    bool m_running = false;          ///< between start() and the end
    bool m_windowBegun = false;      ///< the current run's warm-up is over
    QElapsedTimer m_clock;           ///< since start(), for the estimate
};

} // namespace shoal
