#pragma once

#include "pool/context.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <limits>
#include <list>
#include <mutex>
#include <system_error>

namespace shoal {

/// A token bucket with the semantics of Go's golang.org/x/time/rate.Limiter: tokens accrue at
/// limit() per second up to burst(); each event takes one. A new limiter starts full.
///
/// wait() reserves a token the way rate.Limiter.Wait does (the balance may go negative, so
/// waiters are served in arrival order at exactly the limit, however late their threads wake),
/// and differs from Go in one way: a reservation is not fixed in time. setLimit(), setBurst()
/// and a canceled waiter re-time every caller that is still waiting, so a live change takes
/// effect at once for them too.
///
/// Special limits: Inf lets everything through without taking tokens; 0 lets nothing through
/// (tokens left in the bucket included) until the limit is changed. A burst of 0 also lets
/// nothing through. Every member is safe to call from any thread; only wait() blocks.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    using TimePoint = Clock::time_point;
    /// An injected time source (tests). The limiter never sleeps on it: after moving it, call
    /// clockAdvanced() so waiters look at it again. Contexts' deadlines stay in real time.
    using NowFunction = std::function<TimePoint()>;

    /// rate.Inf: no limit.
    static constexpr double Inf = std::numeric_limits<double>::infinity();

    /// A full bucket of \a burst tokens refilled at \a limit per second. Negative or NaN limits
    /// are taken as 0, negative bursts as 0. Without \a now the limiter reads Clock.
    RateLimiter(double limit, int burst, NowFunction now = {});
    /// Must not run while a thread is inside wait(): share the limiter with std::shared_ptr.
    ~RateLimiter();
    RateLimiter(const RateLimiter&) = delete;
    RateLimiter& operator=(const RateLimiter&) = delete;

    /// Takes a token if one is there now (rate.Limiter.Allow). Never blocks; never overtakes a
    /// caller already waiting, since a waiter's reservation has been taken from the bucket.
    bool allow();

    /// Blocks until a token is this caller's or \a ctx is done (rate.Limiter.Wait). Returns an
    /// empty code on success, else ctx's error (Canceled or DeadlineExceeded). Returns
    /// DeadlineExceeded at once, without waiting, when the token cannot come before ctx's
    /// deadline at the current limit; this is re-checked whenever the limit changes.
    std::error_code wait(const Context& ctx);

    /// The tokens in the bucket now, for a gauge: negative while callers wait for theirs
    /// (rate.Limiter.Tokens); burst() when the limit is Inf.
    double tokens() const;

    double limit() const;
    int burst() const;
    /// Changes the refill rate from now on; waiting callers are re-timed and woken.
    void setLimit(double limit);
    /// Changes the bucket size; tokens above it are dropped. Waiting callers are woken.
    void setBurst(int burst);

    /// Callers inside wait() right now (for monitors and tests).
    int waiting() const;

    /// Wakes waiters so they read an injected clock again. Needless with the real clock.
    void clockAdvanced();

private:
    /// One caller inside wait(); lives on that caller's stack.
    struct Waiter {
        double target = 0;                     ///< due when m_accrued reaches this
        std::condition_variable cv;            ///< notified on changes that concern this waiter
        std::list<Waiter*>::iterator position; ///< in m_waiters, for O(1) removal
    };

    TimePoint now() const { return m_now ? m_now() : Clock::now(); }
    /// Brings m_tokens and m_accrued up to \a t. Under m_mutex.
    void advance(TimePoint t) const;
    /// Gives back \a w's reserved token; later waiters move up by one. Under m_mutex.
    void cancelReservation(Waiter& w);
    /// Under m_mutex.
    void wakeAll();

    const NowFunction m_now;      ///< injected clock, or empty for Clock
    mutable std::mutex m_mutex;   ///< guards everything below
    double m_limit = 0;           ///< tokens per second; Inf or >= 0
    int m_burst = 0;              ///< bucket size, >= 0
    mutable double m_tokens = 0;  ///< balance at m_last; negative while reserved ahead
    mutable double m_accrued = 0; ///< tokens ever accrued (uncapped), the waiters' time axis
    mutable TimePoint m_last{};   ///< when m_tokens was last brought up to date
    std::list<Waiter*> m_waiters; ///< callers inside wait(), in arrival order
};

} // namespace shoal
