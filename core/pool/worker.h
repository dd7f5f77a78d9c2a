#pragma once

#include "context.h"

#include <any>
#include <atomic>

namespace shoal {

namespace detail {
class WorkerRunner;
}

/// One worker of a Pool (tunny.Worker). The pool creates one per slot with its factory, on the
/// constructing thread, and from then on drives it from the worker's own QThread. A worker
/// holds per-worker state (buffers, codecs, connections) that lives across many jobs.
class Worker {
public:
    virtual ~Worker();

    /// Runs one job on the worker's QThread and returns its result. Throwing fails only this
    /// call (WorkerThrew with the message, or the code of a thrown PoolError); the worker lives
    /// on. A result produced after the caller gave up is discarded.
    virtual std::any process(std::any payload) = 0;

    /// Called on the worker's QThread before each job; may block to refuse work (a rate limit, a
    /// shared semaphore). NOTE: blocking here holds up shrinking and closing the pool unless the
    /// wait also ends when stopContext() is done.
    virtual void blockUntilReady() {}

    /// Called from the abandoning caller's thread (or the timer thread for asynchronous timed
    /// calls), exactly once per abandoned job, only while that job is the worker's current one:
    /// from just before process() is entered for it (isInterrupted() is then already true on
    /// entry) to just after process() returns; the worker moves on to nothing else (no other
    /// job, no blockUntilReady()) until interrupt() has returned. isInterrupted() is already
    /// true when it is called. Make process() stop early if it can.
    virtual void interrupt() {}

    /// Called once on the worker's QThread when the worker is removed (setSize shrink or
    /// close), after its last job. Release resources here.
    virtual void terminate() {}

protected:
    /// Done when this worker is being retired or its pool is closing. Waits in
    /// blockUntilReady() should end when it is done. Valid from the first blockUntilReady().
    /// After delegate(), the outer worker's.
    const Context& stopContext() const { return outermost().m_stop; }

    /// True once the caller of the current job has given up. The pool clears it before each
    /// process() and sets it before calling interrupt(), so polling it from process() never
    /// misses an interrupt that arrives as the job starts (a flag the worker resets itself at
    /// the top of process() could). After delegate(), the outer worker's flag. Worker's thread;
    /// lock-free.
    bool isInterrupted() const noexcept
    {
        return outermost().m_interrupted.load(std::memory_order_acquire);
    }

    /// For a worker that hands its jobs to a worker it owns (a wrapper, or one that switches
    /// between kinds of work): from then on \a inner's stopContext() and isInterrupted() are
    /// \a outer's, which the pool drives, so \a inner's waits end when the pool retires \a outer
    /// and its jobs stop when \a outer's caller gives up. \a outer still forwards the four calls
    /// itself. Call it on the thread that made \a inner, before \a inner is used; it may come
    /// before the pool starts \a outer (from its constructor), and chains (\a outer may be
    /// delegated later). \a outer must outlive \a inner's use.
    static void delegate(const Worker& outer, Worker& inner) noexcept;

private:
    friend class detail::WorkerRunner;
    /// The worker the pool drives: this one, or the end of its chain of delegate() calls.
    const Worker& outermost() const noexcept
    {
        const Worker* worker = this;
        while (worker->m_outer)
            worker = worker->m_outer;
        return *worker;
    }

    Context m_stop;                         ///< set by the runner before the thread starts
    std::atomic<bool> m_interrupted{false}; ///< written by the runner and the abandoner
    const Worker* m_outer = nullptr;        ///< set by delegate(); null for a worker of its own
};

} // namespace shoal
