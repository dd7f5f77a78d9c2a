#pragma once

#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace shoal {

/// What a worker is doing, as the monitor sees it.
enum class WorkerState : std::uint8_t {
    Idle,      ///< offered itself; waiting for a job
    Blocked,   ///< inside blockUntilReady()
    Busy,      ///< inside process() for a caller who still waits
    Abandoned, ///< inside process() for a caller who gave up (timed out or canceled)
    Retiring,  ///< stopping: finishing its last job or running terminate()
};

/// Cumulative call outcomes since the pool was made. At every quiescent point
/// submitted == completed + timedOut + canceled + failed + rejected + notRunning.
struct PoolCounters {
    qint64 submitted = 0;  ///< calls made, in any form
    qint64 completed = 0;  ///< results delivered
    qint64 timedOut = 0;   ///< JobTimedOut
    qint64 canceled = 0;   ///< Canceled or DeadlineExceeded
    qint64 failed = 0;     ///< WorkerThrew, JobNotFunc or another code thrown by a worker
    qint64 rejected = 0;   ///< QueueFull
    qint64 notRunning = 0; ///< PoolNotRunning

    qint64 finished() const
    {
        return completed + timedOut + canceled + failed + rejected + notRunning;
    }
};

/// One worker as seen by the monitor.
struct WorkerProbe {
    int id = 0;                            ///< stable for the worker's life, never reused
    WorkerState state = WorkerState::Idle; ///< at the moment of reading
    qint64 jobs = 0;                       ///< process() calls finished
};

} // namespace shoal
