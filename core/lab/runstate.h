#pragma once

#include <QMetaType>

namespace shoal {

/// Where a Session's run is. Idle -> Preparing -> Running <-> Paused -> Draining -> Finished;
/// reset() returns to Idle from anywhere.
enum class RunState {
    Idle,      ///< no run; the configuration may be changed freely
    Preparing, ///< the workload and the pool are being built (an image corpus may be generated)
    Running,   ///< calls are offered
    Paused,    ///< no new calls; the run clock and the timeline stand still
    Draining,  ///< the run is over: outstanding calls are finishing, then the pool is closed
    Finished,  ///< the run is over and summarised; start() begins a new one
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::RunState)
