#include "dispatcher.h"

#include "workerrunner.h"

#include <QThread>
#include <QtDebug>

#include <algorithm>
#include <exception>

namespace shoal::detail {
namespace {

/// The settlements this thread is inside, for waitForSettlements(): one dispatcher at a time is
/// tracked exactly; a nested one for another dispatcher saves and restores it.
struct ThreadSettling {
    const Dispatcher* dispatcher = nullptr;
    int depth = 0;
};
thread_local ThreadSettling t_settling;

} // namespace

/// Counts one settlement outside the workers for as long as it lives.
class Dispatcher::SettlingScope {
public:
    explicit SettlingScope(const Dispatcher& dispatcher)
        : m_dispatcher(dispatcher)
        , m_saved(t_settling)
    {
        m_dispatcher.m_settling.fetch_add(1, std::memory_order_acq_rel);
        if (t_settling.dispatcher == &dispatcher)
            ++t_settling.depth;
        else
            t_settling = {&dispatcher, 1};
    }
    ~SettlingScope()
    {
        t_settling = m_saved;
        m_dispatcher.m_settling.fetch_sub(1, std::memory_order_acq_rel);
        m_dispatcher.m_settling.notify_all();
    }
    SettlingScope(const SettlingScope&) = delete;
    SettlingScope& operator=(const SettlingScope&) = delete;

private:
    const Dispatcher& m_dispatcher;
    const ThreadSettling m_saved;
};

Dispatcher::Dispatcher()
    : m_maxSpinners(std::max(1, QThread::idealThreadCount()))
{}

void Dispatcher::submit(Call* call)
{
    call->submittedAt = Call::Clock::now();
    WorkerRunner* runner = nullptr;
    std::error_code refusal;
    bool published = false;
    {
        std::lock_guard lock(m_mutex);
        CallPhase expected = CallPhase::New;
        if (m_closed) {
            refusal = PoolErrc::PoolNotRunning;
        } else if (!m_idle.empty()) {
            if (call->phase.compare_exchange_strong(expected, CallPhase::Taken,
                                                    std::memory_order_acq_rel)) {
                if (m_order.load(std::memory_order_relaxed) == DispatchOrder::NewestIdleFirst) {
                    runner = m_idle.back();
                    m_idle.pop_back();
                } else {
                    runner = m_idle.front();
                    m_idle.erase(m_idle.begin());
                }
                call->runner = runner;
                runner->assign(call);
                published = true;
            }
        } else if (const auto bound = m_maxWaiting.load(std::memory_order_relaxed);
                   bound >= 0 && m_queued >= bound) {
            refusal = PoolErrc::QueueFull;
        } else if (call->phase.compare_exchange_strong(expected, CallPhase::Queued,
                                                       std::memory_order_acq_rel)) {
            link(call);
            published = true;
        }
    }
    if (published) {
        if (runner)
            runner->wakeAssigned();
        return;
    }
    if (refusal) {
        CallPhase expected = CallPhase::New;
        if (call->phase.compare_exchange_strong(expected, CallPhase::Dropped,
                                                std::memory_order_acq_rel)) {
            count(refusal);
            settle(call, refusal, {}, false);
        }
    }
    // Refused, or abandoned while New (its abandoner settled it): the pool lets go.
    release(call);
}

void Dispatcher::refuse(Call* call, std::error_code why)
{
    call->phase.store(CallPhase::Dropped, std::memory_order_relaxed);
    count(why);
    settle(call, why, {}, false);
    release(call);
}

void Dispatcher::abandon(Call* call, std::error_code why, bool fromTimer)
{
    const SettlingScope scope(*this);
    CallPhase phase = call->phase.load(std::memory_order_acquire);
    for (;;) {
        switch (phase) {
        case CallPhase::New:
            // Not yet published; submit() will see Dropped and let go of the pool's reference.
            if (call->phase.compare_exchange_weak(phase, CallPhase::Dropped,
                                                  std::memory_order_acq_rel)) {
                count(why);
                settle(call, why, {}, fromTimer);
                return;
            }
            break;
        case CallPhase::Queued: {
            std::unique_lock lock(m_mutex);
            phase = call->phase.load(std::memory_order_relaxed);
            if (phase != CallPhase::Queued)
                break;
            unlink(call);
            call->phase.store(CallPhase::Dropped, std::memory_order_relaxed);
            lock.unlock();
            count(why);
            settle(call, why, {}, fromTimer);
            release(call); // the pool's reference: the list held it
            return;
        }
        case CallPhase::Taken:
            // The worker has not called process(); it will see Dropped and skip the call.
            if (call->phase.compare_exchange_weak(phase, CallPhase::Dropped,
                                                  std::memory_order_acq_rel)) {
                count(why);
                settle(call, why, {}, fromTimer);
                return;
            }
            break;
        case CallPhase::Running:
            if (call->phase.compare_exchange_weak(phase, CallPhase::Interrupting,
                                                  std::memory_order_acq_rel)) {
                WorkerRunner* runner = call->runner;
                runner->interruptWorker();
                // The runner waits for Abandoned on the call's parker: the call outlives this
                // (we hold a reference until settle()), the runner may not.
                call->phase.store(CallPhase::Abandoned, std::memory_order_release);
                call->parker.unpark();
                count(why);
                settle(call, why, {}, fromTimer);
                return;
            }
            break;
        default:
            return; // already settled, or being abandoned by someone else
        }
    }
}

Call* Dispatcher::take(WorkerRunner* runner, bool& stopping)
{
    std::lock_guard lock(m_mutex);
    stopping = runner->isRetiring();
    if (stopping)
        return nullptr;
    if (Call* call = m_head) {
        unlink(call);
        call->runner = runner;
        call->phase.store(CallPhase::Taken, std::memory_order_release);
        return call;
    }
    m_idle.push_back(runner);
    return nullptr;
}

bool Dispatcher::begin(Call* call)
{
    CallPhase expected = CallPhase::Taken;
    return call->phase.compare_exchange_strong(expected, CallPhase::Running,
                                               std::memory_order_acq_rel);
}

bool Dispatcher::claim(Call* call)
{
    CallPhase expected = CallPhase::Running;
    return call->phase.compare_exchange_strong(expected, CallPhase::Completed,
                                               std::memory_order_acq_rel);
}

void Dispatcher::deliver(Call* call, std::any value, std::error_code error, std::string message)
{
    call->value = std::move(value);
    settle(call, error, std::move(message), false);
}

bool Dispatcher::tryStartSpinning() noexcept
{
    int spinners = m_spinners.load(std::memory_order_relaxed);
    while (spinners < m_maxSpinners) {
        if (m_spinners.compare_exchange_weak(spinners, spinners + 1, std::memory_order_relaxed))
            return true;
    }
    return false;
}

void Dispatcher::noteSpin(bool succeeded) noexcept
{
    // A racy read-modify-write on purpose: the budget is a hint, and a lost update is harmless.
    const std::int64_t now = m_spinNs.load(std::memory_order_relaxed);
    const std::int64_t grown = now + std::max<std::int64_t>(1'000, now / 4);
    const std::int64_t next = succeeded ? std::min<std::int64_t>(MaxSpin.count(), grown)
                                        : std::max<std::int64_t>(MinSpin.count(), now / 2);
    if (next != now)
        m_spinNs.store(next, std::memory_order_relaxed);
}

void Dispatcher::retire(WorkerRunner* runner)
{
    std::lock_guard lock(m_mutex);
    runner->markRetiring();
    const auto it = std::find(m_idle.begin(), m_idle.end(), runner);
    if (it != m_idle.end())
        m_idle.erase(it);
}

bool Dispatcher::close()
{
    const SettlingScope scope(*this);
    std::vector<Call*> drained;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return false;
        m_closed = true;
        while (Call* call = m_head) {
            unlink(call);
            call->phase.store(CallPhase::Dropped, std::memory_order_relaxed);
            drained.push_back(call);
        }
    }
    for (Call* call : drained) {
        count(PoolErrc::PoolNotRunning);
        settle(call, PoolErrc::PoolNotRunning, {}, false);
        release(call); // the list's reference
    }
    return true;
}

void Dispatcher::waitForSettlements() const
{
    const int own = t_settling.dispatcher == this ? t_settling.depth : 0;
    for (int n = m_settling.load(std::memory_order_acquire); n > own;
         n = m_settling.load(std::memory_order_acquire))
        m_settling.wait(n, std::memory_order_acquire);
}

bool Dispatcher::isOpen() const
{
    std::lock_guard lock(m_mutex);
    return !m_closed;
}

void Dispatcher::setMaxWaiting(qint64 bound)
{
    m_maxWaiting.store(bound < 0 ? -1 : bound, std::memory_order_relaxed);
}

PoolCounters Dispatcher::counters() const noexcept
{
    PoolCounters c;
    c.timedOut = m_timedOut.value.load(std::memory_order_acquire);
    c.canceled = m_canceled.value.load(std::memory_order_acquire);
    c.rejected = m_rejected.value.load(std::memory_order_acquire);
    c.notRunning = m_notRunning.value.load(std::memory_order_acquire);
    c.submitted = m_submitted.value.load(std::memory_order_acquire);
    return c;
}

void Dispatcher::count(std::error_code error) noexcept
{
    Counter* counter = &m_canceled; // Canceled or DeadlineExceeded, unless one of these
    switch (outcomeOf(error)) {
    case Outcome::TimedOut:
        counter = &m_timedOut;
        break;
    case Outcome::Rejected:
        counter = &m_rejected;
        break;
    case Outcome::NotRunning:
        counter = &m_notRunning;
        break;
    default:
        break;
    }
    counter->value.fetch_add(1, std::memory_order_release);
}

void Dispatcher::settle(Call* call, std::error_code error, std::string message, bool fromTimer)
{
    call->error = error;
    call->message = std::move(message);
    if (!call->asynchronous) {
        call->settled.store(true, std::memory_order_release);
        call->parker.unpark();
        return;
    }
    // Asynchronous: stop the deadline (unless it is what brought us here), then continue.
    if (!fromTimer && call->timer && DeadlineTimer::instance().cancel(*call->timer))
        release(call); // the timer's reference
    Result<std::any> result =
        error ? Result<std::any>(error, call->message) : Result<std::any>(std::move(call->value));
    auto onDone = std::move(call->onDone);
    call->settled.store(true, std::memory_order_release);
    try {
        if (onDone) // fire and forget: nobody to tell, but the call is still let go of below
            onDone(std::move(result));
    } catch (const std::exception& e) {
        qWarning("shoal: a completion callback threw: %s", e.what());
    } catch (...) {
        qWarning("shoal: a completion callback threw");
    }
    release(call); // the settlement's reference
}

void Dispatcher::link(Call* call)
{
    call->prev = m_tail;
    call->next = nullptr;
    if (m_tail)
        m_tail->next = call;
    else
        m_head = call;
    m_tail = call;
    m_queuedMirror.store(++m_queued, std::memory_order_relaxed);
}

void Dispatcher::unlink(Call* call)
{
    if (call->prev)
        call->prev->next = call->next;
    else
        m_head = call->next;
    if (call->next)
        call->next->prev = call->prev;
    else
        m_tail = call->prev;
    call->prev = call->next = nullptr;
    m_queuedMirror.store(--m_queued, std::memory_order_relaxed);
}

} // namespace shoal::detail
