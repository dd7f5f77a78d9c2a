#pragma once

#include "runrecord.h"

#include <QList>
#include <QString>

#include <limits>
#include <optional>

namespace shoal {

/// One figure of two runs side by side: what each run came to, the change from A to B, and for
/// the figures every interval row carries, whether that change is within the noise of the rows.
struct ComparedMetric {
    /// The figures compared, in the order the table lists them.
    enum class Figure {
        Throughput,   ///< calls completed per second
        LatencyP50,   ///< end to end, ms
        LatencyP95,   ///< as LatencyP50
        LatencyP99,   ///< as LatencyP50
        LatencyMax,   ///< as LatencyP50; the rows' maxima are no sample of a mean, so no note
        QueueWaitP95, ///< submit to start, ms
        Utilisation,  ///< busy share of the workers, time-averaged over the rows
        Completed,    ///< calls, as the summary counts them
        TimedOut,     ///< as Completed
        Canceled,     ///< as Completed
        Failed,       ///< as Completed
        Rejected,     ///< as Completed
        NotRunning,   ///< as Completed
    };
    Figure figure = Figure::Throughput;
    double a = std::numeric_limits<double>::quiet_NaN(); ///< NaN: the run has no such figure
    double b = std::numeric_limits<double>::quiet_NaN(); ///< as a
    /// (b - a) / a in percent; none when either is missing or a is 0.
    std::optional<double> deltaPercent;
    /// The bootstrap's 95% interval of the difference of the rows' means (B - A), in the
    /// figure's unit; none for counts, the maximum, and runs with fewer than kMinRows rows
    /// holding the figure.
    std::optional<double> noiseLow;
    std::optional<double> noiseHigh; ///< see noiseLow
    /// True when the interval holds zero: the change is within run-to-run noise.
    bool withinNoise() const { return noiseLow && noiseHigh && *noiseLow <= 0 && *noiseHigh >= 0; }
};

/// Two runs compared: every ComparedMetric::Figure, in order. A value type.
struct RunComparison {
    static constexpr int kMinRows = 3;      ///< rows a run needs for the noise interval
    static constexpr int kResamples = 2000; ///< bootstrap resamples per figure
    QList<ComparedMetric> metrics;          ///< one per figure, in Figure's order
    const ComparedMetric& at(ComparedMetric::Figure figure) const
    {
        return metrics.at(static_cast<int>(figure));
    }
};

/// Compares run \a a with run \a b: the whole-run figures from their summaries (utilisation: the
/// rows' time-weighted mean) and, for each figure the interval rows carry, a percentile bootstrap
/// over those rows (each run's rows resampled with replacement, kResamples times, from a fixed
/// seed so the same files give the same table). Pure; any thread.
RunComparison compareRuns(const RunRecord& a, const RunRecord& b);

} // namespace shoal
