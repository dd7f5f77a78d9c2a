#pragma once

#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <limits>

namespace shoal {

/// One measured run of a sweep: the keys' values and what the run came to. Fields are named as the
/// summary JSON's "sweep.points" entries (docs: DESIGN "Sweeps"); NaN means "no figure" (no call
/// ended) and becomes null in JSON. A value type; copy freely.
struct SweepPoint {
    /// End-to-end latency over the measured part of the run, in milliseconds.
    struct LatencyMs {
        double p50 = std::numeric_limits<double>::quiet_NaN();
        double p95 = std::numeric_limits<double>::quiet_NaN();
        double p99 = std::numeric_limits<double>::quiet_NaN();
        double mean = std::numeric_limits<double>::quiet_NaN();
    };

    QMap<QString, double> values; ///< each swept key ("pool.size") and its value at this point
    int repeat = 0;               ///< 0-based repeat of this combination of values
    double throughputPerSec = std::numeric_limits<double>::quiet_NaN(); ///< completed per second
    double offeredPerSec = std::numeric_limits<double>::quiet_NaN();    ///< submitted per second
    LatencyMs latencyMs;                                                ///< see LatencyMs
    double queueWaitP95Ms = std::numeric_limits<double>::quiet_NaN();   ///< submit to start
    double utilisation = std::numeric_limits<double>::quiet_NaN(); ///< busy share of the workers
    qint64 timedOut = 0;                                           ///< JobTimedOut
    qint64 canceled = 0;                                           ///< Canceled or DeadlineExceeded
    qint64 failed = 0;   ///< WorkerThrew and other worker errors
    qint64 rejected = 0; ///< QueueFull

    /// The point as the summary's JSON (without "model", which the runner adds when one applies).
    QJsonObject toJson() const;
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::SweepPoint)
