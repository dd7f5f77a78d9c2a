#pragma once

#include "context.h"
#include "deadlinetimer.h"
#include "parker.h"
#include "result.h"

#include <any>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace shoal::detail {

class WorkerRunner;

/// Where a call is in its life. Exactly one party wins each transition (a CAS, or a store under
/// the dispatcher's mutex for the Queued ones), and the winner of a transition into a final
/// outcome settles the call.
enum class CallPhase : std::uint8_t {
    New,          ///< made by the caller, not yet visible to workers
    Queued,       ///< in the dispatcher's waiting list
    Taken,        ///< handed to a worker that has not called process() yet
    Running,      ///< the worker's process() runs it for a caller who still waits
    Interrupting, ///< the caller gave up; interrupt() is being called
    Abandoned,    ///< the caller gave up; process() may still run; its result is discarded
    Completed,    ///< process() returned or threw and the worker settled the call
    Dropped,      ///< given up or refused before process() began; never dispatched
};

/// One call through the pool: payload in, outcome out. Reference counted because the caller,
/// the worker, the timer and a context callback may each outlive the others' interest.
struct Call {
    using Clock = std::chrono::steady_clock;
    using Callback = std::function<void(Result<std::any>)>;

    std::atomic<int> refs{2};                     ///< the caller's (or settlement's) + the pool's
    std::atomic<CallPhase> phase{CallPhase::New}; ///< see CallPhase
    std::atomic<bool> settled{false};             ///< the outcome below is final and visible
    std::any payload;                             ///< moved into process()
    std::any value;                               ///< process()'s result
    std::error_code error;                        ///< or why there is none
    std::string message;                          ///< detail for WorkerThrew
    Call* prev = nullptr;                         ///< waiting list link (dispatcher mutex)
    Call* next = nullptr;                         ///< waiting list link (dispatcher mutex)
    WorkerRunner* runner = nullptr;               ///< who took it; written before Taken is visible
    Clock::time_point submittedAt;                ///< start of the queue wait
    Parker parker;                                ///< a synchronous caller sleeps here
    bool asynchronous = false;                    ///< submitted without a waiting caller
    Callback onDone;                              ///< its continuation; may be empty
    std::optional<DeadlineTimer::Handle> timer;   ///< an asynchronous timed call's deadline
    /// Destroyed first (declared last): if the context's callback is running on another thread,
    /// ~Call waits for it before any other member goes away.
    Context::Subscription contextLink;
};

inline void retain(Call* call) noexcept
{
    call->refs.fetch_add(1, std::memory_order_relaxed);
}

inline void release(Call* call) noexcept
{
    if (call->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
        delete call;
}

} // namespace shoal::detail
