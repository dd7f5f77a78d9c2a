#pragma once

#include "call.h"
#include "dispatchorder.h"
#include "poolprobe.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

namespace shoal::detail {

class WorkerRunner;

/// The meeting point of callers and workers (tunny's request channel): a FIFO list of waiting
/// calls and a list of idle workers under one mutex, plus the lock-free counters the monitor
/// reads. The oldest waiting call is served first; which idle worker gets a new call is the
/// DispatchOrder. No user code runs under the mutex.
///
/// Owned through std::shared_ptr: the timer and context callbacks of asynchronous calls and the
/// worker runners hold it too, so a late callback never touches freed memory. Settlements that
/// run outside the workers (abandons, close()'s drain) are counted, and the pool's close() waits
/// for them, so no continuation runs after close() returns.
class Dispatcher {
public:
    Dispatcher();

    // --- callers ------------------------------------------------------------------------------
    /// Counts a call the moment it is made, whatever becomes of it.
    void noteSubmitted() noexcept { m_submitted.value.fetch_add(1, std::memory_order_relaxed); }
    /// Publishes a New call: hands it to an idle worker, queues it, or refuses it with
    /// PoolNotRunning or QueueFull. Consumes the pool's reference.
    void submit(Call* call);
    /// The caller gives up on \a call with \a why: a waiting call is removed and never
    /// dispatched; a running one gets its worker's interrupt() (here, on this thread) and its late
    /// result is discarded. A no-op if the call has already been settled or abandoned.
    /// \a fromTimer is true only on the timer thread, running the call's own deadline.
    /// Counted as a settlement in progress from its first look at the call to its return.
    void abandon(Call* call, std::error_code why, bool fromTimer = false);
    /// Settles a call that never reached submit() (its context was already done).
    void refuse(Call* call, std::error_code why);

    // --- workers ------------------------------------------------------------------------------
    /// The oldest waiting call, now Taken by \a runner; or null, with \a runner registered as
    /// idle (a later submit() assigns to it) or, if it is retiring, with \a stopping set.
    Call* take(WorkerRunner* runner, bool& stopping);
    /// Taken -> Running. False when the call was abandoned before it started.
    bool begin(Call* call);
    /// Running -> Completed: the worker's outcome will be delivered. False when the caller gave
    /// up; then the runner must wait for the phase to reach Abandoned before it moves on.
    bool claim(Call* call);
    /// Settles a claimed call with the worker's outcome (which the runner has counted first, so
    /// a caller that sees its result also sees it counted).
    void deliver(Call* call, std::any value, std::error_code error, std::string message);
    /// Whether an idle worker may spin before sleeping; bounded so idle workers do not crowd out
    /// busy threads. A true answer must be paired with stopSpinning().
    bool tryStartSpinning() noexcept;
    void stopSpinning() noexcept { m_spinners.fetch_sub(1, std::memory_order_relaxed); }
    /// How long a wait may spin now. Adaptive: halved each time a spin ends in sleep anyway
    /// (long jobs, or a machine whose cores are busy with other work), grown back when spins
    /// succeed, between MinSpin and MaxSpin.
    std::chrono::nanoseconds spinBudget() const noexcept
    {
        return std::chrono::nanoseconds(m_spinNs.load(std::memory_order_relaxed));
    }
    void noteSpin(bool succeeded) noexcept;
    static constexpr std::chrono::nanoseconds MinSpin{2'000};
    static constexpr std::chrono::nanoseconds MaxSpin{50'000};

    // --- the pool -----------------------------------------------------------------------------
    /// Marks \a runner as retiring and takes it off the idle stack; the caller then wakes it.
    void retire(WorkerRunner* runner);
    /// Refuses new calls and settles every waiting one with PoolNotRunning, here, under no
    /// lock. True for the call that closed it; later calls do nothing.
    bool close();
    /// Returns once no settlement runs outside the workers, except those this thread is inside
    /// (a continuation that closes its own pool).
    void waitForSettlements() const;
    void setDispatchOrder(DispatchOrder order) noexcept
    {
        m_order.store(order, std::memory_order_relaxed);
    }
    DispatchOrder dispatchOrder() const noexcept { return m_order.load(std::memory_order_relaxed); }
    bool isOpen() const;
    void setMaxWaiting(qint64 bound);
    qint64 maxWaiting() const { return m_maxWaiting.load(std::memory_order_relaxed); }

    // --- probes (any thread, lock-free) -------------------------------------------------------
    /// The outcomes settled here (completed and failed are counted by the runners) and the
    /// number of calls made.
    PoolCounters counters() const noexcept;
    /// Calls in the waiting list.
    qint64 waiting() const noexcept { return m_queuedMirror.load(std::memory_order_relaxed); }

private:
    /// A counter alone on its cache line, so counters written by different threads do not
    /// invalidate each other.
    struct alignas(64) Counter {
        std::atomic<qint64> value{0};
    };

    class SettlingScope;

    void settle(Call* call, std::error_code error, std::string message, bool fromTimer);
    /// Counts a call that its caller gave up on or that was refused.
    void count(std::error_code error) noexcept;
    void link(Call* call);
    void unlink(Call* call);

    mutable std::mutex m_mutex;            ///< guards the list, the idle stack, m_closed, m_queued
    Call* m_head = nullptr;                ///< oldest waiting call
    Call* m_tail = nullptr;                ///< newest waiting call
    std::atomic<qint64> m_queuedMirror{0}; ///< m_queued, for lock-free readers
    qint64 m_queued = 0;                   ///< length of the list
    std::vector<WorkerRunner*> m_idle;     ///< idle workers, newest last
    std::atomic<DispatchOrder> m_order{DispatchOrder::NewestIdleFirst}; ///< which idle one
    mutable std::atomic<int> m_settling{0}; ///< settlements running outside the workers
    bool m_closed = false;                  ///< close() was called
    std::atomic<qint64> m_maxWaiting{-1};   ///< bound on m_queued; -1 for none
    std::atomic<int> m_spinners{0};         ///< idle workers currently spinning
    std::atomic<std::int64_t> m_spinNs{MaxSpin.count()}; ///< the current spin budget
    const int m_maxSpinners;                             ///< the most that may spin at once

    Counter m_submitted; ///< calls made

    Counter m_timedOut; ///< JobTimedOut
    Counter m_canceled; ///< Canceled, DeadlineExceeded

    Counter m_rejected;   ///< QueueFull
    Counter m_notRunning; ///< PoolNotRunning
};

} // namespace shoal::detail
