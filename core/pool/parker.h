#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>

namespace shoal {

/// A one-waiter, auto-reset wake-up: any thread calls unpark(); only the owning thread calls
/// park(). park() first spins for a short budget, because a pool handoff is usually about a
/// microsecond away and a futex sleep plus wake costs ~10 µs on a virtual machine; then it
/// sleeps on a futex until unparked or until the deadline.
///
/// The spin is pure CPU pause hints, never a yield, so a deadline is kept to the futex's own
/// precision.
///
/// Wake-ups coalesce: several unpark() calls before a park() are consumed by one park(). Callers
/// therefore re-check their own condition after every return.
class Parker {
public:
    using Clock = std::chrono::steady_clock;

    /// Wakes the owner if it is parked, or makes its next park() return at once. Any thread;
    /// never blocks.
    void unpark() noexcept;

    /// Owner thread only. Returns true when unparked, false when the deadline passed first.
    /// Spins for at most \a spin before sleeping.
    bool park(std::optional<Clock::time_point> deadline = std::nullopt,
              std::chrono::nanoseconds spin = std::chrono::microseconds(50)) noexcept;

private:
    enum : std::uint32_t { Empty = 0, Notified = 1, Sleeping = 2 };
    bool consume() noexcept;

    std::atomic<std::uint32_t> m_state{Empty}; ///< futex word: Empty, Notified or Sleeping
};

/// One iteration of a polite busy-wait: a CPU pause hint.
void cpuRelax() noexcept;

} // namespace shoal
