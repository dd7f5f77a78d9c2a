#include "deadlinetimer.h"

namespace shoal {

DeadlineTimer& DeadlineTimer::instance()
{
    static DeadlineTimer timer;
    return timer;
}

DeadlineTimer::DeadlineTimer()
    : m_thread([this] { run(); })
{}

DeadlineTimer::~DeadlineTimer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
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
    while (!m_stopping) {
        if (m_callbacks.empty()) {
            m_wake.wait(lock);
            continue;
        }
        const auto due = m_callbacks.begin()->first.first;
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
