#pragma once

#include "callcounters.h"

#include "pool/latencyhistogram.h"

#include <QtGlobal>

#include <limits>

namespace shoal {

/// The figures of one stretch of a run, between two readings of the cumulative counters and
/// histograms: what a sweep measures after its warm-up, leaving the warm-up out. Latencies in ms
/// (NaN when no call ended in the stretch). A value type; copy freely.
struct MeasuredWindow {
    /// One reading of a run's cumulative state.
    struct Reading {
        double tSec = 0;            ///< the run's wall clock
        CallCounters counters;      ///< the generator's
        LatencyHistogram latency;   ///< end to end, the generator's
        LatencyHistogram queueWait; ///< the pool's
        LatencyHistogram service;   ///< the pool's
        int poolSize = 0;           ///< workers at the reading
    };

    static constexpr double None = std::numeric_limits<double>::quiet_NaN();

    bool valid = false;             ///< false until a window was begun and ended in the run
    double startSec = 0;            ///< run wall clock at the start
    double durationSec = 0;         ///< wall-clock length
    CallCounters counters;          ///< outcomes in the stretch (submitted: calls made in it)
    double throughputPerSec = None; ///< completed / durationSec
    double offeredPerSec = None;    ///< submitted / durationSec
    double latencyP50Ms = None;
    double latencyP95Ms = None;
    double latencyP99Ms = None;
    double latencyMeanMs = None; ///< from the histogram (within its 0.8% buckets)
    double queueWaitP95Ms = None;
    /// Busy share of the workers: total service time / (workers x duration), from the service
    /// histogram of jobs finished in the stretch.
    double utilisation = None;

    /// The window from \a start to \a end (the same run, \a end later). Pure.
    static MeasuredWindow between(const Reading& start, const Reading& end);
};

} // namespace shoal
