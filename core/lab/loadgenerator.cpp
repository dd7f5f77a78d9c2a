#include "loadgenerator.h"

#include "pool/outcome.h"
#include "pool/pool.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

namespace shoal {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

enum CallOutcome { Completed, TimedOut, Canceled, Failed, Rejected, NotRunning, OutcomeCount };

enum class Phase { Idle, Running, Paused, Stopped };

/// A closed-loop caller refused at once by a full queue tries again after at least this long, so
/// a bounded queue cannot turn its callers into a busy loop.
constexpr auto kRetryAfterRejection = 1ms;
/// The pacer hands at most this many calls over per round before it looks at its flags again.
constexpr std::size_t kMaxBatch = 4096;

/// Nonzero while this thread is inside one of our Pool::submit calls. A call refused at once runs
/// its completion right there; a closed-loop caller must not call again from inside that
/// completion (the recursion would have no bound), so it goes through the pacer instead.
thread_local int t_submitting = 0;

CallOutcome classify(const std::error_code& error)
{
    static_assert(NotRunning == static_cast<int>(shoal::Outcome::NotRunning));
    return static_cast<CallOutcome>(outcomeOf(error)); // the same outcomes, in the same order
}

std::chrono::nanoseconds fromMs(double ms)
{
    if (!std::isfinite(ms) || ms <= 0)
        return 0ns;
    return std::chrono::nanoseconds(std::llround(std::min(ms, 1e12) * 1e6));
}

/// A counter alone on its cache line: completions on different threads do not contend.
struct alignas(64) PaddedCounter {
    std::atomic<qint64> value{0};
};

/// A closed-loop caller's next call.
struct Due {
    Clock::time_point at; ///< its intended start
    int caller = 0;
    bool operator>(const Due& other) const { return at > other.at; }
};

} // namespace

struct LoadGenerator::Core : std::enable_shared_from_this<Core> {
    Core(Pool& p, PayloadFactory f, const Settings& s)
        : pool(p)
        , payloads(std::move(f))
        , mode(s.mode)
        , maxCalls(s.maxCalls)
        , api(static_cast<int>(s.api))
        , timeoutNs(fromMs(s.timeoutMs).count())
        , callers(std::clamp(s.callers, 0, MaxCallers))
        , targetCallers(s.mode == ArrivalMode::Closed ? callers.load() : 0)
        , thinkNs(fromMs(s.thinkMs).count())
        , callerActive(std::make_unique<std::atomic<bool>[]>(MaxCallers))
        , dropContext(Context::withCancel(Context::background()))
        , cancelParent(Context::withCancel(dropContext))
    {}

    // --- calls --------------------------------------------------------------------------------
    bool issue(int caller, Clock::time_point intended);
    void finish(const Result<std::any>& result, Clock::time_point intended, int caller);
    void next(int caller, CallOutcome outcome, Clock::time_point now);
    /// Marks \a caller as ended; with \a mayRestart, restarts it if a concurrent setCallers()
    /// raised the target after the caller read it.
    void retire(int caller, bool mayRestart);
    bool activate(int caller);
    /// Waits until no thread is inside issue(); from then on issue() never touches the pool.
    void detach();

    // --- the pacer thread ---------------------------------------------------------------------
    void pace(const Settings& settings);
    void wakePacer()
    {
        std::lock_guard lock(mutex);
        wake.notify_one();
    }

    Pool& pool;                        ///< not owned; outlives every issue() (see detach())
    PayloadFactory payloads;           ///< any thread
    ArrivalMode mode;                  ///< guarded by mutex
    const qint64 maxCalls;             ///< 0 = no limit
    std::atomic<int> inside{0};        ///< threads inside issue()
    std::atomic<bool> detached{false}; ///< issue() refuses once set
    std::atomic<qint64> issued{0};     ///< calls counted against maxCalls
    std::atomic<bool> limitReached{false};

    PaddedCounter submitted;                         ///< calls handed to the pool
    std::array<PaddedCounter, OutcomeCount> outcome; ///< by CallOutcome
    std::atomic<qint64> outstanding{0};              ///< for the peak only
    std::atomic<qint64> peakOutstanding{0};
    std::atomic<quint64> sequence{0}; ///< payload numbers
    LatencyHistogram latency;         ///< recordShared from completions

    std::atomic<int> api;           ///< a CallApi
    std::atomic<qint64> timeoutNs;  ///< 0 = none
    std::atomic<int> callers;       ///< closed loop, as set (kept while the loop is open)
    std::atomic<int> targetCallers; ///< the callers that should be calling: 0 in open loop
    std::atomic<qint64> thinkNs;    ///< closed loop
    std::atomic<Phase> phase{Phase::Idle};
    std::unique_ptr<std::atomic<bool>[]> callerActive; ///< per caller: has a call out or due
    std::atomic<int> activeCallers{0};

    /// Canceled only by dropAll(). Untimed calls hang from it, so that a dropped run's jobs are
    /// interrupted instead of waited for; set once, read from any thread.
    const Context dropContext;
    std::mutex contextMutex; ///< guards cancelParent
    Context cancelParent;    ///< every processCtx call is a child of this (itself of dropContext)

    // Guarded by mutex; the pacer sleeps on wake until one of these changes.
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<Due> timers; ///< min-heap of closed-loop calls due later
    std::vector<int> parked; ///< closed-loop callers waiting for resume
    qint64 burstPending = 0; ///< calls asked for by burst()
    Clock::time_point burstAt;
    std::optional<double> newRate; ///< set by setRate()
    bool modeChanged = false;      ///< set by setMode()
    bool callersChanged = false;   ///< setCallers(), setMode() or start()
    bool resumed = false;
    bool quit = false;
};

bool LoadGenerator::Core::issue(int caller, Clock::time_point intended)
{
    // A Dekker handshake with detach(): either detach() sees us inside, or we see it detached.
    inside.fetch_add(1, std::memory_order_seq_cst);
    if (detached.load(std::memory_order_seq_cst)) {
        inside.fetch_sub(1, std::memory_order_release);
        return false;
    }
    struct Leave {
        std::atomic<int>& inside;
        ~Leave() { inside.fetch_sub(1, std::memory_order_release); }
    } leave{inside};

    if (maxCalls > 0 && issued.fetch_add(1, std::memory_order_relaxed) >= maxCalls) {
        limitReached.store(true, std::memory_order_relaxed);
        return false;
    }
    std::any payload = payloads(sequence.fetch_add(1, std::memory_order_relaxed));
    // Counted before the pool sees the call: its outcome, counted later, can never be read
    // without it (see counters()).
    submitted.value.fetch_add(1, std::memory_order_relaxed);
    const qint64 now = outstanding.fetch_add(1, std::memory_order_relaxed) + 1;
    qint64 peak = peakOutstanding.load(std::memory_order_relaxed);
    while (peak < now &&
           !peakOutstanding.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }

    auto done = [self = shared_from_this(), intended, caller](Result<std::any> result) {
        self->finish(result, intended, caller);
    };
    const auto timeout = std::chrono::nanoseconds(timeoutNs.load(std::memory_order_relaxed));
    ++t_submitting;
    switch (static_cast<CallApi>(api.load(std::memory_order_relaxed))) {
    case CallApi::Process:
        pool.submit(dropContext, std::move(payload), std::move(done));
        break;
    case CallApi::ProcessTimed:
        if (timeout > 0ns)
            pool.submitTimed(std::move(payload), timeout, std::move(done));
        else
            pool.submit(dropContext, std::move(payload), std::move(done));
        break;
    case CallApi::ProcessCtx: {
        Context parent;
        {
            std::lock_guard lock(contextMutex);
            parent = cancelParent;
        }
        const Context ctx =
            timeout > 0ns ? Context::withTimeout(parent, timeout) : Context::withCancel(parent);
        pool.submit(ctx, std::move(payload), std::move(done));
        break;
    }
    }
    --t_submitting;
    return true;
}

void LoadGenerator::Core::finish(const Result<std::any>& result, Clock::time_point intended,
                                 int caller)
{
    const auto now = Clock::now();
    const CallOutcome o = classify(result.error());
    // Refusals fail at once; their zero wait would only dilute the latency of real calls.
    if (o != Rejected && o != NotRunning)
        latency.recordShared(now - intended);
    // Release: a reader that sees this outcome also sees the call's submitted count.
    outcome[o].value.fetch_add(1, std::memory_order_release);
    outstanding.fetch_sub(1, std::memory_order_relaxed);
    if (caller >= 0)
        next(caller, o, now);
}

void LoadGenerator::Core::next(int caller, CallOutcome o, Clock::time_point now)
{
    // The pool is closed: this caller would only be refused again.
    if (o == NotRunning) {
        retire(caller, false);
        return;
    }
    const Phase ph = phase.load(std::memory_order_seq_cst);
    if (ph == Phase::Stopped) {
        retire(caller, false);
        return;
    }
    if (caller >= targetCallers.load(std::memory_order_seq_cst)) {
        retire(caller, true);
        return;
    }
    auto delay = std::chrono::nanoseconds(thinkNs.load(std::memory_order_relaxed));
    if (o == Rejected)
        delay = std::max<std::chrono::nanoseconds>(delay, kRetryAfterRejection);
    if (ph == Phase::Running && delay == 0ns && t_submitting == 0) {
        if (!issue(caller, now))
            retire(caller, false);
        return;
    }
    // Later, or from inside a submit: the pacer makes the call (a timer, not a sleeping thread).
    bool stopped = false;
    {
        std::lock_guard lock(mutex);
        switch (phase.load(std::memory_order_relaxed)) {
        case Phase::Paused:
            parked.push_back(caller);
            break;
        case Phase::Stopped:
            stopped = true;
            break;
        case Phase::Idle:
        case Phase::Running:
            timers.push_back({now + delay, caller});
            std::push_heap(timers.begin(), timers.end(), std::greater<>());
            break;
        }
        wake.notify_one();
    }
    if (stopped)
        retire(caller, false);
}

bool LoadGenerator::Core::activate(int caller)
{
    bool expected = false;
    if (!callerActive[caller].compare_exchange_strong(expected, true, std::memory_order_seq_cst))
        return false;
    activeCallers.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void LoadGenerator::Core::retire(int caller, bool mayRestart)
{
    callerActive[caller].store(false, std::memory_order_seq_cst);
    activeCallers.fetch_sub(1, std::memory_order_relaxed);
    if (!mayRestart)
        return;
    // setCallers() stores the target and then tries to start every caller below it; one of
    // the two of us sees the other, and activate() lets only one restart the caller.
    if (phase.load(std::memory_order_seq_cst) == Phase::Running &&
        caller < targetCallers.load(std::memory_order_seq_cst) && activate(caller)) {
        std::lock_guard lock(mutex);
        timers.push_back({Clock::now(), caller});
        std::push_heap(timers.begin(), timers.end(), std::greater<>());
        wake.notify_one();
    }
}

void LoadGenerator::Core::detach()
{
    detached.store(true, std::memory_order_seq_cst);
    while (inside.load(std::memory_order_seq_cst) != 0)
        std::this_thread::yield();
}

void LoadGenerator::Core::pace(const Settings& settings)
{
    ArrivalSchedule schedule(settings.process, settings.ratePerSec, settings.seed);
    std::unique_lock lock(mutex);
    bool open = mode == ArrivalMode::Open;
    Clock::time_point last = Clock::now(); // the latest open-loop arrival made
    std::optional<Clock::time_point> nextArrival;
    const auto scheduleFrom = [&](Clock::time_point from) {
        const auto gap = schedule.nextGap();
        nextArrival = gap ? std::optional(from + *gap) : std::nullopt;
    };
    if (open)
        scheduleFrom(last);

    std::vector<std::pair<int, Clock::time_point>> batch;
    batch.reserve(kMaxBatch);
    std::vector<int> ended;
    std::vector<int> surplus; ///< callers due while above the target: they end, unless raised
    while (!quit) {
        const auto now = Clock::now();
        const Phase ph = phase.load(std::memory_order_relaxed);

        if (modeChanged) {
            modeChanged = false;
            open = mode == ArrivalMode::Open;
            nextArrival.reset();
            if (open) {
                last = now;
                scheduleFrom(now);
            }
        }
        if (newRate) {
            schedule.setRate(*newRate);
            newRate.reset();
            if (open) {
                const auto gap = schedule.nextGap();
                nextArrival = gap ? std::optional(std::max(last + *gap, now)) : std::nullopt;
            }
        }
        if (ph == Phase::Paused && !timers.empty()) {
            // Think times that end during a pause resume with it, timed from the resume.
            for (const Due& due : timers)
                parked.push_back(due.caller);
            timers.clear();
        }
        if (ph == Phase::Stopped) {
            for (const Due& due : timers)
                ended.push_back(due.caller);
            ended.insert(ended.end(), parked.begin(), parked.end());
            timers.clear();
            parked.clear();
        }
        if (resumed) {
            resumed = false;
            for (const int caller : parked) {
                if (caller < targetCallers.load(std::memory_order_seq_cst))
                    batch.emplace_back(caller, now);
                else
                    surplus.push_back(caller);
            }
            parked.clear();
            if (open)
                scheduleFrom(now);
        }
        if (callersChanged && ph == Phase::Running) {
            callersChanged = false;
            const int target = targetCallers.load(std::memory_order_seq_cst);
            for (int caller = 0; caller < target; ++caller) {
                if (activate(caller))
                    batch.emplace_back(caller, now);
            }
        }
        if (burstPending > 0 && ph != Phase::Stopped) {
            const auto n = std::min<qint64>(burstPending, kMaxBatch);
            burstPending -= n;
            for (qint64 i = 0; i < n; ++i)
                batch.emplace_back(-1, burstAt);
        }
        if (ph == Phase::Running) {
            while (!timers.empty() && timers.front().at <= now && batch.size() < kMaxBatch) {
                std::pop_heap(timers.begin(), timers.end(), std::greater<>());
                const Due due = timers.back();
                timers.pop_back();
                if (due.caller < targetCallers.load(std::memory_order_seq_cst))
                    batch.emplace_back(due.caller, due.at);
                else
                    surplus.push_back(due.caller);
            }
            while (open && nextArrival && *nextArrival <= now && batch.size() < kMaxBatch &&
                   !limitReached.load(std::memory_order_relaxed)) {
                batch.emplace_back(-1, *nextArrival);
                last = *nextArrival;
                scheduleFrom(last);
            }
        }

        if (batch.empty() && ended.empty() && surplus.empty()) {
            if (burstPending > 0 && ph != Phase::Stopped)
                continue;
            std::optional<Clock::time_point> wakeAt;
            if (ph == Phase::Running) {
                if (open && nextArrival && !limitReached.load(std::memory_order_relaxed))
                    wakeAt = nextArrival;
                if (!timers.empty() && (!wakeAt || timers.front().at < *wakeAt))
                    wakeAt = timers.front().at;
            }
            if (wakeAt)
                wake.wait_until(lock, *wakeAt);
            else
                wake.wait(lock);
            continue;
        }

        lock.unlock();
        for (const auto& [caller, intended] : batch) {
            if (!issue(caller, intended) && caller >= 0)
                retire(caller, false);
        }
        for (const int caller : ended)
            retire(caller, false);
        for (const int caller : surplus)
            retire(caller, true);
        batch.clear();
        ended.clear();
        surplus.clear();
        lock.lock();
    }
}

LoadGenerator::LoadGenerator(Pool& pool, PayloadFactory payloads, const Settings& settings)
    : m_core(std::make_shared<Core>(pool, std::move(payloads), settings))
    , m_settings(settings)
{}

LoadGenerator::~LoadGenerator()
{
    {
        std::lock_guard lock(m_core->mutex);
        m_core->quit = true;
        m_core->phase.store(Phase::Stopped, std::memory_order_seq_cst);
        m_core->wake.notify_one();
    }
    if (m_pacer.joinable())
        m_pacer.join();
    m_core->detach();
}

void LoadGenerator::start()
{
    if (m_pacer.joinable())
        return;
    {
        std::lock_guard lock(m_core->mutex);
        m_core->phase.store(Phase::Running, std::memory_order_seq_cst);
        m_core->callersChanged = m_core->mode == ArrivalMode::Closed;
    }
    m_pacer = std::thread([core = m_core, settings = m_settings] { core->pace(settings); });
}

void LoadGenerator::pause()
{
    std::lock_guard lock(m_core->mutex);
    if (m_core->phase.load(std::memory_order_relaxed) != Phase::Running)
        return;
    m_core->phase.store(Phase::Paused, std::memory_order_seq_cst);
    m_core->wake.notify_one();
}

void LoadGenerator::resume()
{
    std::lock_guard lock(m_core->mutex);
    if (m_core->phase.load(std::memory_order_relaxed) != Phase::Paused)
        return;
    m_core->phase.store(Phase::Running, std::memory_order_seq_cst);
    m_core->resumed = true;
    // Callers asked for while paused start now.
    m_core->callersChanged = m_core->mode == ArrivalMode::Closed;
    m_core->wake.notify_one();
}

void LoadGenerator::stopOffering()
{
    std::lock_guard lock(m_core->mutex);
    m_core->phase.store(Phase::Stopped, std::memory_order_seq_cst);
    m_core->wake.notify_one();
}

bool LoadGenerator::isOfferingDone() const
{
    return m_core->phase.load(std::memory_order_relaxed) == Phase::Stopped ||
           m_core->limitReached.load(std::memory_order_relaxed);
}

void LoadGenerator::setRate(double ratePerSec)
{
    std::lock_guard lock(m_core->mutex);
    m_core->newRate = ratePerSec;
    m_core->wake.notify_one();
}

void LoadGenerator::setMode(ArrivalMode mode)
{
    std::lock_guard lock(m_core->mutex);
    if (m_core->mode == mode)
        return;
    m_core->mode = mode;
    m_core->modeChanged = true;
    const bool closed = mode == ArrivalMode::Closed;
    // Closed-loop callers above the target end after their current call (see next()).
    m_core->targetCallers.store(closed ? m_core->callers.load(std::memory_order_seq_cst) : 0,
                                std::memory_order_seq_cst);
    m_core->callersChanged = closed;
    m_core->wake.notify_one();
}

void LoadGenerator::setCallers(int callers)
{
    std::lock_guard lock(m_core->mutex);
    m_core->callers.store(std::clamp(callers, 0, MaxCallers), std::memory_order_seq_cst);
    const bool closed = m_core->mode == ArrivalMode::Closed;
    if (closed)
        m_core->targetCallers.store(m_core->callers.load(std::memory_order_seq_cst),
                                    std::memory_order_seq_cst);
    m_core->callersChanged = closed;
    m_core->wake.notify_one();
}

void LoadGenerator::setThinkMs(double thinkMs)
{
    m_core->thinkNs.store(fromMs(thinkMs).count(), std::memory_order_relaxed);
}

void LoadGenerator::setApi(CallApi api)
{
    m_core->api.store(static_cast<int>(api), std::memory_order_relaxed);
}

void LoadGenerator::setTimeoutMs(double timeoutMs)
{
    m_core->timeoutNs.store(fromMs(timeoutMs).count(), std::memory_order_relaxed);
}

void LoadGenerator::burst(int calls)
{
    if (calls <= 0)
        return;
    std::lock_guard lock(m_core->mutex);
    m_core->burstPending += calls;
    m_core->burstAt = Clock::now();
    m_core->wake.notify_one();
}

void LoadGenerator::cancelAll()
{
    Context old;
    {
        std::lock_guard lock(m_core->contextMutex);
        old = m_core->cancelParent;
        m_core->cancelParent = Context::withCancel(m_core->dropContext);
    }
    old.cancel();
}

void LoadGenerator::dropAll()
{
    stopOffering();
    m_core->dropContext.cancel();
}

CallCounters LoadGenerator::counters() const
{
    // Outcomes first (acquire), calls made last: every outcome read here was counted after its
    // call was, so submitted covers it and outstanding() is never negative.
    CallCounters c;
    const auto& o = m_core->outcome;
    c.completed = o[Completed].value.load(std::memory_order_acquire);
    c.timedOut = o[TimedOut].value.load(std::memory_order_acquire);
    c.canceled = o[Canceled].value.load(std::memory_order_acquire);
    c.failed = o[Failed].value.load(std::memory_order_acquire);
    c.rejected = o[Rejected].value.load(std::memory_order_acquire);
    c.notRunning = o[NotRunning].value.load(std::memory_order_acquire);
    c.submitted = m_core->submitted.value.load(std::memory_order_acquire);
    return c;
}

LatencyHistogram LoadGenerator::latency() const
{
    return m_core->latency;
}

qint64 LoadGenerator::peakOutstanding() const
{
    return m_core->peakOutstanding.load(std::memory_order_relaxed);
}

int LoadGenerator::activeCallers() const
{
    return m_core->activeCallers.load(std::memory_order_relaxed);
}

} // namespace shoal
