#pragma once

#include "pool/pool.h"
#include "pool/worker.h"

#include <QThread>

#include <any>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

namespace shoal::test {

/// A door that stays open once opened. wait() has a generous deadline so a broken pool fails
/// the test instead of hanging it.
class Gate {
public:
    /// Notifies under the lock: a waiter may destroy the gate as soon as it sees it open.
    void open()
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    bool wait(std::chrono::milliseconds timeout = std::chrono::seconds(20))
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [this] { return m_open; });
    }
    bool isOpen()
    {
        std::lock_guard lock(m_mutex);
        return m_open;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
};

/// Counts up and lets a test wait until a count is reached.
class Counter {
public:
    /// Notifies under the lock: a waiter may destroy the counter as soon as it sees the value.
    void add(int n = 1)
    {
        std::lock_guard lock(m_mutex);
        m_value += n;
        m_changed.notify_all();
    }
    int value()
    {
        std::lock_guard lock(m_mutex);
        return m_value;
    }
    bool waitFor(int atLeast, std::chrono::milliseconds timeout = std::chrono::seconds(20))
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_value >= atLeast; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_value = 0;
};

/// What every ScriptedWorker of one test shares: gates the test opens, counts it reads, and
/// checks of the pool's promises about when each method may run.
struct Script {
    Gate readyGate; ///< blockUntilReady() waits here unless readyOpen
    std::atomic<bool> readyOpen{true};
    std::atomic<bool> processOpen{true}; ///< false: process() waits for releaseProcess()
    std::mutex processMutex;             ///< guards processReleased and workers' interrupt flags
    std::condition_variable processWake; ///< releaseProcess() or an interrupt
    bool processReleased = false;        ///< under processMutex

    /// Lets every blocked and future process() run to its end.
    void releaseProcess()
    {
        {
            std::lock_guard lock(processMutex);
            processReleased = true;
        }
        processWake.notify_all();
    }

    bool processHonoursInterrupt = true; ///< an interrupted process() returns early
    bool readyHonoursStop = false;       ///< blockUntilReady() also ends with stopContext()

    Counter made;           ///< factory calls
    Counter readyEntered;   ///< blockUntilReady() calls
    Counter processEntered; ///< process() calls begun
    Counter processLeft;    ///< process() calls returned
    Counter interrupts;     ///< interrupt() calls
    Counter terminated;     ///< terminate() calls

    std::atomic<int> violations{0}; ///< a method ran when the pool promised it would not
    std::mutex mutex;
    std::vector<int> processedPayloads;  ///< in the order process() began
    std::set<QThread*> terminateThreads; ///< threads terminate() ran on
    std::set<QThread*> workerThreads;    ///< threads process() ran on
    Qt::HANDLE factoryThread = nullptr;  ///< the thread the factory last ran on
};

/// A worker driven by a Script: it blocks where the test says, and checks that interrupt() only
/// arrives while process() runs (or has just returned, before the pool moved on) and that
/// nothing else starts before interrupt() returns. Payload int n returns 2n; "throw" throws.
class ScriptedWorker : public Worker {
public:
    explicit ScriptedWorker(Script& script)
        : m_script(script)
    {
        m_script.factoryThread = QThread::currentThreadId();
        m_script.made.add();
    }

    void blockUntilReady() override
    {
        checkNotInsideInterrupt();
        m_inProcess = false; // the previous job is over: the pool has moved on
        m_script.readyEntered.add();
        if (m_script.readyOpen)
            return;
        if (m_script.readyHonoursStop) {
            // Only the stop context's wake-up ends this wait (no polling), so a pool that fails
            // to wake it hangs here, and the test's own deadline fails it.
            if (!stopContext().waitUntil(std::chrono::steady_clock::now() +
                                         std::chrono::seconds(60)))
                qFatal("ScriptedWorker: the stop context never woke blockUntilReady()");
        } else if (!m_script.readyGate.wait(std::chrono::seconds(30))) {
            qFatal("ScriptedWorker: blockUntilReady() was never released");
        }
    }

    std::any process(std::any payload) override
    {
        checkNotInsideInterrupt();
        m_inProcess = true;
        {
            std::lock_guard lock(m_script.mutex);
            if (const int* value = std::any_cast<int>(&payload))
                m_script.processedPayloads.push_back(*value);
            m_script.workerThreads.insert(QThread::currentThread());
        }
        m_script.processEntered.add();
        bool interrupted = false;
        {
            std::unique_lock lock(m_script.processMutex);
            // A job the test never releases is a broken test or a broken pool: fail loudly
            // rather than let a timeout carry the test on.
            if (!m_script.processOpen &&
                !m_script.processWake.wait_for(lock, std::chrono::seconds(30), [this] {
                    return m_script.processReleased ||
                           (m_script.processHonoursInterrupt && isInterrupted());
                }))
                qFatal("ScriptedWorker: process() was never released");
            interrupted = isInterrupted();
        }
        m_script.processLeft.add();
        if (m_script.processHonoursInterrupt && interrupted)
            return std::string("interrupted");
        if (const auto* text = std::any_cast<std::string>(&payload); text && *text == "throw")
            throw std::runtime_error("worker refused");
        if (const int* value = std::any_cast<int>(&payload))
            return *value * 2;
        return payload;
    }

    void interrupt() override
    {
        m_insideInterrupt = true;
        if (!m_inProcess)
            ++m_script.violations;
        if (!isInterrupted())
            ++m_script.violations; // the pool sets the flag before calling interrupt()
        {
            // Under the mutex, so a process() between its predicate check and its wait cannot
            // miss the notification.
            std::lock_guard lock(m_script.processMutex);
        }
        m_script.processWake.notify_all();
        m_script.interrupts.add();
        m_insideInterrupt = false;
    }

    void terminate() override
    {
        checkNotInsideInterrupt();
        m_inProcess = false;
        {
            std::lock_guard lock(m_script.mutex);
            m_script.terminateThreads.insert(QThread::currentThread());
        }
        m_script.terminated.add();
    }

private:
    void checkNotInsideInterrupt()
    {
        if (m_insideInterrupt)
            ++m_script.violations;
    }

    Script& m_script;
    /// From process() start until the pool next calls this worker: the window in which the
    /// pool may call interrupt() for the job.
    std::atomic<bool> m_inProcess{false};
    std::atomic<bool> m_insideInterrupt{false}; // interrupt() is running
};

/// A pool of \a size ScriptedWorkers sharing \a script.
inline std::unique_ptr<Pool> scriptedPool(int size, Script& script)
{
    return std::make_unique<Pool>(size,
                                  [&script] { return std::make_unique<ScriptedWorker>(script); });
}

} // namespace shoal::test
