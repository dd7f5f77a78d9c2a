#pragma once

#include "pool/outcome.h"

#include <QMetaType>
#include <QtGlobal>

#include <limits>

namespace shoal {

/// One row of a run's time series, as exported to CSV (columns in RunExport::sampleColumns()).
/// Counters are cumulative since the run started; rates and percentiles cover the interval since
/// the previous row. Percentiles are NaN when no call ended in the interval. At every row
/// submitted == completed + timedOut + canceled + failed + rejected + notRunning + waiting +
/// inFlight, exactly. A value type; copy freely.
struct MetricsRow : OutcomeCounts {
    /// No value: a percentile of an interval in which no call ended.
    static constexpr double None = std::numeric_limits<double>::quiet_NaN();

    double tSec = 0;              ///< seconds since the run started (wall clock, pauses included)
    double intervalSec = 0;       ///< seconds covered by the rates and percentiles of this row
    int poolSize = 0;             ///< workers the pool has (0 once closed)
    qint64 waiting = 0;           ///< outstanding calls not being served (queued or on their way)
    qint64 inFlight = 0;          ///< outstanding calls a worker is serving
    double throughputPerSec = 0;  ///< completed calls per second
    double timeoutsPerSec = 0;    ///< timed-out calls per second
    double latencyP50Ms = None;   ///< end to end, from each call's intended start
    double latencyP95Ms = None;   ///< as latencyP50Ms
    double latencyP99Ms = None;   ///< as latencyP50Ms
    double latencyMaxMs = None;   ///< as latencyP50Ms
    double queueWaitP95Ms = None; ///< submit to process() start, jobs started in the interval
    double serviceP95Ms = None;   ///< process() duration, jobs finished in the interval
    double limiterTokens = 0;     ///< the rate limiter's bucket (negative while workers wait)
    double offeredPerSec = 0;     ///< calls submitted per second
    int abandonedWorkers = 0;     ///< workers still running a job whose caller gave up
    double latencyMeanMs = None;  ///< mean end-to-end latency of the calls ended in the interval
    double inSystemMean = 0;      ///< time-average of waiting + in flight over the interval
    double utilisation = 0;       ///< time-average of busy workers / pool size over the interval
    /// The queueing model's p95 latency and queue wait for the run's settings; NaN where no model
    /// applies (QueueingModel::predict()).
    double predictedLatencyP95Ms = None;
    double predictedQueueWaitP95Ms = None; ///< as predictedLatencyP95Ms

    /// Whether submitted equals every outcome plus waiting plus in flight.
    bool identityHolds() const { return submitted == finished() + waiting + inFlight; }

    /// One coarser row standing for \a older followed by \a newer: counters and gauges are
    /// \a newer's (so the identity still holds), rates are averaged over the two intervals, and
    /// each percentile is the larger of the two (a coarse row never hides a spike); the mean
    /// latency is averaged over time like the rates.
    static MetricsRow merged(const MetricsRow& older, const MetricsRow& newer);
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::MetricsRow)
