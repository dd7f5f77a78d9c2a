#include "serialexecutor.h"

#include <QtGlobal>

#include <exception>

namespace shoal {

SerialExecutor::SerialExecutor()
    : m_thread([this] { run(); })
{}

SerialExecutor::~SerialExecutor()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void SerialExecutor::post(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void SerialExecutor::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
        if (m_tasks.empty())
            return;
        std::function<void()> task = std::move(m_tasks.front());
        m_tasks.pop_front();
        lock.unlock();
        try {
            task();
        } catch (const std::exception& e) {
            qWarning("shoal: a pool errand threw: %s", e.what());
        }
        task = nullptr; // its captures die here, on this thread
        lock.lock();
    }
}

} // namespace shoal
