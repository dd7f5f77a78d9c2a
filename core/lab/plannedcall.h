#pragma once

#include <chrono>

namespace shoal {

/// One call the pacer is about to make: an open-loop arrival, a burst's call or a closed-loop
/// caller's next call. A value; copy freely.
struct PlannedCall {
    std::chrono::steady_clock::time_point intended; ///< its intended start: latency counts from it
    int caller = -1; ///< the closed-loop caller making it; -1 for an arrival or a burst
};

} // namespace shoal
