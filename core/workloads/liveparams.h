#pragma once

#include <memory>
#include <mutex>

namespace shoal {

/// A value that one thread replaces while others read it: readers take a snapshot (a shared
/// pointer to an immutable copy) at the start of each job and use it for the whole job, so a
/// live change never tears a job's parameters. Any thread; get() and set() hold a mutex only
/// for a pointer copy.
template <class T>
class LiveParams {
public:
    explicit LiveParams(T initial)
        : m_current(std::make_shared<const T>(std::move(initial)))
    {}

    /// The current value, immutable; stays valid however often set() runs afterwards.
    std::shared_ptr<const T> get() const
    {
        std::lock_guard lock(m_mutex);
        return m_current;
    }
    /// Replaces the value; jobs already running keep the snapshot they took.
    void set(T value)
    {
        auto next = std::make_shared<const T>(std::move(value));
        std::lock_guard lock(m_mutex);
        m_current.swap(next);
    }

private:
    mutable std::mutex m_mutex;         ///< guards the pointer, not the value
    std::shared_ptr<const T> m_current; ///< never null
};

} // namespace shoal
