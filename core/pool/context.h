#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <system_error>

namespace shoal {

namespace detail {
struct ContextState;
class ContextLink;
} // namespace detail

/// Go's context.Context for C++: a cancellation signal with an optional deadline, passed down a
/// call chain. A default-constructed Context is background(): never done, no deadline.
///
/// Children made with withCancel/withTimeout/withDeadline are done when their parent is, with the
/// parent's error. Copies share state; copying is a reference-count increment. Every member is
/// safe to call from any thread.
class Context {
public:
    using Clock = std::chrono::steady_clock;

    Context() = default;
    static Context background() { return {}; }
    /// A child that is done when cancel() is called on it or when \a parent is done.
    static Context withCancel(const Context& parent);
    /// A child that is also done, with DeadlineExceeded, at \a deadline.
    static Context withDeadline(const Context& parent, Clock::time_point deadline);
    /// withDeadline(parent, now + timeout).
    static Context withTimeout(const Context& parent, std::chrono::nanoseconds timeout);

    /// Makes this context (and its children) done with Canceled. Idempotent; a no-op on
    /// background() and on a context that is already done. Never blocks on other threads except
    /// to run this context's onDone callbacks, which run here.
    void cancel() const;

    /// Empty while the context is live; Canceled or DeadlineExceeded once it is done, and
    /// DeadlineExceeded as soon as the deadline has passed even if the timer thread has not yet
    /// finished the context. Never runs callbacks and never blocks, so it may be called under a
    /// lock that an onDone callback takes (as Go's Err()). The first error reported sticks.
    std::error_code err() const;
    bool isDone() const { return static_cast<bool>(err()); }
    /// The earliest deadline of this context and its ancestors, if any.
    std::optional<Clock::time_point> deadline() const;
    /// True when this context can ever be done (not background()).
    bool isCancelable() const { return m_state != nullptr; }

    /// Blocks until the context is done or \a until passes. Returns true when it is done.
    bool waitUntil(std::optional<Clock::time_point> until = std::nullopt) const;

    /// While alive, runs \a callback once when the context becomes done: on the thread that
    /// cancels it (the timer thread for deadlines), or at once on this thread if it is already
    /// finished. A deadline that err() has seen pass but the timer has not yet fired runs the
    /// callback on the timer thread, moments later. Destroying the subscription unregisters the
    /// callback; if the callback is running on another thread at that moment, the destructor waits
    /// for it to return.
    class Subscription {
    public:
        Subscription();
        Subscription(Subscription&&) noexcept;
        Subscription& operator=(Subscription&&) noexcept;
        ~Subscription();

    private:
        friend class Context;
        std::unique_ptr<detail::ContextLink> m_link; ///< empty for background contexts
    };
    [[nodiscard]] Subscription onDone(std::function<void()> callback) const;

private:
    explicit Context(std::shared_ptr<detail::ContextState> state)
        : m_state(std::move(state))
    {}
    static Context makeChild(const Context& parent, std::optional<Clock::time_point> deadline);

    std::shared_ptr<detail::ContextState> m_state; ///< null for background()
};

} // namespace shoal
