#include "loadgenerator.h"

#include "callcontexts.h"
#include "callledger.h"
#include "closedloopcallers.h"
#include "offerphase.h"
#include "openlooparrivals.h"
#include "pacercommands.h"

#include "pool/pool.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <vector>

namespace shoal {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
using enum Outcome;

/// A closed-loop caller refused at once by a full queue tries again after at least this long, so
/// a bounded queue cannot turn its callers into a busy loop.
constexpr auto kRetryAfterRejection = 1ms;
/// The pacer hands at most this many calls over per round before it looks at its commands again.
constexpr std::size_t kMaxBatch = 4096;

/// Nonzero while this thread is inside one of our Pool::submit calls. A call refused at once runs
/// its completion right there; a closed-loop caller must not call again from inside that
/// completion (the recursion would have no bound), so it goes through the pacer instead.
thread_local int t_submitting = 0;

std::chrono::nanoseconds fromMs(double ms)
{
    if (!std::isfinite(ms) || ms <= 0)
        return 0ns;
    return std::chrono::nanoseconds(std::llround(std::min(ms, 1e12) * 1e6));
}

} // namespace

/// What the generator and its outstanding calls share: the pieces, and the call path into the
/// pool. Lives as long as the last outstanding call's completion.
struct LoadGenerator::Core : std::enable_shared_from_this<Core> {
    Core(Pool& p, PayloadFactory f, const Settings& s)
        : pool(p)
        , payloads(std::move(f))
        , api(static_cast<int>(s.api))
        , timeoutNs(fromMs(s.timeoutMs).count())
        , thinkNs(fromMs(s.thinkMs).count())
        , ledger(s.maxCalls)
        , callers(MaxCallers, s.callers, s.mode == ArrivalMode::Closed, phase,
                  [this] { commands.wake(); })
    {}

    /// Makes one call into the pool; false if it was not made (the budget is spent, or the
    /// generator has detached). Any thread.
    bool issue(int caller, Clock::time_point intended);
    /// A call's completion, on whichever thread settled it.
    void finish(const Result<std::any>& result, Clock::time_point intended, int caller);
    /// A closed-loop caller's next step after a call ended with \a outcome.
    void next(int caller, Outcome outcome, Clock::time_point now);
    /// Waits until no thread is inside issue(); from then on issue() never touches the pool.
    void detach();

    /// What the pacer works on between two looks at its commands.
    struct PacerRound {
        explicit PacerRound(const Settings& s)
            : arrivals(s.process, s.ratePerSec, s.seed)
        {
            calls.reserve(kMaxBatch);
        }
        /// Burst calls are left to make, and offering has not stopped.
        bool bursting(OfferPhase ph) const { return burstLeft > 0 && ph != OfferPhase::Stopped; }

        OpenLoopArrivals arrivals;      ///< the open loop's next arrival
        qint64 burstLeft = 0;           ///< burst calls not yet made
        Clock::time_point burstAt;      ///< their intended start
        std::vector<PlannedCall> calls; ///< to make this round
        std::vector<int> ended;         ///< callers that end: offering stopped
        std::vector<int> surplus;       ///< callers due above the target: end, unless raised
    };

    /// The pacer thread: arrivals, bursts and closed-loop calls made later. Returns on quit.
    void pace(const Settings& settings);
    /// Pacer: acts on the commands \a asked and on the phase \a ph.
    void follow(const PacerCommands::Pending& asked, OfferPhase ph, Clock::time_point now,
                PacerRound& round);
    /// Pacer: adds the calls due by \a now to the round, at most kMaxBatch in all.
    void collect(OfferPhase ph, Clock::time_point now, PacerRound& round);
    /// Pacer: when the next call is due; nothing while paused or stopped, or with none due.
    std::optional<Clock::time_point> nextWake(OfferPhase ph, const PacerRound& round) const;
    /// Pacer: makes the round's calls and ends its callers, then clears them.
    void hand(PacerRound& round);

    Pool& pool;                        ///< not owned; outlives every issue() (see detach())
    PayloadFactory payloads;           ///< any thread
    std::atomic<int> inside{0};        ///< threads inside issue()
    std::atomic<bool> detached{false}; ///< issue() refuses once set
    std::atomic<quint64> sequence{0};  ///< payload numbers
    std::atomic<int> api;              ///< a CallApi
    std::atomic<qint64> timeoutNs;     ///< 0 = none
    std::atomic<qint64> thinkNs;       ///< closed loop
    /// Set by the control members; read by the pacer, the callers and the completions.
    std::atomic<OfferPhase> phase{OfferPhase::Idle};

    CallLedger ledger;         ///< the budget, the counts and the latency
    CallContexts contexts;     ///< what calls hang from, for cancelAll() and dropAll()
    PacerCommands commands;    ///< the control members' requests to the pacer
    ClosedLoopCallers callers; ///< the closed loop; wakes the pacer through commands
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

    if (!ledger.reserve())
        return false;
    std::any payload = payloads(sequence.fetch_add(1, std::memory_order_relaxed));
    ledger.recordSubmitted();

    auto done = [self = shared_from_this(), intended, caller](Result<std::any> result) {
        self->finish(result, intended, caller);
    };
    const auto timeout = std::chrono::nanoseconds(timeoutNs.load(std::memory_order_relaxed));
    ++t_submitting;
    switch (static_cast<CallApi>(api.load(std::memory_order_relaxed))) {
    case CallApi::Process:
        pool.submit(contexts.dropContext(), std::move(payload), std::move(done));
        break;
    case CallApi::ProcessTimed:
        if (timeout > 0ns)
            pool.submitTimed(std::move(payload), timeout, std::move(done));
        else
            pool.submit(contexts.dropContext(), std::move(payload), std::move(done));
        break;
    case CallApi::ProcessCtx:
        pool.submit(contexts.forCtxCall(timeout), std::move(payload), std::move(done));
        break;
    }
    --t_submitting;
    return true;
}

void LoadGenerator::Core::finish(const Result<std::any>& result, Clock::time_point intended,
                                 int caller)
{
    const auto now = Clock::now();
    const Outcome o = outcomeOf(result.error());
    ledger.recordOutcome(o, now - intended);
    if (caller >= 0)
        next(caller, o, now);
}

void LoadGenerator::Core::next(int caller, Outcome o, Clock::time_point now)
{
    // The pool is closed: this caller would only be refused again.
    if (o == NotRunning) {
        callers.retire(caller, false);
        return;
    }
    const OfferPhase ph = phase.load(std::memory_order_seq_cst);
    if (ph == OfferPhase::Stopped) {
        callers.retire(caller, false);
        return;
    }
    if (caller >= callers.target()) {
        callers.retire(caller, true);
        return;
    }
    auto delay = std::chrono::nanoseconds(thinkNs.load(std::memory_order_relaxed));
    if (o == Rejected)
        delay = std::max<std::chrono::nanoseconds>(delay, kRetryAfterRejection);
    if (ph == OfferPhase::Running && delay == 0ns && t_submitting == 0) {
        if (!issue(caller, now))
            callers.retire(caller, false);
        return;
    }
    // Later, or from inside a submit: the pacer makes the call (a timer, not a sleeping thread).
    callers.defer(caller, now + delay);
}

void LoadGenerator::Core::detach()
{
    detached.store(true, std::memory_order_seq_cst);
    while (inside.load(std::memory_order_seq_cst) != 0)
        std::this_thread::yield();
}

void LoadGenerator::Core::pace(const Settings& settings)
{
    PacerRound round(settings);
    round.arrivals.setOpen(!callers.isLoopClosed(), Clock::now());
    std::optional<Clock::time_point> wakeAt = Clock::now();
    for (;;) {
        const PacerCommands::Pending asked = commands.take(wakeAt);
        if (asked.quit)
            return;
        const auto now = Clock::now();
        const OfferPhase ph = phase.load(std::memory_order_seq_cst);
        follow(asked, ph, now, round);
        collect(ph, now, round);
        // Something was done: look again at once. Otherwise sleep until the next call is due
        // (none while paused or stopped), or until asked.
        const bool busy = round.bursting(ph) || !round.calls.empty() || !round.ended.empty() ||
                          !round.surplus.empty();
        hand(round);
        wakeAt = busy ? std::optional(now) : nextWake(ph, round);
    }
}

void LoadGenerator::Core::follow(const PacerCommands::Pending& asked, OfferPhase ph,
                                 Clock::time_point now, PacerRound& round)
{
    const bool running = ph == OfferPhase::Running;
    if (asked.modeChanged)
        round.arrivals.setOpen(!callers.isLoopClosed(), now);
    if (asked.rate)
        round.arrivals.setRate(*asked.rate, now);
    if (asked.burst > 0) {
        round.burstLeft += asked.burst;
        round.burstAt = asked.burstAt;
    }
    if (ph == OfferPhase::Paused)
        callers.parkDue();
    if (ph == OfferPhase::Stopped)
        callers.takeWaiting(round.ended);
    if (asked.resumed && running) {
        callers.takeParked(now, round.calls, round.surplus);
        round.arrivals.restartFrom(now);
    }
    // Callers asked for while paused, or by a closed loop, start now.
    if ((asked.callersChanged || asked.modeChanged || asked.resumed) && running)
        callers.startBelowTarget(now, round.calls);
}

void LoadGenerator::Core::collect(OfferPhase ph, Clock::time_point now, PacerRound& round)
{
    const auto room = [&round] { return kMaxBatch - std::min(kMaxBatch, round.calls.size()); };
    if (round.bursting(ph)) {
        const auto n = std::min<qint64>(round.burstLeft, static_cast<qint64>(room()));
        round.burstLeft -= n;
        round.calls.insert(round.calls.end(), static_cast<std::size_t>(n),
                           PlannedCall{round.burstAt, -1});
    }
    if (ph != OfferPhase::Running)
        return;
    callers.takeDue(now, room(), round.calls, round.surplus);
    if (!ledger.limitReached())
        round.arrivals.takeDue(now, room(), round.calls);
}

std::optional<Clock::time_point> LoadGenerator::Core::nextWake(OfferPhase ph,
                                                               const PacerRound& round) const
{
    if (ph != OfferPhase::Running)
        return std::nullopt;
    std::optional<Clock::time_point> at;
    if (!ledger.limitReached())
        at = round.arrivals.nextDue();
    const auto due = callers.nextDue();
    if (due && (!at || *due < *at))
        at = due;
    return at;
}

void LoadGenerator::Core::hand(PacerRound& round)
{
    for (const PlannedCall& call : round.calls) {
        if (!issue(call.caller, call.intended) && call.caller >= 0)
            callers.retire(call.caller, false);
    }
    for (const int caller : round.ended)
        callers.retire(caller, false);
    for (const int caller : round.surplus)
        callers.retire(caller, true);
    round.calls.clear();
    round.ended.clear();
    round.surplus.clear();
}

LoadGenerator::LoadGenerator(Pool& pool, PayloadFactory payloads, const Settings& settings)
    : m_core(std::make_shared<Core>(pool, std::move(payloads), settings))
    , m_settings(settings)
{}

LoadGenerator::~LoadGenerator()
{
    m_core->phase.store(OfferPhase::Stopped, std::memory_order_seq_cst);
    m_core->commands.quit();
    if (m_pacer.joinable())
        m_pacer.join();
    m_core->detach();
}

void LoadGenerator::start()
{
    if (m_pacer.joinable())
        return;
    m_core->phase.store(OfferPhase::Running, std::memory_order_seq_cst);
    m_core->commands.callersChanged();
    m_pacer = std::thread([core = m_core, settings = m_settings] { core->pace(settings); });
}

void LoadGenerator::pause()
{
    OfferPhase running = OfferPhase::Running;
    if (m_core->phase.compare_exchange_strong(running, OfferPhase::Paused,
                                              std::memory_order_seq_cst))
        m_core->commands.wake();
}

void LoadGenerator::resume()
{
    OfferPhase paused = OfferPhase::Paused;
    if (m_core->phase.compare_exchange_strong(paused, OfferPhase::Running,
                                              std::memory_order_seq_cst))
        m_core->commands.resumed();
}

void LoadGenerator::stopOffering()
{
    m_core->phase.store(OfferPhase::Stopped, std::memory_order_seq_cst);
    m_core->commands.wake();
}

bool LoadGenerator::isOfferingDone() const
{
    return m_core->phase.load(std::memory_order_relaxed) == OfferPhase::Stopped ||
           m_core->ledger.limitReached();
}

void LoadGenerator::setRate(double ratePerSec)
{
    m_core->commands.setRate(ratePerSec);
}

void LoadGenerator::setMode(ArrivalMode mode)
{
    // Closed-loop callers above the new target end after their current call (see next()).
    if (m_core->callers.setLoopClosed(mode == ArrivalMode::Closed))
        m_core->commands.modeChanged();
}

void LoadGenerator::setCallers(int callers)
{
    if (m_core->callers.setCount(callers))
        m_core->commands.callersChanged();
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
    if (calls > 0)
        m_core->commands.burst(calls, Clock::now());
}

void LoadGenerator::cancelAll()
{
    m_core->contexts.cancelCtxCalls();
}

void LoadGenerator::dropAll()
{
    stopOffering();
    m_core->contexts.drop();
}

CallCounters LoadGenerator::counters() const
{
    return m_core->ledger.counters();
}

LatencyHistogram LoadGenerator::latency() const
{
    return m_core->ledger.latency();
}

CallTimeTotals LoadGenerator::timeTotals() const
{
    return m_core->ledger.timeTotals();
}

qint64 LoadGenerator::peakOutstanding() const
{
    return m_core->ledger.peakOutstanding();
}

int LoadGenerator::activeCallers() const
{
    return m_core->callers.activeCount();
}

} // namespace shoal
