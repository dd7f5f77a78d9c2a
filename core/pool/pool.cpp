#include "pool.h"

#include "call.h"
#include "deadlinetimer.h"
#include "dispatcher.h"
#include "spinningwait.h"
#include "workerrunner.h"

#include <QPromise>

#include <stdexcept>
#include <thread>

namespace shoal {
namespace {

/// tunny.NewFunc's worker: the same function for every job.
class FunctionWorker final : public Worker {
public:
    explicit FunctionWorker(std::function<std::any(std::any)> fn)
        : m_fn(std::move(fn))
    {}
    std::any process(std::any payload) override { return m_fn(std::move(payload)); }

private:
    std::function<std::any(std::any)> m_fn; ///< shared by all workers of the pool
};

/// tunny.NewCallback's worker: the payload is the job.
class CallbackWorker final : public Worker {
public:
    std::any process(std::any payload) override
    {
        auto* callback = std::any_cast<std::function<void()>>(&payload);
        if (!callback || !*callback)
            throw PoolError(PoolErrc::JobNotFunc);
        (*callback)();
        return {};
    }
};

} // namespace

Pool::Pool(int size, Factory factory)
    : m_factory(std::move(factory))
    , m_dispatcher(std::make_shared<detail::Dispatcher>())
{
    if (size < 0)
        throw std::invalid_argument("shoal::Pool: size must not be negative");
    if (!m_factory)
        throw std::invalid_argument("shoal::Pool: no worker factory");
    try {
        std::lock_guard lock(m_sizeMutex);
        resize(size);
    } catch (...) {
        close();
        throw;
    }
}

Pool::~Pool()
{
    close();
}

std::unique_ptr<Pool> Pool::fromFunction(int size, std::function<std::any(std::any)> fn)
{
    if (!fn)
        throw std::invalid_argument("shoal::Pool::fromFunction: no function");
    return std::make_unique<Pool>(size, [fn] { return std::make_unique<FunctionWorker>(fn); });
}

std::unique_ptr<Pool> Pool::forCallbacks(int size)
{
    return std::make_unique<Pool>(size, [] { return std::make_unique<CallbackWorker>(); });
}

detail::Call* Pool::makeCall(std::any payload)
{
    m_dispatcher->noteSubmitted();
    auto* call = new detail::Call;
    call->payload = std::move(payload);
    return call;
}

Result<std::any> Pool::await(detail::Call* call, std::optional<Context::Clock::time_point> deadline,
                             const Context* ctx, std::error_code onDeadline,
                             Context::Subscription wakeOnDone)
{
    bool abandoned = false;
    detail::SpinningWait wait(*m_dispatcher);
    while (!call->settled.load(std::memory_order_acquire)) {
        const bool woken = wait.park(call->parker, deadline);
        if (call->settled.load(std::memory_order_acquire) || abandoned)
            continue;
        std::error_code why = ctx ? ctx->err() : std::error_code{};
        if (!why && !woken)
            why = onDeadline;
        if (why) {
            // May lose to the worker finishing; then it settles the call and wakes us.
            m_dispatcher->abandon(call, why);
            abandoned = true;
            deadline.reset();
        }
    }
    Result<std::any> result = call->error ? Result<std::any>(call->error, call->message)
                                          : Result<std::any>(std::move(call->value));
    // The context's callback touches the call: unregister it (waiting out a running one) first.
    wakeOnDone = {};
    detail::release(call);
    return result;
}

std::any Pool::process(std::any payload)
{
    detail::Call* call = makeCall(std::move(payload));
    m_dispatcher->submit(call);
    return await(call, std::nullopt, nullptr, {}).value();
}

Result<std::any> Pool::processTimed(std::any payload, std::chrono::nanoseconds timeout)
{
    const auto deadline = DeadlineTimer::after(timeout);
    detail::Call* call = makeCall(std::move(payload));
    m_dispatcher->submit(call);
    return await(call,
                 deadline == Context::Clock::time_point::max()
                     ? std::nullopt
                     : std::optional<Context::Clock::time_point>(deadline),
                 nullptr, PoolErrc::JobTimedOut);
}

Result<std::any> Pool::processCtx(const Context& ctx, std::any payload)
{
    detail::Call* call = makeCall(std::move(payload));
    if (const auto err = ctx.err()) {
        m_dispatcher->refuse(call, err);
        return await(call, std::nullopt, nullptr, {});
    }
    auto wakeOnDone = ctx.onDone([call] { call->parker.unpark(); });
    m_dispatcher->submit(call);
    return await(call, ctx.deadline(), &ctx, PoolErrc::DeadlineExceeded, std::move(wakeOnDone));
}

void Pool::submit(const Context& ctx, std::any payload, Callback onDone)
{
    detail::Call* call = makeCall(std::move(payload));
    call->asynchronous = true;
    call->onDone = std::move(onDone);
    if (const auto err = ctx.err()) {
        m_dispatcher->refuse(call, err);
        return;
    }
    if (ctx.isCancelable()) {
        // No call reference: ~Call destroys this link first, waiting for a running callback.
        // The dispatcher one keeps it alive should the pool go while the callback runs.
        call->contextLink = ctx.onDone(
            [dispatcher = m_dispatcher, call, ctx] { dispatcher->abandon(call, ctx.err()); });
    }
    m_dispatcher->submit(call);
}

void Pool::submitTimed(std::any payload, std::chrono::nanoseconds timeout, Callback onDone)
{
    detail::Call* call = makeCall(std::move(payload));
    call->asynchronous = true;
    call->onDone = std::move(onDone);
    detail::retain(call); // the timer's reference
    // Scheduled before the call is published, so the handle is written before anyone but the
    // timer can settle the call; the timer's own settlement does not read it.
    call->timer = DeadlineTimer::instance().schedule(
        DeadlineTimer::after(timeout), [dispatcher = m_dispatcher, call] {
            dispatcher->abandon(call, PoolErrc::JobTimedOut, true);
            detail::release(call);
        });
    m_dispatcher->submit(call);
}

QFuture<Result<std::any>> Pool::submit(const Context& ctx, std::any payload)
{
    auto promise = std::make_shared<QPromise<Result<std::any>>>();
    QFuture<Result<std::any>> future = promise->future();
    promise->start();
    submit(ctx, std::move(payload), [promise](Result<std::any> result) {
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

qint64 Pool::queueLength() const
{
    return waiting() + inFlight();
}

qint64 Pool::waiting() const noexcept
{
    return m_dispatcher->waiting();
}

qint64 Pool::inFlight() const
{
    std::lock_guard lock(m_registryMutex);
    qint64 serving = 0;
    for (const auto& runner : m_runners)
        serving += runner->isServing();
    return serving;
}

void Pool::setSize(int n)
{
    if (n < 0)
        throw std::invalid_argument("shoal::Pool::setSize: size must not be negative");
    std::unique_lock lock(m_sizeMutex, std::defer_lock);
    // A retired worker's resize gives way to the shrink or close that retired it, and once the
    // pool is closed setSize() is a no-op anyway.
    const Caller who = caller();
    if (!lockSize(lock, who,
                  [&] { return m_dispatcher->isOpen() && caller() != Caller::RetiredWorker; }))
        return;
    if (m_dispatcher->isOpen())
        resize(n);
    if (!m_dispatcher->isOpen()) {
        // A worker this resize retired may have begun a close() and left the rest of it to us.
        m_size.store(0, std::memory_order_relaxed);
        retireFrom(0);
    }
}

bool Pool::lockSize(std::unique_lock<std::mutex>& lock, Caller who,
                    const std::function<bool()>& keepTrying)
{
    if (who == Caller::Outside) {
        lock.lock();
        return true;
    }
    while (!lock.try_lock()) {
        if (!keepTrying())
            return false;
        std::this_thread::yield();
    }
    return true;
}

void Pool::resize(int n)
{
    const auto target = static_cast<std::size_t>(n);
    if (target < m_runners.size()) {
        m_size.store(n, std::memory_order_relaxed);
        retireFrom(target);
        return;
    }
    while (m_runners.size() < target) {
        std::unique_ptr<Worker> worker = m_factory();
        if (!worker)
            throw std::invalid_argument("shoal::Pool: the worker factory returned no worker");
        auto runner =
            std::make_unique<detail::WorkerRunner>(m_nextWorkerId, std::move(worker), m_dispatcher);
        ++m_nextWorkerId;
        runner->start();
        {
            std::lock_guard lock(m_registryMutex);
            m_runners.push_back(std::move(runner));
        }
        m_size.store(static_cast<int>(m_runners.size()), std::memory_order_relaxed);
    }
}

void Pool::retireFrom(std::size_t first)
{
    for (std::size_t i = first; i < m_runners.size(); ++i) {
        m_dispatcher->retire(m_runners[i].get());
        m_runners[i]->requestStop();
    }
    // A worker retiring itself (from process() or a continuation) cannot wait for itself: it
    // finishes its current call, runs terminate() and is reaped once its thread has ended.
    for (std::size_t i = first; i < m_runners.size(); ++i) {
        if (!m_runners[i]->isCurrentThread())
            m_runners[i]->join();
    }
    std::lock_guard lock(m_registryMutex);
    for (std::size_t i = first; i < m_runners.size(); ++i) {
        m_retiredQueueWait.add(m_runners[i]->queueWait());
        m_retiredService.add(m_runners[i]->service());
        m_retiredBusy += m_runners[i]->busyTime(detail::Call::Clock::now());
        m_retiredCompleted += m_runners[i]->completed();
        m_retiredFailed += m_runners[i]->failed();
        if (m_runners[i]->isCurrentThread())
            detail::WorkerRunner::reapWhenDone(std::move(m_runners[i]));
    }
    m_runners.erase(m_runners.begin() + static_cast<std::ptrdiff_t>(first), m_runners.end());
}

Pool::Caller Pool::caller() const
{
    std::lock_guard lock(m_registryMutex);
    for (const auto& runner : m_runners) {
        if (runner->isCurrentThread())
            return runner->isRetiring() ? Caller::RetiredWorker : Caller::Worker;
    }
    return Caller::Outside;
}

void Pool::setMaxWaiting(qint64 bound)
{
    m_dispatcher->setMaxWaiting(bound);
}

qint64 Pool::maxWaiting() const noexcept
{
    return m_dispatcher->maxWaiting();
}

void Pool::close()
{
    // Waiting calls are settled with no pool lock held, so their continuations may call
    // close() or setSize() themselves.
    const bool first = m_dispatcher->close();
    const Caller who = caller();
    if (!first && who != Caller::Outside)
        return; // another thread's close() is retiring this worker: do not wait for it
    {
        // A shrink that retired this worker holds the lock while it waits for it; it sees the
        // pool closed and retires the rest itself (setSize()).
        std::unique_lock lock(m_sizeMutex, std::defer_lock);
        if (!lockSize(lock, who, [&] { return caller() != Caller::RetiredWorker; }))
            return;
        m_size.store(0, std::memory_order_relaxed);
        retireFrom(0);
    }
    m_dispatcher->waitForSettlements();
}

void Pool::setDispatchOrder(DispatchOrder order)
{
    m_dispatcher->setDispatchOrder(order);
}

DispatchOrder Pool::dispatchOrder() const noexcept
{
    return m_dispatcher->dispatchOrder();
}

bool Pool::isRunning() const
{
    return m_dispatcher->isOpen();
}

PoolCounters Pool::counters() const
{
    std::lock_guard lock(m_registryMutex);
    // Workers' outcomes first, calls made (in the dispatcher's read) last: a concurrent reader
    // then never sees more outcomes than calls.
    qint64 completed = m_retiredCompleted;
    qint64 failed = m_retiredFailed;
    for (const auto& runner : m_runners) {
        completed += runner->completed();
        failed += runner->failed();
    }
    PoolCounters c = m_dispatcher->counters();
    c.completed = completed;
    c.failed = failed;
    return c;
}

std::vector<WorkerProbe> Pool::workers() const
{
    std::vector<WorkerProbe> probes;
    std::lock_guard lock(m_registryMutex);
    probes.reserve(m_runners.size());
    for (const auto& runner : m_runners)
        probes.push_back({runner->id(), runner->state(), runner->jobs()});
    return probes;
}

LatencyHistogram Pool::queueWaitHistogram() const
{
    std::lock_guard lock(m_registryMutex);
    LatencyHistogram total = m_retiredQueueWait;
    for (const auto& runner : m_runners)
        total.add(runner->queueWait());
    return total;
}

LatencyHistogram Pool::serviceHistogram() const
{
    std::lock_guard lock(m_registryMutex);
    LatencyHistogram total = m_retiredService;
    for (const auto& runner : m_runners)
        total.add(runner->service());
    return total;
}

std::chrono::nanoseconds Pool::busyTime() const
{
    const auto now = detail::Call::Clock::now();
    std::lock_guard lock(m_registryMutex);
    std::chrono::nanoseconds total = m_retiredBusy;
    for (const auto& runner : m_runners)
        total += runner->busyTime(now);
    return total;
}

} // namespace shoal
