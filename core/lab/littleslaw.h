#pragma once

#include <QtGlobal>

namespace shoal {

/// Little's law over one interval: L = lambda W, both sides measured. Pure; any thread.
struct LittlesLaw {
    double meanInSystem = 0;               ///< L: time-average calls waiting + in flight
    double throughputTimesMeanLatency = 0; ///< lambda W: completions per ms x mean latency in ms

    /// Both sides from an interval's measurements: \a inSystemCallMs, the integral over the
    /// interval of the calls in the system (call x ms); \a completed calls whose latencies sum to
    /// \a latencySumMs. An empty interval (intervalMs <= 0) gives zeros. Over a long interval
    /// that starts and ends empty the two sides are equal; calls still open at the edges make the
    /// difference.
    static LittlesLaw fromInterval(double inSystemCallMs, double intervalMs, qint64 completed,
                                   double latencySumMs);

    /// (L - lambda W) / lambda W; 0 when both are 0, and +/-inf when only L is not.
    double relativeGap() const;
};

} // namespace shoal
