#pragma once

#include "metricsrow.h"
#include "runstate.h"

#include "pool/poolprobe.h"

#include <QList>
#include <QMetaType>

namespace shoal {

/// What Session::sampleAvailable() carries: the new row of the time series plus what the UI
/// shows live but the history does not keep (each worker's state, the run's progress).
struct Sample {
    MetricsRow row;                  ///< as stored in the history and exported
    QList<WorkerProbe> workers;      ///< each worker's state, oldest first, retiring ones included
    RunState state = RunState::Idle; ///< the session's state when the row was taken
    double runSec = 0;               ///< the run clock: seconds of offering, pauses excluded
    double progress = 0;             ///< 0..1 of the run's duration or jobs
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::Sample)
