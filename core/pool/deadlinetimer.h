#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace shoal {

/// One process-wide thread that runs callbacks at deadlines: context deadlines and the timeouts
/// of asynchronous timed calls. Synchronous waits do not use it; they sleep with their own
/// deadline, which is more precise.
///
/// Callbacks run on the timer thread, outside its lock, one at a time: a callback that blocks
/// delays every later deadline, so keep them short.
///
/// The timer is never destroyed: it lives until the process ends, so pools and contexts used
/// during static destruction (or a callback that calls std::exit()) find it intact.
class DeadlineTimer {
public:
    using Clock = std::chrono::steady_clock;
    /// Identifies one scheduled callback; ordered by due time, then by scheduling order.
    using Handle = std::pair<Clock::time_point, std::uint64_t>;

    static DeadlineTimer& instance();
    /// now() + \a timeout, saturated at time_point::max() (which means "never").
    static Clock::time_point after(std::chrono::nanoseconds timeout) noexcept;

    /// Runs \a callback on the timer thread at \a when (at once if it is past). Any thread.
    Handle schedule(Clock::time_point when, std::function<void()> callback);
    /// Removes a callback that has not started. True when it was removed, false when it has run,
    /// is running, or was never scheduled. Any thread, including the timer thread.
    bool cancel(const Handle& handle);

    ~DeadlineTimer() = delete;
    DeadlineTimer(const DeadlineTimer&) = delete;
    DeadlineTimer& operator=(const DeadlineTimer&) = delete;

private:
    DeadlineTimer();
    void run();

    std::mutex m_mutex;                                  ///< guards everything below
    std::condition_variable m_wake;                      ///< an earlier deadline or shutdown
    std::map<Handle, std::function<void()>> m_callbacks; ///< pending, earliest first
    std::uint64_t m_nextId = 0;                          ///< tie-breaker for equal deadlines
    std::thread m_thread;                                ///< runs run(); last, started last
};

} // namespace shoal
