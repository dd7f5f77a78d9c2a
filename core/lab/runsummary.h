#pragma once

#include "callcounters.h"
#include "latencyspectrum.h"
#include "queueingmodel.h"
#include "steadywindow.h"

#include "pool/poolprobe.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

#include <optional>

namespace shoal {

/// What a finished run comes to: Session::runFinished() carries it, the command line prints it,
/// RunExport writes it as JSON. Latencies are over the whole run, in milliseconds (NaN when no
/// call ended). A value type; copy freely.
struct RunSummary {
    QString presetName;          ///< the configuration's name when the run started
    double elapsedSec = 0;       ///< wall clock from start to the end of draining
    double activeSec = 0;        ///< the run clock: offering time, pauses excluded
    CallCounters counters;       ///< the generator's, after draining
    PoolCounters poolCounters;   ///< the pool's own, read after it closed
    double offeredPerSec = 0;    ///< submitted / activeSec
    double throughputPerSec = 0; ///< completed / elapsedSec
    double latencyP50Ms = 0;     ///< end to end, from each call's intended start
    double latencyP95Ms = 0;     ///< as latencyP50Ms
    double latencyP99Ms = 0;     ///< as latencyP50Ms
    double latencyMaxMs = 0;     ///< as latencyP50Ms
    double queueWaitP95Ms = 0;   ///< submit to process() start
    double serviceP95Ms = 0;     ///< process() duration
    qint64 peakWaiting = 0;      ///< the most waiting calls a sample saw
    qint64 peakInFlight = 0;     ///< the most calls in flight a sample saw
    qint64 peakOutstanding = 0;  ///< the most calls outstanding at once (exact, from the generator)
    int peakAbandoned = 0;       ///< the most abandoned-but-running workers a sample saw
    bool identityHolds = false;  ///< submitted == completed + timedOut + canceled + failed +
                                 ///< rejected + notRunning, after draining
    bool poolAgrees = false;     ///< the pool's counters equal the generator's
    bool drained = false;        ///< every call ended within run.drainSec (else the pool was
                                 ///< closed on the rest, which then count as notRunning)
    qint64 samples = 0;          ///< rows taken
    qint64 events = 0;           ///< events recorded
    /// The queueing model for the settings of the steady part (the JSON's "model" block).
    ModelPrediction model;
    /// What the steady part measured (the JSON's "steady" block; its Little's law the
    /// "littlesLaw" block).
    SteadyMeasurement steady;
    /// The whole run's percentile spectra (the JSON's "latencySpectrumMs").
    LatencySpectrum spectrum;

    /// The summary as JSON (RunExport::summaryJson writes it); NaN latencies become null.
    QJsonObject toJson() const;
    /// The "model" block: DESIGN's names, quantiles only where the model gives them.
    static QJsonObject modelJson(const ModelPrediction& model);
    /// Reads modelJson()'s form back (a run file's summary), so a recorded run's model reads
    /// as the live one did; nothing when it is not that form.
    static std::optional<ModelPrediction> modelFromJson(const QJsonValue& value);
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::RunSummary)
