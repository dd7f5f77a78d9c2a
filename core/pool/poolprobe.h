#pragma once

#include "outcome.h"

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
using PoolCounters = OutcomeCounts;

/// One worker as seen by the monitor.
struct WorkerProbe {
    int id = 0;                            ///< stable for the worker's life, never reused
    WorkerState state = WorkerState::Idle; ///< at the moment of reading
    qint64 jobs = 0;                       ///< process() calls finished
};

} // namespace shoal
