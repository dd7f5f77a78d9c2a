#pragma once

#include "pool/outcome.h"

#include <QMetaType>

#include <chrono>

namespace shoal {

/// The load generator's own count of its calls and their outcomes: the bookkeeping that keeps
/// the accounting identity exact (see docs/lab.md). The pool's counts have the same shape.
using CallCounters = OutcomeCounts;

/// Cumulative time sums of a run's calls, read together: differences between two readings give
/// an interval's exact time-average of calls in the system and its mean latency.
struct CallTimeTotals {
    /// The integral of calls outstanding (submitted, no outcome yet) over time, up to now.
    std::chrono::nanoseconds inSystem{0};
    std::chrono::nanoseconds latencySum{0}; ///< of the calls the latency histogram counts
    qint64 latencyCount = 0;                ///< those calls
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::CallCounters)
