#pragma once

#include "callapi.h"
#include "exportresult.h"
#include "measuredwindow.h"
#include "metricsrow.h"
#include "run.h"
#include "runclock.h"
#include "runevent.h"
#include "runrecord.h"
#include "runstate.h"
#include "runsummary.h"
#include "sample.h"
#include "scenario.h"
#include "sessionerror.h"
#include "timelineplayer.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

class QJsonValue;
class QTimer;

namespace shoal {

class ErrandQueue;
class Pool;
struct Setting;

/// The lab's one facade: holds the configuration (a Scenario) and, during a run, a pool, a
/// workload, a rate limiter and a load generator, and reports on them through signals carrying
/// value snapshots. Nothing else drives a pool for the UI or the command line.
///
/// Threads: every slot must run on the thread the Session lives in, and signals are emitted
/// from it, one sampleAvailable() per sampling period. For a UI that is a thread of its own (see
/// SessionHost; connect to the slots, or invoke them queued); the headless command line keeps it
/// on the main thread. The session thread never blocks on the pool: building the workload and
/// pool, resizing and closing happen on an errand thread, which reports back through a mutex the
/// session polls; calls complete on the pool's threads into the generator's lock-free
/// bookkeeping.
///
/// A run: start() -> Preparing -> Running (pause()/resume()) -> Draining (the duration or the
/// job count is reached, or stop()) -> Finished with runFinished(). While Draining, outstanding
/// calls get run.drainSec to end; then the pool is closed (calls still waiting end as
/// notRunning) and the accounting identity is checked. Every live change takes effect within one
/// sampling period and is recorded as a RunEvent. A setter outside a run changes the
/// configuration only.
class Session : public QObject {
    Q_OBJECT

public:
    /// Starts with the default preset loaded. Registers the lab's metatypes.
    explicit Session(QObject* parent = nullptr);
    /// Stops any run as reset() does and waits for its pool to close on the errand thread:
    /// running jobs are interrupted (except those of timed processTimed calls, which keep their
    /// timeout), waiting calls fail, and jobs that ignore interrupt() are waited for.
    ~Session() override;

    /// Where the run is. Session thread.
    RunState state() const { return m_state; }
    /// The configuration, live changes included. Session thread.
    const Scenario& scenario() const { return m_scenario; }
    /// The current or last run's rows, oldest first (older ones coarser, see MetricsHistory).
    /// Session thread.
    QList<MetricsRow> history() const;
    /// The current or last run's events. Session thread.
    const QList<RunEvent>& events() const;
    /// The last finished run's summary (a default one before any). Session thread.
    const RunSummary& lastSummary() const { return m_lastSummary; }
    /// The last run's measured window, from beginWindow() to the start of draining (invalid when
    /// the run began none, and from start() until the run drains). Session thread.
    const MeasuredWindow& lastWindow() const { return m_lastWindow; }

public Q_SLOTS:
    /// Replaces the configuration; refused (NotNow) while a run is active.
    void loadScenario(const shoal::Scenario& scenario);
    /// A built-in preset or a preset file. On failure, errorOccurred(PresetRefused) and the
    /// configuration stays as it was. Blocks on the disk for a file.
    void loadPreset(const QString& nameOrFile);

    /// Builds the workload and pool (on the errand thread) and starts offering calls. Refused
    /// (NotNow) while a run is being prepared or active.
    void start();
    /// Stops offering; outstanding calls go on. The run clock, the timeline and the duration
    /// stand still until resume(). Running only.
    void pause();
    /// Offers again from now (no catch-up for the paused time). Paused only.
    void resume();
    /// Ends the run early: stops offering and drains, as at the end of its duration.
    void stop();
    /// Drops the run at once (no draining, no summary) and forgets its history. Outstanding
    /// calls without a deadline of their own are canceled (their running jobs interrupted) and
    /// the pool is closed on the errand thread, so that a run with thousands of calls queued
    /// ends in about an interrupt's time.
    void reset();
    /// Starts the run's measured window now (a sweep's warm-up is over): lastWindow() will hold
    /// what happened from here to the start of draining. Running only; a second call restarts it.
    void beginWindow();

    /// Sets the preset key \a path (e.g. "arrival.ratePerSec", "workload.params.meanMs") to
    /// \a value: checks it as a preset's value (an invalid one, or an unknown key, gives
    /// errorOccurred(InvalidValue) and changes nothing), skips a value equal to the current one,
    /// updates the configuration and, during a run, applies it within one sampling period and
    /// records a RunEvent named \a path. A key that only shapes the next run (arrival.process,
    /// run.*, ...) is refused (NotNow) while a run is active. workload.kind and workload.params
    /// behave as setWorkloadKind() and setWorkloadParam().
    void set(const QString& path, const QVariant& value);

    /// set("pool.size"): resizes the pool on the errand thread (shrinking waits there).
    void setPoolSize(int size) { set(QStringLiteral("pool.size"), size); }
    /// set("call.api"): the form of calls made from now on.
    void setCallApi(shoal::CallApi api) { set(QStringLiteral("call.api"), callApiName(api)); }
    /// set("call.timeoutMs"): the timeout or deadline of calls made from now on.
    void setTimeoutMs(double timeoutMs) { set(QStringLiteral("call.timeoutMs"), timeoutMs); }
    /// set("arrival.mode"): during a run, calls already made go on; callers left for an open
    /// loop end after their call.
    void setArrivalMode(shoal::ArrivalMode mode)
    {
        set(QStringLiteral("arrival.mode"), arrivalModeName(mode));
    }
    /// set("arrival.ratePerSec"): the open-loop rate.
    void setArrivalRate(double ratePerSec)
    {
        set(QStringLiteral("arrival.ratePerSec"), ratePerSec);
    }
    /// set("arrival.callers"): surplus callers end after their current call.
    void setCallers(int callers) { set(QStringLiteral("arrival.callers"), callers); }
    /// set("arrival.thinkMs"): the closed-loop pause between a caller's calls.
    void setThinkMs(double thinkMs) { set(QStringLiteral("arrival.thinkMs"), thinkMs); }
    /// set("limiter.enabled"): whether the workers' shared token bucket limits them.
    void setLimiterEnabled(bool enabled) { set(QStringLiteral("limiter.enabled"), enabled); }
    /// set("limiter.ratePerSec"): tokens per second (applies while the limiter is enabled).
    void setLimiterRate(double ratePerSec)
    {
        set(QStringLiteral("limiter.ratePerSec"), ratePerSec);
    }
    /// set("limiter.burst"): the bucket size.
    void setLimiterBurst(int burst) { set(QStringLiteral("limiter.burst"), burst); }
    /// set("pool.maxWaiting"): the bound on waiting calls; -1 for none.
    void setMaxWaiting(qint64 bound) { set(QStringLiteral("pool.maxWaiting"), bound); }
    /// set("sampler.periodMs"): the time between rows.
    void setSamplerPeriodMs(int periodMs) { set(QStringLiteral("sampler.periodMs"), periodMs); }
    /// workload.kind: the kind of work. During a run the new workload is built on the errand
    /// thread (an image corpus may take seconds) and then takes over: calls made from then on
    /// are of the new kind, calls already made finish as the old kind. Its parameters start
    /// from the kind's defaults. A workload that cannot be built gives
    /// errorOccurred(WorkloadRefused) and the run goes on with the old kind.
    void setWorkloadKind(const QString& kind);
    /// Refused parameters give errorOccurred(WorkloadRefused). Changing an image workload's
    /// folder or corpusSeed rescans the corpus on this thread (seconds, the first time).
    void setWorkloadParam(const QString& key, const QVariant& value);

    /// Demo actions, during a run only: \a calls calls at once; cancel every outstanding
    /// processCtx call; close the pool (later calls fail with PoolNotRunning).
    void burst(int calls);
    /// See burst().
    void cancelAll();
    /// See burst().
    void closePool();

    /// Writes the current or last run's rows, events or summary, or the configuration as a
    /// preset; the outcome comes back as exportFinished(). Blocks on the disk.
    void exportSamplesCsv(const QString& path);
    /// See exportSamplesCsv().
    void exportEventsCsv(const QString& path);
    /// See exportSamplesCsv().
    void exportSummaryJson(const QString& path);
    /// See exportSamplesCsv(); loading the file gives back an equal configuration.
    void savePreset(const QString& path);
    /// See exportSamplesCsv(): runRecord() as a run file (RunFile).
    void saveRun(const QString& path);
    /// The current or last run as a run file records it: the configuration it started with
    /// (its live changes are the events), this machine, the last summary, every row kept and
    /// every event.
    RunRecord runRecord() const;
    /// Sends runRecord() as runRecorded(), for a thread that may not call it directly.
    void publishRunRecord();

Q_SIGNALS:
    /// The run moved to \a state.
    void stateChanged(shoal::RunState state);
    /// The configuration changed (loaded, or a setter).
    void scenarioChanged(const shoal::Scenario& scenario);
    /// One per sampling period during a run, and a last one when it finishes.
    void sampleAvailable(const shoal::Sample& sample);
    /// A live change or action during a run.
    void eventRecorded(const shoal::RunEvent& event);
    /// The run is over: drained, the pool closed, the identity checked.
    void runFinished(const shoal::RunSummary& summary);
    /// A command was refused or failed; the configuration is as it was.
    void errorOccurred(const shoal::SessionError& error);
    /// An export or savePreset() finished (error is empty on success).
    void exportFinished(const shoal::ExportResult& result);
    /// What publishRunRecord() was asked for.
    void runRecorded(const shoal::RunRecord& record);

private:
    bool runActive() const;
    /// A run's parts are here (from its start until it is released).
    bool live() const { return m_run && m_run->live(); }
    void setState(RunState state);
    void fail(SessionError error);
    void notNow(const QString& what);
    /// Checks \a value for \a setting; emits InvalidValue and returns false if not.
    bool accept(const Setting& setting, const QVariant& value, QVariant* normalized);
    void record(const QString& what, const QString& oldValue, const QString& newValue);

    void onPrepared(quint64 generation, std::shared_ptr<Run::Parts> parts);
    void onSampleTick();
    void onTimelineDue();
    void scheduleTimers();
    void beginDrain();
    /// Runs what the errand thread handed back; ends offering once the job count is reached;
    /// ends the run once draining is over.
    void poll();
    void requestPoolClose();
    void finishRun();
    /// Hands the run's parts to the errand thread, which closes and frees them.
    void releaseRun();
    /// Runs \a errand on the pool from the errand thread, reporting a throw as PoolFailed.
    void poolErrand(const QString& what, std::function<void(Pool&)> errand);

    MetricsRow takeRow(QList<WorkerProbe>* workers);
    double progress(const MetricsRow& row) const;
    void apply(const Scenario::TimelineEntry& entry);

    Scenario m_scenario;    ///< the configuration, live changes included
    Scenario m_runScenario; ///< the configuration the current or last run started with
    RunState m_state = RunState::Idle;
    std::unique_ptr<ErrandQueue> m_errands; ///< everything that blocks on a pool
    quint64 m_generation = 0;               ///< bumped by reset(); stale preparations are dropped
    quint64 m_kindRequest = 0; ///< bumped by setWorkloadKind(); a superseded kind is dropped

    std::unique_ptr<Run> m_run; ///< the current or last run; none before the first, after reset()
    RunClock m_clock;
    TimelinePlayer* m_timeline;      ///< the run's timeline entries
    QTimer* m_sampleTimer = nullptr; ///< one row per period
    QTimer* m_endTimer = nullptr;    ///< the end of the run's duration
    QTimer* m_pollTimer = nullptr;   ///< runs poll() while a run is being prepared or active

    RunSummary m_lastSummary; ///< of the last finished run
    /// Set by beginWindow() until draining starts.
    std::unique_ptr<MeasuredWindow::Reading> m_windowStart;
    MeasuredWindow m_lastWindow; ///< of the last run that began one
};

} // namespace shoal
