#pragma once

#include "callcounters.h"
#include "littleslaw.h"

#include "pool/latencyhistogram.h"

namespace shoal {

/// What a run measured over its steady part, for comparison with the queueing model. Times in
/// ms; NaN when no call ended in the window.
struct SteadyMeasurement {
    double fromSec = 0;        ///< the window, in run wall-clock seconds
    double toSec = 0;          ///< as fromSec
    qint64 calls = 0;          ///< calls whose latency ended inside the window
    double latencyMeanMs = 0;  ///< end to end
    double latencyP50Ms = 0;   ///< as latencyMeanMs
    double latencyP95Ms = 0;   ///< as latencyMeanMs
    double latencyP99Ms = 0;   ///< as latencyMeanMs
    double queueWaitP95Ms = 0; ///< the pool's queue wait
    /// Share of jobs whose queue wait exceeded kWaitedMs: the measured P(wait).
    double waitShare = 0;
    double utilisation = 0; ///< busy worker time / (pool size x window)
    int poolSize = 0;       ///< at the window's end
    LittlesLaw littlesLaw;  ///< both sides over the window

    /// A queue wait above this counts as having waited (dispatch alone takes microseconds).
    static constexpr double kWaitedMs = 0.5;
};

/// Picks a run's steady part out of its rows: from the first reading at least a warm-up after
/// the start or after the last change, to the last reading taken while calls were offered.
/// One thread; copies two histograms per reading.
class SteadyWindow {
public:
    /// One cumulative reading (as MetricsSampler::Input's).
    struct Reading {
        double tSec = 0;
        CallTimeTotals times;
        LatencyHistogram latency;
        LatencyHistogram queueWait;
        std::chrono::nanoseconds busyTime{0};
        int poolSize = 0;
    };

    /// Seconds discarded after the start and after each change.
    static constexpr double kWarmupSec = 2.0;

    /// A new window starts at the first reading at or after \a changedAtSec + kWarmupSec.
    void restart(double changedAtSec);
    /// A reading taken while calls are offered (it may end the window).
    void offer(const Reading& reading);
    /// The window's measurement; with fewer than two readings in it, all zeros and NaN.
    SteadyMeasurement measurement() const;

private:
    double m_dueSec = kWarmupSec; ///< the window starts at the first reading from here on
    bool m_started = false;       ///< m_start is set
    Reading m_start;              ///< the window's first reading
    Reading m_end;                ///< its last
};

} // namespace shoal
