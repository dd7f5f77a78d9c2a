#pragma once

#include <cstdint>

namespace shoal {

/// Which idle worker a new call is handed to when several are idle.
enum class DispatchOrder : std::uint8_t {
    /// The worker that went idle last: it is the one most likely still spinning, with warm
    /// caches, so the handoff is cheapest. At low load one worker then does most of the jobs.
    NewestIdleFirst,
    /// The worker that has waited longest, as tunny's shared channel does: jobs rotate over
    /// every worker, at the price of waking sleeping workers more often.
    LongestIdleFirst,
};

} // namespace shoal
