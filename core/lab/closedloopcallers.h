#pragma once

#include "offerphase.h"
#include "plannedcall.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace shoal {

/// The closed loop's callers: how many should be calling, which ones are (a call outstanding or
/// due), and the calls they make later (after a think time, after a refusal, or while paused).
/// Caller numbers run from 0; callers at or above the target end after their current call.
///
/// Any thread: the setters (control members), activate(), retire() and defer() (completions).
/// The take*() members and nextDue() are for the pacer thread. The due calls and the parked
/// callers are guarded by one mutex; the flags and counts are atomics.
class ClosedLoopCallers {
public:
    using Clock = std::chrono::steady_clock;

    /// What defer() did with a caller's next call.
    enum class Deferral {
        Timed,  ///< due at its time; the pacer makes it
        Parked, ///< paused: the pacer makes it after resume
        Ended,  ///< stopped: the caller has ended (retired)
    };

    /// \a phase is the generator's, read under the lock so that no caller is parked or timed
    /// after the pacer has swept for a pause or a stop. \a wakePacer is called (with no lock
    /// held) whenever a call becomes due earlier than every other, so the pacer may sleep until
    /// nextDue(). \a maxCallers bounds the callers (setCount() clamps to it).
    ClosedLoopCallers(int maxCallers, int callers, bool loopClosed,
                      const std::atomic<OfferPhase>& phase, std::function<void()> wakePacer);
    ClosedLoopCallers(const ClosedLoopCallers&) = delete;
    ClosedLoopCallers& operator=(const ClosedLoopCallers&) = delete;

    /// Sets the number of callers (kept while the loop is open) and returns whether the loop is
    /// closed, that is whether the target changed with it.
    bool setCount(int callers);
    /// Closes the loop (the target becomes the count) or opens it (the target becomes 0, every
    /// caller ends after its current call); false when it already was.
    bool setLoopClosed(bool closed);
    /// True while the loop is closed.
    bool isLoopClosed() const;
    /// The callers that should be calling: the count in a closed loop, 0 in an open one.
    int target() const { return m_target.load(std::memory_order_seq_cst); }
    /// Callers with a call outstanding or due.
    int activeCount() const { return m_active.load(std::memory_order_relaxed); }

    /// Marks \a caller as calling; false if it already was (someone else starts it).
    bool activate(int caller);
    /// Marks \a caller as ended. With \a mayRestart, starts it again (a call due now) if the
    /// target was raised above it meanwhile and the generator is running.
    void retire(int caller, bool mayRestart);
    /// Hands \a caller's next call, due at \a at, to the pacer; see Deferral.
    Deferral defer(int caller, Clock::time_point at);

    /// Pacer: activates the callers below the target that are not calling and appends their
    /// first calls, due \a now, to \a calls.
    void startBelowTarget(Clock::time_point now, std::vector<PlannedCall>& calls);
    /// Pacer: appends up to \a room calls due by \a now to \a calls; callers found above the
    /// target go to \a surplus instead (they end, unless raised again: retire(caller, true)).
    void takeDue(Clock::time_point now, std::size_t room, std::vector<PlannedCall>& calls,
                 std::vector<int>& surplus);
    /// Pacer, paused: every due call waits for the resume, timed from it.
    void parkDue();
    /// Pacer, resumed: the parked callers' calls, due \a now, to \a calls, or to \a surplus.
    void takeParked(Clock::time_point now, std::vector<PlannedCall>& calls,
                    std::vector<int>& surplus);
    /// Pacer, stopped: every caller with a call due or parked, to \a ended (they all end).
    void takeWaiting(std::vector<int>& ended);
    /// Pacer: when the earliest due call is due; nothing when none is.
    std::optional<Clock::time_point> nextDue() const;

private:
    /// Under m_mutex: adds a due call; true if it is now the earliest.
    bool pushDue(int caller, Clock::time_point at);

    const int m_maxCallers;                         ///< setCount() clamps to it
    const std::atomic<OfferPhase>& m_phase;         ///< the generator's; outlives this
    const std::function<void()> m_wakePacer;        ///< see the constructor
    std::unique_ptr<std::atomic<bool>[]> m_calling; ///< per caller: has a call out or due
    std::atomic<int> m_active{0};                   ///< callers with m_calling set
    std::atomic<int> m_target{0};                   ///< see target()

    mutable std::mutex m_mutex;     ///< guards the members below
    int m_count = 0;                ///< callers as set, kept while the loop is open
    bool m_closed = false;          ///< the loop is closed
    std::vector<PlannedCall> m_due; ///< min-heap by intended start: calls the pacer makes later
    std::vector<int> m_parked;      ///< callers waiting for resume
};

} // namespace shoal
