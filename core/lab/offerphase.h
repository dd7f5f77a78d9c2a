#pragma once

namespace shoal {

/// Where the load generator is in its life. Written by its control members (any thread), read
/// by the pacer and by completions.
enum class OfferPhase {
    Idle,    ///< before start()
    Running, ///< offering calls
    Paused,  ///< no new calls until resume(); closed-loop callers wait
    Stopped, ///< for good: stopOffering(), dropAll() or the destructor
};

} // namespace shoal
