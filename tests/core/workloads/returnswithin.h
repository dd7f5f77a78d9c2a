#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

/// Runs \a fn on another thread; true if it returned within \a timeout (the thread is left
/// behind otherwise, and the test fails rather than hangs). The hand-back is a std::mutex and
/// condition, which ThreadSanitizer sees: whatever \a fn did happens before this returns true,
/// so the caller may destroy what \a fn used.
template <class Fn>
bool returnsWithin(Fn fn, std::chrono::milliseconds timeout)
{
    struct Done {
        std::mutex mutex;
        std::condition_variable returned;
        bool finished = false;
    };
    auto done = std::make_shared<Done>();
    std::thread([fn, done] {
        fn();
        std::lock_guard lock(done->mutex);
        done->finished = true;
        done->returned.notify_all();
    }).detach();
    std::unique_lock lock(done->mutex);
    return done->returned.wait_for(lock, timeout, [&] { return done->finished; });
}
