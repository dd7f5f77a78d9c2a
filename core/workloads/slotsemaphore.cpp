#include "slotsemaphore.h"

#include <algorithm>

namespace shoal {

SlotSemaphore::SlotSemaphore(int slots)
    : m_capacity(std::max(0, slots))
    , m_available(m_capacity)
{}

std::error_code SlotSemaphore::acquire(const Context& ctx)
{
    if (const auto err = ctx.err())
        return err;
    // Subscribed before the lock is taken: the callback takes it, and runs here at once if the
    // context is done by now. Destroyed after the lock is released, for the same reason.
    Context::Subscription subscription;
    if (ctx.isCancelable()) {
        subscription = ctx.onDone([this] {
            std::lock_guard lock(m_mutex);
            m_cv.notify_all();
        });
    }
    std::unique_lock lock(m_mutex);
    ++m_waiting;
    std::error_code result;
    for (;;) {
        if (const auto err = ctx.err()) {
            result = err;
            if (m_available > 0)
                m_cv.notify_one(); // a release() may have woken this caller; pass it on
            break;
        }
        if (m_available > 0) {
            --m_available;
            break;
        }
        m_cv.wait(lock);
    }
    --m_waiting;
    return result;
}

bool SlotSemaphore::tryAcquire()
{
    std::lock_guard lock(m_mutex);
    if (m_available <= 0)
        return false;
    --m_available;
    return true;
}

void SlotSemaphore::release()
{
    std::lock_guard lock(m_mutex);
    ++m_available;
    m_cv.notify_one();
}

void SlotSemaphore::setCapacity(int slots)
{
    slots = std::max(0, slots);
    std::lock_guard lock(m_mutex);
    m_available += slots - m_capacity;
    m_capacity = slots;
    m_cv.notify_all();
}

int SlotSemaphore::capacity() const
{
    std::lock_guard lock(m_mutex);
    return m_capacity;
}

int SlotSemaphore::available() const
{
    std::lock_guard lock(m_mutex);
    return m_available;
}

int SlotSemaphore::waiting() const
{
    std::lock_guard lock(m_mutex);
    return m_waiting;
}

} // namespace shoal
