#pragma once

#include "latencyhistogram.h"
#include "parker.h"
#include "poolprobe.h"
#include "worker.h"

#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>

namespace shoal::detail {

struct Call;
class Dispatcher;

/// Drives one Worker on its own QThread: blockUntilReady -> take the oldest call or wait idle
/// for one -> process -> deliver -> loop; terminate() once when retired. Records the worker's
/// state and its jobs' queue-wait and service times for the monitor (single writer, lock-free).
class WorkerRunner {
public:
    WorkerRunner(int id, std::unique_ptr<Worker> worker, std::shared_ptr<Dispatcher> dispatcher);
    ~WorkerRunner();
    WorkerRunner(const WorkerRunner&) = delete;
    WorkerRunner& operator=(const WorkerRunner&) = delete;

    /// Starts the worker's thread. Constructing thread.
    void start();
    /// Asks the worker to leave after its current job: ends its stopContext() and wakes it.
    /// Call after Dispatcher::retire(). Any thread.
    void requestStop();
    /// Waits until the thread has run terminate() and finished. Any thread but the worker's.
    void join();
    /// True on this runner's own thread.
    bool isCurrentThread() const noexcept;
    /// For a runner retired from its own thread (after requestStop()): the thread ends on its
    /// own and the deadline timer thread then joins and deletes the runner. Runner's thread.
    static void reapWhenDone(std::unique_ptr<WorkerRunner> runner) noexcept;

    // --- the dispatcher's side ----------------------------------------------------------------
    /// Hands a Taken call to this idle worker. Under the dispatcher's mutex; the caller must
    /// then call wakeAssigned() once, after unlocking.
    void assign(Call* call) noexcept
    {
        m_pendingWakes.fetch_add(1, std::memory_order_relaxed);
        m_assigned.store(call, std::memory_order_release);
    }
    /// Wakes the worker for an assigned call. The worker may finish the call, retire and be
    /// joined before this runs; the destructor waits for pending wakes, so this stays safe.
    void wakeAssigned() noexcept
    {
        m_parker.unpark();
        m_pendingWakes.fetch_sub(1, std::memory_order_release);
    }
    /// Marks the current job abandoned and calls the worker's interrupt(). Abandoning thread.
    void interruptWorker();
    /// Under the dispatcher's mutex.
    void markRetiring() noexcept;
    bool isRetiring() const noexcept { return m_retiring.load(std::memory_order_seq_cst); }

    // --- probes (any thread) ------------------------------------------------------------------
    int id() const noexcept { return m_id; }
    WorkerState state() const noexcept { return m_state.load(std::memory_order_relaxed); }
    qint64 jobs() const noexcept { return m_jobs.load(std::memory_order_relaxed); }
    /// Results delivered and process() failures, counted by this worker alone.
    qint64 completed() const noexcept { return m_completed.load(std::memory_order_acquire); }
    qint64 failed() const noexcept { return m_failed.load(std::memory_order_acquire); }
    /// True while process() runs a job whose caller still waits.
    bool isServing() const noexcept { return m_serving.load(std::memory_order_relaxed); }
    const LatencyHistogram& queueWait() const noexcept { return m_queueWait; }
    const LatencyHistogram& service() const noexcept { return m_service; }
    /// Time spent inside process() up to \a now, the running job included. A reader racing a
    /// job's end may miss that one job until its next reading, never count it twice.
    std::chrono::nanoseconds busyTime(std::chrono::steady_clock::time_point now) const noexcept;

private:
    void run();
    Call* nextCall();
    void runCall(Call* call);
    void setState(WorkerState state) noexcept;
    template <class Fn>
    void guarded(const char* what, Fn&& fn) noexcept;

    const int m_id;                           ///< stable, never reused within a pool
    std::unique_ptr<Worker> m_worker;         ///< the user's worker; used on m_thread only
    std::shared_ptr<Dispatcher> m_dispatcher; ///< shared: a self-reaped runner outlives the pool
    bool m_reapSelf = false;                  ///< see reapWhenDone(); this thread only
    std::unique_ptr<QThread> m_thread;        ///< runs run()
    Parker m_parker;                          ///< the worker sleeps here when idle
    std::atomic<Call*> m_assigned{nullptr};   ///< a call handed over while idle
    std::atomic<bool> m_retiring{false};      ///< leave after the current job
    std::atomic<int> m_pendingWakes{0};       ///< assign() calls whose wakeAssigned() is to come
    std::atomic<WorkerState> m_state{WorkerState::Blocked}; ///< for the monitor
    std::atomic<qint64> m_completed{0};                     ///< results this worker delivered
    std::atomic<qint64> m_failed{0};     ///< calls this worker failed (process() threw)
    std::atomic<bool> m_serving{false};  ///< inside process() for a caller who waits
    std::atomic<qint64> m_jobs{0};       ///< process() calls finished
    std::atomic<qint64> m_busyNs{0};     ///< process() time of the finished jobs
    std::atomic<qint64> m_jobStartNs{0}; ///< steady clock at the running job's start; 0 = none
    /// Released by the thread as its last act and acquired by join(): the happens-before edge
    /// of the join, stated in atomics that every tool (and reader) can see.
    std::atomic<bool> m_finished{false};
    LatencyHistogram m_queueWait; ///< submit -> process() start, per job
    LatencyHistogram m_service;   ///< process() duration, per job
};

} // namespace shoal::detail
