#pragma once

#include "context.h"
#include "dispatchorder.h"
#include "latencyhistogram.h"
#include "poolprobe.h"
#include "result.h"
#include "worker.h"

#include <QFuture>

#include <any>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace shoal {

namespace detail {
class Dispatcher;
class WorkerRunner;
struct Call;
} // namespace detail

/// A fixed set of workers, each on its own QThread, serving callers one job at a time: Go's
/// tunny.Pool. Callers wait in FIFO order for whichever worker is ready first. Every member is
/// safe to call from any thread at any time, setSize() and close() included. No user code
/// (continuations, onDone callbacks, interrupt(), terminate()) runs under a pool lock, so a
/// continuation may call any member, close() and setSize() included.
///
/// From one of this pool's own workers (inside process() or a continuation running on the
/// worker), close(), a shrinking setSize() and ~Pool do not wait for that worker: it finishes
/// its current call, runs terminate() and its thread is joined and deleted by the deadline
/// timer thread moments later. So a continuation may drop the last owner of its pool. If another
/// thread's close() is already retiring it, a worker's close() returns at once. If a shrink on
/// another thread is retiring it, its close() returns at once too and that shrink finishes the
/// close, and its setSize() gives way to the shrink (as if it had come first).
class Pool {
public:
    using Factory = std::function<std::unique_ptr<Worker>()>;
    /// An asynchronous call's continuation. It runs exactly once, on the thread that settles the
    /// call: the worker's, the timer thread (timeouts), the canceling thread (contexts), the
    /// closing thread, or the submitting thread when the call is refused at once. May be empty
    /// (fire and forget): the call is still released once settled.
    using Callback = std::function<void(Result<std::any>)>;

    /// tunny.New: runs \a factory \a size times, in order, on this thread, and starts a thread
    /// per worker. If the factory throws, the workers made so far are terminated and joined and
    /// the exception propagates. Throws std::invalid_argument for a negative size, no factory,
    /// or a factory that returns no worker (null).
    Pool(int size, Factory factory);
    /// Closes the pool (see close()).
    ~Pool();
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    /// tunny.NewFunc: every worker runs \a fn.
    static std::unique_ptr<Pool> fromFunction(int size, std::function<std::any(std::any)> fn);
    /// tunny.NewCallback: payloads are std::function<void()>; anything else fails with
    /// JobNotFunc. Results are empty.
    static std::unique_ptr<Pool> forCallbacks(int size);

    /// Blocks until a worker has processed \a payload and returns its result. Throws PoolError:
    /// PoolNotRunning once the pool is closed (tunny panics), WorkerThrew if process() threw,
    /// QueueFull if the waiting bound is reached.
    std::any process(std::any payload);
    /// As process(), but gives up after \a timeout in total, waiting plus running, with
    /// JobTimedOut: a waiting call is never dispatched; a running one gets its worker's
    /// interrupt() on this thread and its late result is discarded. A timeout too large to add
    /// to now() (nanoseconds::max()) means none.
    Result<std::any> processTimed(std::any payload, std::chrono::nanoseconds timeout);
    /// As processTimed(), driven by \a ctx: Canceled or DeadlineExceeded. A context that is
    /// already done returns at once and the payload is never dispatched.
    Result<std::any> processCtx(const Context& ctx, std::any payload);

    /// processCtx() without blocking this thread or any other: \a onDone runs once with the
    /// outcome (see Callback). Costs no thread per outstanding call.
    void submit(const Context& ctx, std::any payload, Callback onDone);
    /// processTimed() without blocking; the deadline runs on the shared timer thread.
    void submitTimed(std::any payload, std::chrono::nanoseconds timeout, Callback onDone);
    /// submit() as a QFuture, for code that composes futures.
    QFuture<Result<std::any>> submit(const Context& ctx, std::any payload);

    /// tunny's QueueLength: calls made and not yet answered, waiting() + inFlight().
    qint64 queueLength() const;
    /// Calls waiting for a worker. Lock-free.
    qint64 waiting() const noexcept;
    /// Calls inside process() whose caller still waits (abandoned jobs are not counted). Scans
    /// the workers under the registry lock, which the workers never take.
    qint64 inFlight() const;

    /// Grows (running the factory here for each new slot) or shrinks. Shrinking retires the
    /// newest workers after their current job, wakes them from stopContext()-aware waits, runs
    /// terminate() on their threads, and returns when they are gone; waiting calls stay queued
    /// for the others. A no-op once closed. Throws std::invalid_argument for n < 0; a throwing
    /// factory (or one returning null, as std::invalid_argument) leaves the pool at the size
    /// reached, every worker built so far running.
    void setSize(int n);
    int size() const noexcept { return m_size.load(std::memory_order_relaxed); }

    /// Bounds how many calls may wait for a worker; beyond it a call fails at once with
    /// QueueFull. -1 (the default) means no bound. Takes effect for the next call.
    void setMaxWaiting(qint64 bound);
    qint64 maxWaiting() const noexcept;

    /// Waiting calls get PoolNotRunning; running jobs finish and are delivered; then every worker
    /// runs terminate() and its thread ends. Idempotent; returns when all workers are gone and
    /// every continuation of this pool has returned (those on the timer or a canceling thread
    /// included; not one this thread is inside), also when another thread's close() is in
    /// progress. After it returns no continuation runs and nothing of the pool is touched by
    /// the timer or by contexts. See the class comment for a worker closing its own pool.
    void close();
    bool isRunning() const;

    /// Which idle worker gets a new call (see DispatchOrder); default NewestIdleFirst. Takes
    /// effect for the next call. Any thread, lock-free.
    void setDispatchOrder(DispatchOrder order);
    DispatchOrder dispatchOrder() const noexcept;

    // --- probes for the monitor: any thread, lock-free for the pool's hot path ----------------
    /// Sums the dispatcher's and every worker's counts (registry lock, as inFlight()).
    PoolCounters counters() const;
    /// Each worker's state, retiring ones included, oldest first. Takes a registry lock the
    /// workers never touch.
    std::vector<WorkerProbe> workers() const;
    /// Cumulative queue wait (submit to process() start) and service (process() duration) of
    /// every job this pool has run, retired workers included.
    LatencyHistogram queueWaitHistogram() const;
    LatencyHistogram serviceHistogram() const;
    /// Worker time spent inside process() so far, abandoned jobs and retired workers included:
    /// its growth over an interval divided by size() x the interval is the pool's utilisation.
    std::chrono::nanoseconds busyTime() const;

private:
    detail::Call* makeCall(std::any payload);
    /// Waits for a synchronous call, gives it up at \a deadline or when \a ctx is done, and lets
    /// go of it (after dropping \a wakeOnDone, which refers to it).
    Result<std::any> await(detail::Call* call, std::optional<Context::Clock::time_point> deadline,
                           const Context* ctx, std::error_code onDeadline,
                           Context::Subscription wakeOnDone = {});
    void resize(int n);
    void retireFrom(std::size_t first);
    /// Who is calling: a thread of this pool's workers or another, and whether that worker has
    /// been retired by a shrink or close in progress.
    enum class Caller { Outside, Worker, RetiredWorker };
    Caller caller() const;
    /// On a worker, the size lock is taken only while \a keepTrying() says so: the thread
    /// holding it may be waiting for this very worker. Elsewhere, waits for it.
    bool lockSize(std::unique_lock<std::mutex>& lock, Caller who,
                  const std::function<bool()>& keepTrying);

    Factory m_factory;                                            ///< makes workers; any thread
    std::shared_ptr<detail::Dispatcher> m_dispatcher;             ///< callers meet workers here
    std::mutex m_sizeMutex;                                       ///< serialises setSize and close
    mutable std::mutex m_registryMutex;                           ///< guards m_runners for probes
    std::vector<std::unique_ptr<detail::WorkerRunner>> m_runners; ///< live and retiring workers
    LatencyHistogram m_retiredQueueWait;                          ///< from workers already gone
    LatencyHistogram m_retiredService;                            ///< from workers already gone
    std::chrono::nanoseconds m_retiredBusy{0};                    ///< from workers already gone
    qint64 m_retiredCompleted = 0;                                ///< from workers already gone
    qint64 m_retiredFailed = 0;                                   ///< from workers already gone
    std::atomic<int> m_size{0};                                   ///< the target number of workers
    int m_nextWorkerId = 0;                                       ///< under m_sizeMutex
};

} // namespace shoal
