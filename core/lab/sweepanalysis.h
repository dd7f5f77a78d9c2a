#pragma once

#include "sweeppoint.h"
#include "sweepslo.h"
#include "uslfit.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace shoal {

/// The smallest value of the first key whose every repeat meets the SLO, with what the sentence
/// "pool.size 5 is the smallest meeting p95 <= 36 ms at 300 calls/s; 4 gives 41 ms" needs.
struct SweepRecommendation {
    enum class Reason {
        SmallestMeeting,    ///< value meets and the next smaller value tried does not
        SmallestTriedMeets, ///< value is the smallest tried: smaller ones were not measured
        NoneMeets,          ///< no value meets; smaller* holds the largest value tried
    };
    QString key;                 ///< the first key
    std::optional<double> value; ///< the recommendation; none when NoneMeets
    SweepSlo slo;                ///< the objective it meets
    Reason reason = Reason::NoneMeets;
    double figureMs = std::numeric_limits<double>::quiet_NaN();         ///< value's worst repeat
    double throughputPerSec = std::numeric_limits<double>::quiet_NaN(); ///< mean of its repeats
    std::optional<double> smallerValue; ///< the next smaller value tried (the largest, NoneMeets)
    double smallerFigureMs = std::numeric_limits<double>::quiet_NaN(); ///< its worst repeat

    /// The reason as JSON spells it: "smallestMeeting", "smallestTriedMeets", "noneMeets".
    static QString reasonName(Reason reason);
};

/// The point of highest power, throughput / mean latency (Kleinrock): where adding load stops
/// buying throughput without paying more in latency. Repeats are averaged per value.
struct SweepKnee {
    QString key;                 ///< the first key
    double value = 0;            ///< its value at the knee
    double power = 0;            ///< throughputPerSec / latencyMeanMs there
    double throughputPerSec = 0; ///< mean over the value's repeats
    double latencyMeanMs = 0;    ///< mean over the value's repeats
};

/// The analysis of the points that share one value of the second key (all points when there is
/// one key).
struct SweepGroup {
    std::optional<double> where;                       ///< the second key's value, if any
    std::optional<SweepRecommendation> recommendation; ///< none without an SLO
    std::optional<SweepKnee> knee; ///< none when no value has a throughput and a mean latency
    std::optional<UslFit> usl;     ///< when asked for (see UslFit::status for whether it fitted)
    QList<SweepPoint> uslPoints;   ///< the points the fit used, in its residuals' order
};

/// What the analysis is asked to do.
struct SweepAnalysisOptions {
    std::optional<SweepSlo> slo; ///< the objective for the recommendation, if any
    bool fitUsl = false;         ///< fit the scaling law to throughput vs the first key; the
                                 ///< caller asks only for closed-loop sweeps of callers or size
};

/// A sweep's recommendation, knee and scaling fit, per value of the second key. A value type.
struct SweepAnalysis {
    QStringList keys;         ///< the swept keys, first one analysed
    QList<SweepGroup> groups; ///< one for a one-key sweep, else one per second-key value, ascending

    /// The "recommendation", "knee" and "usl" blocks of the summary's "sweep" object: for one key
    /// each an object or null; for two keys each an array, one entry per value of the second key
    /// carrying "where": {KEY2: value}, in ascending order of it; where a block is absent its
    /// entry holds only "where".
    QJsonObject toJson() const;
};

/// Analyses the points of a sweep over keys (one or two). Points without a finite value of a key
/// are ignored; a point's repeats share its values. Recommendation: the smallest value of the
/// first key whose every repeat meets options.slo (a repeat with no figure fails). Knee: the value
/// of highest power; on a tie (within 1e-9) the smaller value; values with no finite, positive
/// power are skipped. USL: fitted to every point with a finite throughput. Pure; any thread.
SweepAnalysis analyseSweep(const QStringList& keys, const QList<SweepPoint>& points,
                           const SweepAnalysisOptions& options);

} // namespace shoal

Q_DECLARE_METATYPE(shoal::SweepAnalysis)
