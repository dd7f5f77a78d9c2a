#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace shoal {

/// The load generator's own count of its calls and their outcomes: the bookkeeping that keeps
/// the accounting identity exact (see docs/lab.md). A value snapshot; copy freely.
struct CallCounters {
    qint64 submitted = 0;  ///< calls handed to the pool
    qint64 completed = 0;  ///< results delivered
    qint64 timedOut = 0;   ///< JobTimedOut
    qint64 canceled = 0;   ///< Canceled or DeadlineExceeded
    qint64 failed = 0;     ///< WorkerThrew, JobNotFunc or another error from a worker
    qint64 rejected = 0;   ///< QueueFull
    qint64 notRunning = 0; ///< PoolNotRunning

    /// Calls that have an outcome.
    qint64 finished() const
    {
        return completed + timedOut + canceled + failed + rejected + notRunning;
    }
    /// Calls made and not yet answered (waiting, running, or on their way back).
    qint64 outstanding() const { return submitted - finished(); }

    bool operator==(const CallCounters&) const = default;
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::CallCounters)
