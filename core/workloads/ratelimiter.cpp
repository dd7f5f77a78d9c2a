#include "ratelimiter.h"

#include "pool/poolerror.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

namespace shoal {
namespace {

double sanitizedLimit(double limit)
{
    return (std::isnan(limit) || limit < 0) ? 0.0 : limit;
}

} // namespace

RateLimiter::RateLimiter(double limit, int burst, NowFunction now)
    : m_now(std::move(now))
    , m_limit(sanitizedLimit(limit))
    , m_burst(std::max(0, burst))
    , m_tokens(m_burst)
    , m_last(this->now())
{}

RateLimiter::~RateLimiter() = default;

void RateLimiter::advance(TimePoint t) const
{
    if (std::isinf(m_limit)) {
        m_tokens = m_burst; // an unlimited bucket is always full
        m_last = std::max(m_last, t);
        return;
    }
    if (t <= m_last)
        return; // an injected clock may stand still or step back; time never runs backwards here
    const double seconds = std::chrono::duration<double>(t - m_last).count();
    m_last = t;
    const double gained = seconds * m_limit;
    m_accrued += gained;
    m_tokens = std::min<double>(m_burst, m_tokens + gained);
}

bool RateLimiter::allow()
{
    std::lock_guard lock(m_mutex);
    advance(now());
    if (std::isinf(m_limit))
        return true;
    if (m_limit == 0 || m_tokens < 1)
        return false;
    m_tokens -= 1;
    return true;
}

std::error_code RateLimiter::wait(const Context& ctx)
{
    if (const auto err = ctx.err())
        return err;

    // Declared in this order so that, on return, the lock is released before the subscription
    // is destroyed (its callback takes the lock) and the subscription before the waiter.
    Waiter self;
    Context::Subscription subscription;
    if (ctx.isCancelable()) {
        subscription = ctx.onDone([this, &self] {
            std::lock_guard lock(m_mutex);
            self.cv.notify_one();
        });
    }
    std::unique_lock lock(m_mutex);

    advance(now());
    if (std::isinf(m_limit))
        return {};
    // Reserve: take the token now even if it is not there yet, as rate.Limiter.reserveN does.
    m_tokens -= 1;
    if (m_tokens >= 0 && m_limit > 0)
        return {};
    self.target = m_accrued - m_tokens;
    self.position = m_waiters.insert(m_waiters.end(), &self);

    const auto ctxDeadline = ctx.deadline();
    for (;;) {
        if (const auto err = ctx.err()) {
            cancelReservation(self);
            return err;
        }
        const auto t = now();
        advance(t);
        const double missing = self.target - m_accrued;
        if (std::isinf(m_limit) || (missing <= 0 && m_burst >= 1 && m_limit > 0)) {
            m_waiters.erase(self.position);
            return {};
        }
        // How long until the token is ours at the current settings; nullopt = never.
        std::optional<std::chrono::nanoseconds> due;
        if (m_limit > 0 && m_burst >= 1) {
            const double seconds = std::max(0.0, missing) / m_limit;
            due =
                seconds > 1e9
                    ? std::chrono::nanoseconds::max()
                    : std::chrono::nanoseconds(static_cast<std::int64_t>(std::ceil(seconds * 1e9)));
        }
        // Go refuses at once a wait that would end after the context's deadline.
        if (ctxDeadline) {
            const auto left = *ctxDeadline - Clock::now();
            if (!due || *due > left) {
                cancelReservation(self);
                return make_error_code(PoolErrc::DeadlineExceeded);
            }
        }
        if (due && !m_now && *due < std::chrono::hours(24 * 365))
            self.cv.wait_until(lock, t + *due);
        else
            self.cv.wait(lock); // woken by a change, ctx, or clockAdvanced()
    }
}

void RateLimiter::cancelReservation(Waiter& w)
{
    // Unlike rate.Reservation.Cancel, which gives the token back only when no later reservation
    // exists, later waiters move up by one so no slot is wasted.
    for (auto it = std::next(w.position); it != m_waiters.end(); ++it) {
        (*it)->target -= 1;
        (*it)->cv.notify_one();
    }
    m_waiters.erase(w.position);
    m_tokens = std::min<double>(m_burst, m_tokens + 1);
}

void RateLimiter::wakeAll()
{
    for (Waiter* w : m_waiters)
        w->cv.notify_one();
}

double RateLimiter::tokens() const
{
    std::lock_guard lock(m_mutex);
    advance(now());
    return std::isinf(m_limit) ? static_cast<double>(m_burst) : m_tokens;
}

double RateLimiter::limit() const
{
    std::lock_guard lock(m_mutex);
    return m_limit;
}

int RateLimiter::burst() const
{
    std::lock_guard lock(m_mutex);
    return m_burst;
}

void RateLimiter::setLimit(double limit)
{
    std::lock_guard lock(m_mutex);
    advance(now()); // tokens so far accrue at the old limit
    m_limit = sanitizedLimit(limit);
    wakeAll();
}

void RateLimiter::setBurst(int burst)
{
    std::lock_guard lock(m_mutex);
    advance(now());
    m_burst = std::max(0, burst);
    m_tokens = std::min<double>(m_burst, m_tokens);
    wakeAll();
}

int RateLimiter::waiting() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_waiters.size());
}

void RateLimiter::clockAdvanced()
{
    std::lock_guard lock(m_mutex);
    wakeAll();
}

} // namespace shoal
