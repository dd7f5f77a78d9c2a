#include "deadlinetimer.h"

namespace shoal {

DeadlineTimer& DeadlineTimer::instance()
{
    // Leaked on purpose (see the class comment); its thread is detached, never joined.
    static DeadlineTimer* const timer = new DeadlineTimer;
    return *timer;
}

DeadlineTimer::Clock::time_point DeadlineTimer::after(std::chrono::nanoseconds timeout) noexcept
{
    const auto now = Clock::now();
    if (timeout > Clock::time_point::max() - now)
        return Clock::time_point::max();
    return now + std::chrono::duration_cast<Clock::duration>(timeout);
}

DeadlineTimer::DeadlineTimer()
    : m_thread([this] { run(); })
{
    m_thread.detach();
}

DeadlineTimer::Handle DeadlineTimer::schedule(Clock::time_point when,
                                              std::function<void()> callback)
{
    bool earliest = false;
    Handle handle;
    {
        std::lock_guard lock(m_mutex);
        handle = {when, m_nextId++};
        const auto it = m_callbacks.emplace(handle, std::move(callback)).first;
        earliest = it == m_callbacks.begin();
    }
    if (earliest)
        m_wake.notify_one();
    return handle;
}

bool DeadlineTimer::cancel(const Handle& handle)
{
    std::function<void()> removed; // destroyed outside the lock: it may own arbitrary state
    std::lock_guard lock(m_mutex);
    const auto it = m_callbacks.find(handle);
    if (it == m_callbacks.end())
        return false;
    removed = std::move(it->second);
    m_callbacks.erase(it);
    return true;
}

void DeadlineTimer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_callbacks.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto due = m_callbacks.begin()->first.first;
        if (due == Clock::time_point::max()) {
            m_wake.wait(lock); // "never": only an earlier deadline matters
            continue;
        }
        if (Clock::now() < due) {
            m_wake.wait_until(lock, due);
            continue;
        }
        auto callback = std::move(m_callbacks.begin()->second);
        m_callbacks.erase(m_callbacks.begin());
        lock.unlock();
        callback();
        callback = nullptr;
        lock.lock();
    }
}

} // namespace shoal
