#include "workerrunner.h"

#include "call.h"
#include "deadlinetimer.h"
#include "dispatcher.h"
#include "spinningwait.h"

#include <QtDebug>

#include <algorithm>
#include <exception>
#include <thread>

namespace shoal::detail {

WorkerRunner::WorkerRunner(int id, std::unique_ptr<Worker> worker,
                           std::shared_ptr<Dispatcher> dispatcher)
    : m_id(id)
    , m_worker(std::move(worker))
    , m_dispatcher(std::move(dispatcher))
{
    m_worker->m_stop = Context::withCancel(Context::background());
}

WorkerRunner::~WorkerRunner()
{
    join();
    // A submitter that handed this worker its last call may not have finished waking it.
    while (m_pendingWakes.load(std::memory_order_acquire) != 0)
        std::this_thread::yield();
}

void WorkerRunner::start()
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("shoal-worker-%1").arg(m_id));
    m_thread->start();
}

void WorkerRunner::requestStop()
{
    m_worker->m_stop.cancel();
    m_parker.unpark();
}

void WorkerRunner::join()
{
    if (!m_thread)
        return;
    m_thread->wait();
    const bool finished = m_finished.load(std::memory_order_acquire);
    Q_ASSERT(finished);
    Q_UNUSED(finished);
}

bool WorkerRunner::isCurrentThread() const noexcept
{
    return m_thread && QThread::currentThread() == m_thread.get();
}

void WorkerRunner::reapWhenDone(std::unique_ptr<WorkerRunner> runner) noexcept
{
    runner.release()->m_reapSelf = true;
}

void WorkerRunner::markRetiring() noexcept
{
    m_retiring.store(true, std::memory_order_seq_cst);
    // A busy or idle worker shows as Retiring at once; an abandoned one keeps that state.
    WorkerState state = m_state.load(std::memory_order_seq_cst);
    while (
        state != WorkerState::Abandoned && state != WorkerState::Retiring &&
        !m_state.compare_exchange_weak(state, WorkerState::Retiring, std::memory_order_seq_cst)) {
    }
}

void WorkerRunner::setState(WorkerState state) noexcept
{
    m_state.store(state, std::memory_order_seq_cst);
    if (state != WorkerState::Abandoned && m_retiring.load(std::memory_order_seq_cst))
        m_state.store(WorkerState::Retiring, std::memory_order_seq_cst);
}

void WorkerRunner::interruptWorker()
{
    m_state.store(WorkerState::Abandoned, std::memory_order_seq_cst);
    m_serving.store(false, std::memory_order_relaxed);
    m_worker->m_interrupted.store(true, std::memory_order_release);
    guarded("interrupt", [this] { m_worker->interrupt(); });
}

template <class Fn>
void WorkerRunner::guarded(const char* what, Fn&& fn) noexcept
{
    try {
        fn();
    } catch (const std::exception& e) {
        qWarning("shoal: worker %d: %s() threw: %s", m_id, what, e.what());
    } catch (...) {
        qWarning("shoal: worker %d: %s() threw", m_id, what);
    }
}

void WorkerRunner::run()
{
    for (;;) {
        setState(WorkerState::Blocked);
        guarded("blockUntilReady", [this] { m_worker->blockUntilReady(); });
        Call* call = nextCall();
        if (!call)
            break;
        runCall(call);
    }
    setState(WorkerState::Retiring);
    guarded("terminate", [this] { m_worker->terminate(); });
    const bool reapSelf = m_reapSelf;
    m_finished.store(true, std::memory_order_release);
    if (reapSelf) {
        // Nobody owns this runner now; the timer thread's join waits for this function to end.
        DeadlineTimer::instance().schedule(DeadlineTimer::Clock::now(), [this] { delete this; });
    }
}

Call* WorkerRunner::nextCall()
{
    bool stopping = false;
    if (Call* call = m_dispatcher->take(this, stopping))
        return call;
    if (stopping)
        return nullptr;
    setState(WorkerState::Idle);
    SpinningWait wait(*m_dispatcher);
    for (;;) {
        // Retirement first: a call assigned before it is visible once retirement is, and it is
        // still run, so nothing handed to this worker is lost.
        const bool retiring = isRetiring();
        if (Call* call = m_assigned.exchange(nullptr, std::memory_order_acquire))
            return call;
        if (retiring)
            return nullptr;
        wait.park(m_parker, std::nullopt);
    }
}

std::chrono::nanoseconds
WorkerRunner::busyTime(std::chrono::steady_clock::time_point now) const noexcept
{
    const qint64 finished = m_busyNs.load(std::memory_order_acquire);
    const qint64 start = m_jobStartNs.load(std::memory_order_relaxed);
    const qint64 running =
        start > 0 ? std::max<qint64>(0, now.time_since_epoch().count() - start) : 0;
    return std::chrono::nanoseconds(finished + running);
}

void WorkerRunner::runCall(Call* call)
{
    // Cleared before the job becomes Running, so an abandoner's set (which needs Running) is
    // ordered after it.
    m_worker->m_interrupted.store(false, std::memory_order_relaxed);
    m_serving.store(true, std::memory_order_relaxed); // before Running: an abandoner's clear wins
    // Busy before Running too: interruptWorker() needs Running, so its Abandoned is never
    // overwritten and the lanes never show a zombie job as busy.
    setState(WorkerState::Busy);
    const auto started = Call::Clock::now();
    m_jobStartNs.store(started.time_since_epoch().count(), std::memory_order_relaxed);
    std::any value;
    std::error_code error;
    std::string message;
    // Running spans no more than process() itself, entered and left: interrupt() can only come
    // between begin() and claim(), i.e. while process() runs, just as it is entered (when
    // isInterrupted() is already true), or just as it returns (before this worker moves on).
    if (!m_dispatcher->begin(call)) {
        m_jobStartNs.store(0, std::memory_order_relaxed);
        m_serving.store(false, std::memory_order_relaxed);
        release(call); // given up before it started: never dispatched
        return;
    }
    try {
        value = m_worker->process(std::move(call->payload));
    } catch (const PoolError& e) {
        error = e.code();
        message = e.what();
    } catch (const std::exception& e) {
        error = PoolErrc::WorkerThrew;
        message = e.what();
    } catch (...) {
        error = PoolErrc::WorkerThrew;
        message = "unknown exception";
    }
    const bool claimed = m_dispatcher->claim(call);
    const auto finished = Call::Clock::now();
    m_queueWait.record(started - call->submittedAt);
    m_service.record(finished - started);
    // Start cleared before the total grows (release): a reader that sees the new total does not
    // also count the job as running.
    m_jobStartNs.store(0, std::memory_order_relaxed);
    m_busyNs.fetch_add((finished - started).count(), std::memory_order_release);
    m_jobs.store(m_jobs.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);

    if (claimed) {
        m_serving.store(false, std::memory_order_relaxed);
        auto& counter = error ? m_failed : m_completed;
        counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_release);
        m_dispatcher->deliver(call, std::move(value), error, std::move(message));
    } else {
        // Abandoned: the abandoning thread may still be inside interrupt(); serve no one until
        // it has returned, so interrupt() never overlaps another job.
        while (call->phase.load(std::memory_order_acquire) != CallPhase::Abandoned)
            call->parker.park();
    }
    release(call);
}

} // namespace shoal::detail
