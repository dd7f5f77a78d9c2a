#pragma once

#include "measuredwindow.h"
#include "metricshistory.h"
#include "metricsrow.h"
#include "metricssampler.h"
#include "runevent.h"
#include "runsummary.h"
#include "scenario.h"
#include "steadywindow.h"
#include "workertimeline.h"

#include "pool/poolprobe.h"
#include "workloads/paramschema.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>

namespace shoal {

class ErrandQueue;
class LoadGenerator;
class Pool;
class RateLimiter;
class SwitchableWorkload;

/// One run: its parts (pool, workload, limiter, load generator) while it runs, and what it
/// recorded (samples, worker lanes, events, peaks, the steady window), which stays after release()
/// for the exports and the run file. A new run is a new Run.
///
/// Thread safety: the session's thread; the parts are thread-safe themselves.
class Run {
public:
    /// What building a run's parts (where that may block) produced.
    struct Parts {
        std::shared_ptr<RateLimiter> limiter;
        std::shared_ptr<SwitchableWorkload> workload;
        std::shared_ptr<Pool> pool;
        ParamError paramError; ///< the workload refused its parameters
        QString poolFailure;   ///< the pool could not be built
    };

    /// Builds the parts \a scenario names. May block (a pool starts its workers); never throws.
    static Parts build(const Scenario& scenario);

    /// A run of \a parts (built, no error), its generator configured from \a scenario; nothing is
    /// offered until generator().start(). The parts catch up with \a scenario's settings changed
    /// while they were built, but for the pool's size, which is resized where that may block:
    /// needsResize() says so.
    Run(Parts parts, const Scenario& scenario);
    ~Run();
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    /// The parts are here: release() has not been called.
    bool live() const { return m_pool != nullptr; }
    bool needsResize(const Scenario& scenario) const;
    Pool& pool() const { return *m_pool; }
    const std::shared_ptr<Pool>& sharedPool() const { return m_pool; }
    LoadGenerator& generator() const { return *m_generator; }
    RateLimiter& limiter() const { return *m_limiter; }
    const std::shared_ptr<RateLimiter>& sharedLimiter() const { return m_limiter; }
    SwitchableWorkload& workload() const { return *m_workload; }
    /// Set by the errand that closes the pool at the end of the run.
    const std::shared_ptr<std::atomic<bool>>& poolClosed() const { return m_poolClosed; }

    /// Takes one row at \a tSec from the parts, with the model of \a current (none when an event
    /// came since the last row), and keeps it, the workers' lanes and the peaks; \a running: the
    /// row counts for the steady window. \a workers, when given, receives the worker probes.
    MetricsRow takeRow(double tSec, const Scenario& current, bool running,
                       QList<WorkerProbe>* workers);
    /// The cumulative counts and histograms at \a tSec, for a measured window.
    MeasuredWindow::Reading reading(double tSec) const;
    /// The summary of the run as it stands: \a elapsedSec and \a activeSec from the run clock,
    /// and the model of \a current at the pool size the steady part ran with.
    RunSummary summarize(const Scenario& current, double elapsedSec, double activeSec) const;
    /// Keeps \a event (the oldest go first past a bound) and restarts the steady window unless it
    /// is the run's stop.
    void record(const RunEvent& event);

    const QString& name() const { return m_name; }
    const MetricsHistory& history() const { return m_history; }
    const QList<RunEvent>& events() const { return m_events; }
    const WorkerTimeline& lanes() const { return m_lanes; }

    /// What draining asks for next (see drainStep()).
    enum class DrainStep {
        Wait,      ///< calls are outstanding and the deadline has not passed
        ClosePool, ///< close the pool: whatever still waits then ends as notRunning
        Done,      ///< nothing is outstanding and the pool is closed: the run is over
    };
    /// Stops offering and starts the drain deadline's clock.
    void beginDrain();
    /// Where draining is, \a drainSec being the deadline; ClosePool is answered once.
    DrainStep drainStep(double drainSec);

    /// Hands the parts to \a errands to close and free there: calls still outstanding are
    /// dropped, so that this ends in about an interrupt's time. The recordings stay.
    void release(ErrandQueue& errands);

private:
    std::shared_ptr<RateLimiter> m_limiter; ///< Inf while disabled
    std::shared_ptr<SwitchableWorkload> m_workload;
    std::shared_ptr<Pool> m_pool;
    std::shared_ptr<LoadGenerator> m_generator;
    std::shared_ptr<std::atomic<bool>> m_poolClosed = std::make_shared<std::atomic<bool>>(false);

    QString m_name; ///< the preset's name when the run started
    MetricsSampler m_sampler;
    MetricsHistory m_history;
    WorkerTimeline m_lanes{512, 256};
    QList<RunEvent> m_events;
    qint64 m_peakWaiting = 0;
    qint64 m_peakInFlight = 0;
    int m_peakAbandoned = 0;
    SteadyWindow m_steady;          ///< the run's steady part, for the summary's model block
    bool m_changedSinceRow = false; ///< an event was recorded since the last row: no model for it
    QElapsedTimer m_drainSince;     ///< valid while draining
    bool m_drainDecided = false;    ///< ClosePool has been answered
    bool m_drained = false;         ///< every call ended before the drain deadline
};

} // namespace shoal
