#pragma once

#include <QSemaphore>

#include <chrono>
#include <memory>
#include <thread>

/// Runs \a fn on another thread; true if it returned within \a timeout (the thread is left
/// behind otherwise, and the test fails rather than hangs).
template <class Fn>
bool returnsWithin(Fn fn, std::chrono::milliseconds timeout)
{
    auto done = std::make_shared<QSemaphore>();
    std::thread([fn, done] {
        fn();
        done->release();
    }).detach();
    return done->tryAcquire(1, static_cast<int>(timeout.count()));
}
