#include "context.h"

#include "deadlinetimer.h"
#include "poolerror.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stop_token>

namespace shoal {
namespace detail {

/// A registered onDone callback; std::stop_callback gives the unregister-or-wait guarantee.
class ContextLink {
public:
    ContextLink(std::stop_token token, std::function<void()> callback)
        : m_callback(std::move(token), std::move(callback))
    {}

private:
    std::stop_callback<std::function<void()>> m_callback; ///< registered while this lives
};

struct ContextState {
    std::stop_source source;                            ///< requested once, when done
    std::atomic<int> reason{0};                         ///< 0 or the PoolErrc that made it done
    std::optional<Context::Clock::time_point> deadline; ///< own or inherited, the earliest
    std::shared_ptr<ContextState> parent;               ///< kept alive, as Go's child refers to it
    std::unique_ptr<ContextLink> parentLink;            ///< propagates the parent's cancel
    std::optional<DeadlineTimer::Handle> timer;         ///< fires DeadlineExceeded

    ~ContextState()
    {
        if (timer)
            DeadlineTimer::instance().cancel(*timer);
    }

    /// Fixes the reason (the first one wins, also against err()'s) and runs the callbacks here,
    /// once: only cancel(), a parent's propagation and the timer thread call this.
    void finish(PoolErrc why)
    {
        int expected = 0;
        reason.compare_exchange_strong(expected, static_cast<int>(why), std::memory_order_acq_rel);
        source.request_stop(); // a no-op after the first call
    }

    /// Never runs callbacks: a caller may hold a lock its own callback takes (as Go's Err()).
    std::error_code err()
    {
        if (const int r = reason.load(std::memory_order_acquire))
            return make_error_code(static_cast<PoolErrc>(r));
        // A passed deadline is reported (and the reason fixed) even before the timer fires;
        // the timer, or a cancel(), still finishes the context and runs the callbacks.
        if (deadline && Context::Clock::now() >= *deadline) {
            int expected = 0;
            reason.compare_exchange_strong(expected, static_cast<int>(PoolErrc::DeadlineExceeded),
                                           std::memory_order_acq_rel);
            return make_error_code(static_cast<PoolErrc>(reason.load(std::memory_order_acquire)));
        }
        return {};
    }
};

} // namespace detail

Context::Subscription::Subscription() = default;
Context::Subscription::Subscription(Subscription&&) noexcept = default;
Context::Subscription& Context::Subscription::operator=(Subscription&&) noexcept = default;
Context::Subscription::~Subscription() = default;

Context Context::makeChild(const Context& parent, std::optional<Clock::time_point> deadline)
{
    auto state = std::make_shared<detail::ContextState>();
    state->parent = parent.m_state;
    if (parent.m_state) {
        const auto inherited = parent.m_state->deadline;
        if (inherited && (!deadline || *inherited < *deadline))
            deadline = inherited;
    }
    state->deadline = deadline;
    if (parent.m_state) {
        std::weak_ptr<detail::ContextState> weak = state;
        detail::ContextState* parentState = parent.m_state.get();
        state->parentLink = std::make_unique<detail::ContextLink>(
            parent.m_state->source.get_token(), [weak, parentState] {
                if (auto child = weak.lock())
                    child->finish(
                        static_cast<PoolErrc>(parentState->reason.load(std::memory_order_acquire)));
            });
    }
    if (deadline && Context::Clock::now() >= *deadline) {
        // Already past: done before anyone can subscribe, so no callback runs here.
        state->finish(PoolErrc::DeadlineExceeded);
    } else if (deadline && !state->source.stop_requested()) {
        std::weak_ptr<detail::ContextState> weak = state;
        state->timer = DeadlineTimer::instance().schedule(*deadline, [weak] {
            if (auto child = weak.lock())
                child->finish(PoolErrc::DeadlineExceeded);
        });
    }
    return Context(std::move(state));
}

Context Context::withCancel(const Context& parent)
{
    return makeChild(parent, std::nullopt);
}

Context Context::withDeadline(const Context& parent, Clock::time_point deadline)
{
    return makeChild(parent, deadline);
}

Context Context::withTimeout(const Context& parent, std::chrono::nanoseconds timeout)
{
    return makeChild(parent, DeadlineTimer::after(timeout));
}

void Context::cancel() const
{
    if (m_state)
        m_state->finish(PoolErrc::Canceled);
}

std::error_code Context::err() const
{
    return m_state ? m_state->err() : std::error_code{};
}

std::optional<Context::Clock::time_point> Context::deadline() const
{
    return m_state ? m_state->deadline : std::nullopt;
}

bool Context::waitUntil(std::optional<Clock::time_point> until) const
{
    if (!m_state)
        return false;
    if (m_state->deadline && (!until || *m_state->deadline < *until))
        until = m_state->deadline;
    std::mutex mutex;
    std::condition_variable_any done;
    std::unique_lock lock(mutex);
    const auto token = m_state->source.get_token();
    if (until)
        done.wait_until(lock, token, *until, [] { return false; });
    else
        done.wait(lock, token, [] { return false; });
    return isDone();
}

Context::Subscription Context::onDone(std::function<void()> callback) const
{
    Subscription subscription;
    if (m_state) {
        subscription.m_link =
            std::make_unique<detail::ContextLink>(m_state->source.get_token(), std::move(callback));
    }
    return subscription;
}

} // namespace shoal
