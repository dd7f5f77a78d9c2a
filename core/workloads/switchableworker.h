#pragma once

#include "liveparams.h"

#include "pool/worker.h"

#include <any>
#include <memory>
#include <mutex>

namespace shoal {

class Workload;

/// The workload a SwitchableWorkload makes payloads and new workers from; shared with its
/// workers, which may outlive it.
using CurrentWorkload = LiveParams<std::shared_ptr<Workload>>;

/// A SwitchableWorkload's payload: the payload of the workload current when it was made,
/// tagged with that workload, so the call runs on a worker of the same kind however often the
/// kind changes before it starts.
struct SwitchableJob {
    std::shared_ptr<Workload> workload; ///< made \c payload; never null
    std::any payload;                   ///< what \c workload's workers process
};

/// A worker of a SwitchableWorkload: it keeps one inner worker, made by a workload, and hands
/// it every call. A job whose payload comes from another workload than the inner worker's
/// retires that worker (terminate()) and runs on a new one from the job's workload, so queued
/// calls of the old kind still run on old-kind workers and new calls on new-kind ones. The
/// inner workers are delegated (Worker::delegate()): they see this worker's stop context and
/// interrupt flag. Any other payload type fails the call (std::invalid_argument).
class SwitchableWorker final : public Worker {
public:
    /// Makes the first inner worker from \a current's workload at once, on the thread that
    /// creates or grows the pool, as the plain workloads do.
    explicit SwitchableWorker(std::shared_ptr<const CurrentWorkload> current);
    ~SwitchableWorker() override;

    /// Worker's thread: the inner worker's (made from the current workload if there is none).
    void blockUntilReady() override;
    /// Worker's thread. A job of another workload first retires the inner worker, then makes
    /// one from the job's workload and runs its blockUntilReady() (its rate limit and slots),
    /// counted in this job's service time; then the inner worker's process(). With a limiter
    /// shared by both workloads, a switch so costs one token more.
    std::any process(std::any payload) override;
    /// Abandoning thread: forwarded once the inner worker runs the job; before that, the inner
    /// worker sees isInterrupted() when its process() starts.
    void interrupt() override;
    /// Worker's thread: the inner worker's, which is then dropped.
    void terminate() override;

private:
    /// Retires the inner worker, if any, and makes one from \a workload. Throws what
    /// \a workload's makeWorker() throws, std::invalid_argument when it makes none.
    void replaceInner(std::shared_ptr<Workload> workload);
    /// Runs the inner worker's terminate(), if there is one, and drops it.
    void retireInner();
    /// Marks whether m_inner runs the current job, for interrupt().
    void setInnerServing(bool serving);

    std::shared_ptr<const CurrentWorkload> m_current; ///< shared with the workload
    /// Made m_inner, and outlives it (declared before it, so destroyed after it).
    std::shared_ptr<Workload> m_innerWorkload;
    std::unique_ptr<Worker> m_inner; ///< changed on the worker's thread only, under m_mutex
    std::mutex m_mutex;              ///< guards m_inner's changes and m_innerServing
    bool m_innerServing = false;     ///< m_inner is inside process() for the current job
};

} // namespace shoal
