#pragma once

#include "arrivalschedule.h"
#include "callapi.h"
#include "callcounters.h"

#include "pool/latencyhistogram.h"

#include <any>
#include <functional>
#include <memory>
#include <thread>

namespace shoal {

class Pool;

/// Drives a Pool with calls: open loop (arrivals at a rate, constant or Poisson, seeded) or closed
/// loop (N callers, each calling again from its previous call's completion, after an optional
/// think time). Calls use the pool's asynchronous submit, so ten thousand outstanding calls cost
/// no ten thousand threads: one pacer thread makes arrivals and runs the think-time timers, and
/// completions arrive on whichever thread settles the call.
///
/// Latency is measured from each call's *intended* start (its scheduled arrival, or the end of
/// its caller's think time), so a stalled pool or a late pacer cannot hide latency (no
/// coordinated omission). The generator counts every call and outcome itself; counters() is the
/// bookkeeping that keeps the sampler's accounting identity exact.
///
/// Control members may be called from any thread and never block on the pool. The pool must
/// outlive the generator; once the destructor has returned, the generator never touches the pool
/// again, though completions of calls still outstanding may arrive later (they only update
/// shared bookkeeping).
class LoadGenerator {
public:
    /// Makes the payload of the n-th call (from 0). Called on the pacer thread and on
    /// completion threads; must be cheap, thread-safe, and must not throw.
    using PayloadFactory = std::function<std::any(quint64 sequence)>;

    /// The most closed-loop callers.
    static constexpr int MaxCallers = 10'000;

    /// How the generator starts; most values can be changed live.
    struct Settings {
        ArrivalMode mode = ArrivalMode::Open;              ///< see setMode()
        ArrivalProcess process = ArrivalProcess::Constant; ///< open loop, fixed
        double ratePerSec = 100;                           ///< open loop
        int callers = 1;                                   ///< closed loop, 0 .. MaxCallers
        double thinkMs = 0;                                ///< closed loop
        quint64 seed = 1;                                  ///< Poisson arrivals
        CallApi api = CallApi::Process;                    ///< the call form
        double timeoutMs = 0; ///< processTimed's timeout, processCtx's deadline; 0 = none
        qint64 maxCalls = 0;  ///< stop offering after this many calls; 0 = no limit
    };

    /// Nothing is offered until start(). \a pool must outlive this generator.
    LoadGenerator(Pool& pool, PayloadFactory payloads, const Settings& settings);
    /// Stops offering, joins the pacer thread and waits until no completion callback is inside
    /// a submit (microseconds). Blocks; call it with the pool still alive.
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator&) = delete;
    LoadGenerator& operator=(const LoadGenerator&) = delete;

    /// Starts offering: the pacer thread begins, closed-loop callers make their first call.
    void start();
    /// No new calls; outstanding ones go on. Closed-loop callers wait for resume().
    void pause();
    /// Offers again; open-loop arrivals restart from now (no catch-up for the paused time).
    void resume();
    /// Stops offering for good: no arrivals, and closed-loop callers end with their current call.
    void stopOffering();
    /// True once offering has stopped for good: stopOffering(), or maxCalls reached.
    bool isOfferingDone() const;

    /// Switches between open loop (arrivals at the rate, from now on) and closed loop (the
    /// callers start now). Calls already made go on; the callers of a closed loop left for an
    /// open one end after their current call.
    void setMode(ArrivalMode mode);
    /// Open loop: arrivals per second from now on (0 = none). Kept for the open loop while the
    /// loop is closed.
    void setRate(double ratePerSec);
    /// Closed loop: the number of callers. Extra callers start now; surplus ones end after
    /// their current call. Kept for the closed loop while the loop is open.
    void setCallers(int callers);
    /// Closed loop: the pause between a caller's calls, for calls ending from now on.
    void setThinkMs(double thinkMs);
    /// The call form of calls made from now on.
    void setApi(CallApi api);
    /// The timeout (processTimed) or deadline (processCtx) of calls made from now on; 0 = none.
    void setTimeoutMs(double timeoutMs);

    /// Makes \a calls calls at once on top of the arrivals (even while paused); none of them
    /// calls again. Their latency counts from now.
    void burst(int calls);
    /// Cancels every outstanding processCtx call (they end with Canceled) through the shared
    /// parent context, which is then replaced so later calls are not born canceled. Runs the
    /// pool's abandon on this thread: interrupts running jobs, never waits for them.
    void cancelAll();

    /// For dropping a run: stops offering for good and ends every outstanding call that has no
    /// deadline of its own (process, processTimed without a timeout, processCtx) with Canceled,
    /// interrupting its running job. Timed processTimed calls keep their timeout. Runs the
    /// pool's abandon on this thread; never waits for a job. Any thread.
    void dropAll();

    /// The generator's counts: outcomes are read before submitted, so outstanding() is never
    /// negative and the identity the sampler writes is exact. Lock-free.
    CallCounters counters() const;
    /// End-to-end latency of every call that waited for an answer (rejected and not-running
    /// calls fail at once and are left out), cumulative. A copy; lock-free.
    LatencyHistogram latency() const;
    /// The ledger's time integrals (calls in the system, latency sum) up to now.
    CallTimeTotals timeTotals() const;
    /// The most calls that were ever outstanding at once.
    qint64 peakOutstanding() const;
    /// Closed loop: callers with a call outstanding or due.
    int activeCallers() const;

private:
    struct Core;
    std::shared_ptr<Core> m_core; ///< shared with every outstanding call's completion
    Settings m_settings;          ///< as given; live changes go to m_core
    std::thread m_pacer;          ///< arrivals, bursts and think-time timers
};

} // namespace shoal
