#pragma once

#include "pool/context.h"

#include <condition_variable>
#include <mutex>
#include <system_error>

namespace shoal {

/// A counting semaphore whose waits end when a Context is done: the synthetic workload's
/// "GPU slots", taken by a worker in blockUntilReady() with its stop context and given back
/// after process(). Any thread.
class SlotSemaphore {
public:
    /// \a slots >= 0 free slots.
    explicit SlotSemaphore(int slots);
    SlotSemaphore(const SlotSemaphore&) = delete;
    SlotSemaphore& operator=(const SlotSemaphore&) = delete;

    /// Blocks until a slot is this caller's (empty code) or \a ctx is done (its error).
    std::error_code acquire(const Context& ctx);
    /// Takes a slot if one is free now. Never blocks.
    bool tryAcquire();
    /// Gives a slot back and wakes a waiter.
    void release();

    /// Changes the number of slots; slots held now are still given back later, so the free
    /// count may be negative for a while after shrinking.
    void setCapacity(int slots);
    int capacity() const;
    /// Free slots now (negative after a shrink while slots are held).
    int available() const;
    /// Callers blocked in acquire() now.
    int waiting() const;

private:
    mutable std::mutex m_mutex;   ///< guards the counts
    std::condition_variable m_cv; ///< signalled on release, capacity change, and ctx done
    int m_capacity = 0;           ///< slots in total
    int m_available = 0;          ///< m_capacity minus slots held
    int m_waiting = 0;            ///< callers inside acquire()
};

} // namespace shoal
