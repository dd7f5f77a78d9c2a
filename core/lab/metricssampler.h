#pragma once

#include "callcounters.h"
#include "metricsrow.h"

#include "pool/latencyhistogram.h"

namespace shoal {

/// Turns cumulative readings (the generator's counters and latency histogram, the pool's probes)
/// into one MetricsRow per period: counters as read, rates and percentiles over the interval
/// since the previous row (cumulative histograms minus the previous copies). The outstanding
/// calls (generator's submitted minus its outcomes) are split into in flight (the pool's probe,
/// clamped) and waiting (the rest), so the row's identity is exact although the pool's own
/// atomics are read at slightly different instants. The time-averages (calls in the system,
/// utilisation) and the mean latency come from differences of cumulative time sums, so they are
/// exact over the interval rather than point samples. One thread at a time; never blocks.
class MetricsSampler {
public:
    /// One reading. The histograms are cumulative since the run (or the pool) started.
    struct Input {
        double tSec = 0;
        CallCounters counters;
        const LatencyHistogram* latency = nullptr;   ///< end to end, from intended starts
        const LatencyHistogram* queueWait = nullptr; ///< the pool's
        const LatencyHistogram* service = nullptr;   ///< the pool's
        int poolSize = 0;
        qint64 poolInFlight = 0; ///< Pool::inFlight()
        double limiterTokens = 0;
        int abandonedWorkers = 0;
        CallTimeTotals times;                 ///< the generator's, cumulative
        std::chrono::nanoseconds busyTime{0}; ///< Pool::busyTime(), cumulative
        /// The model's p95s for the run's current settings (ScenarioModel); NaN = no model.
        double predictedLatencyP95Ms = MetricsRow::None;
        double predictedQueueWaitP95Ms = MetricsRow::None;
    };

    /// Forgets the previous reading: the next row's interval starts at t = 0 with nothing
    /// counted (a new run with a new pool).
    void reset();
    /// The row for \a input; it becomes the previous reading.
    MetricsRow sample(const Input& input);

private:
    double m_previousT = 0;     ///< when the previous reading was taken
    CallCounters m_previous;    ///< its counters
    LatencyHistogram m_latency; ///< its histograms
    LatencyHistogram m_queueWait;
    LatencyHistogram m_service;
    CallTimeTotals m_times;                 ///< its time sums
    std::chrono::nanoseconds m_busyTime{0}; ///< its pool busy time
};

} // namespace shoal
