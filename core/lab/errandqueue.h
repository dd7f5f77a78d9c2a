#pragma once

#include "serialexecutor.h"

#include <QString>

#include <functional>
#include <mutex>
#include <vector>

namespace shoal {

/// Work that may block on a pool (building it, resizing, closing, joining) runs in order on one
/// errand thread, so that the session thread never waits; what an errand has to tell the session
/// comes back as a report that the session thread runs in deliver(). The hand-off is a
/// std::mutex, not Qt's event queue, so that ThreadSanitizer can see it.
///
/// Thread safety: post() and deliver() from the owning thread; reportBack() from any thread.
class ErrandQueue {
public:
    ErrandQueue() = default;
    /// Waits until every errand posted has run; reports still undelivered are dropped.
    ~ErrandQueue() = default;
    ErrandQueue(const ErrandQueue&) = delete;
    ErrandQueue& operator=(const ErrandQueue&) = delete;

    /// Runs \a errand on the errand thread after every errand posted before it.
    void post(std::function<void()> errand) { m_executor.post(std::move(errand)); }
    /// Runs \a errand as post() does and queues the report it returns for deliver(): the errand
    /// itself touches nothing of its caller, only the report does, on the caller's thread.
    void request(std::function<std::function<void()>()> errand);
    /// Runs \a errand as post() does; if it throws, \a failed runs with the exception's text at
    /// the next deliver().
    void attempt(std::function<void()> errand, std::function<void(const QString&)> failed);
    /// Queues \a report for the next deliver().
    void reportBack(std::function<void()> report);
    /// Runs the reports queued so far, oldest first, on the calling thread.
    void deliver();

private:
    std::mutex m_mutex;                           ///< guards m_reports
    std::vector<std::function<void()>> m_reports; ///< oldest first
    SerialExecutor m_executor;                    ///< last: joined before the reports go
};

} // namespace shoal
