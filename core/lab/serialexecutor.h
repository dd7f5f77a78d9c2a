#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace shoal {

/// One thread that runs posted tasks in order: the Session's errand runner for everything that
/// blocks on a pool (building a workload and its pool, setSize, close, destroying a pool), so
/// the session thread never does. Each task is also destroyed on this thread, so a pool captured
/// by the last task holding it is closed and joined here.
class SerialExecutor {
public:
    /// Starts the thread.
    SerialExecutor();
    /// Runs every task already posted, then ends the thread. Blocks for as long as they take.
    ~SerialExecutor();
    SerialExecutor(const SerialExecutor&) = delete;
    SerialExecutor& operator=(const SerialExecutor&) = delete;

    /// Queues \a task behind the others. Any thread; never blocks.
    void post(std::function<void()> task);

private:
    void run();

    std::mutex m_mutex;                        ///< guards m_tasks and m_stopping
    std::condition_variable m_wake;            ///< a task was posted or the destructor runs
    std::deque<std::function<void()>> m_tasks; ///< oldest first
    bool m_stopping = false;                   ///< set by the destructor
    std::thread m_thread;                      ///< runs run(); started last
};

} // namespace shoal
