#pragma once

#include "pool/context.h"

#include <chrono>
#include <mutex>

namespace shoal {

/// The contexts the load generator's calls hang from: a drop context that only dropAll() cancels
/// (the parent of every call without a deadline of its own, so that a dropped run's jobs are
/// interrupted instead of waited for), and under it the cancel parent of every processCtx call,
/// which cancelAll() cancels and replaces. Any thread; the cancel parent is guarded by a mutex.
class CallContexts {
public:
    CallContexts();
    CallContexts(const CallContexts&) = delete;
    CallContexts& operator=(const CallContexts&) = delete;

    /// The parent of process calls and of processTimed calls without a timeout. Set once.
    const Context& dropContext() const { return m_drop; }
    /// A new context for one processCtx call: a child of the current cancel parent, with
    /// \a timeout as its deadline (0 = none). Takes the mutex only to copy the parent.
    Context forCtxCall(std::chrono::nanoseconds timeout);
    /// Cancels every processCtx call made so far, then replaces the parent so that later calls
    /// are not born canceled. Runs the pool's abandon on this thread; never waits for a job.
    void cancelCtxCalls();
    /// Cancels every call hanging from the drop context, for good (see LoadGenerator::dropAll()).
    void drop() const { m_drop.cancel(); }

private:
    const Context m_drop; ///< canceled only by drop()
    std::mutex m_mutex;   ///< guards m_ctxParent
    Context m_ctxParent;  ///< every processCtx call is a child of this (itself of m_drop)
};

} // namespace shoal
