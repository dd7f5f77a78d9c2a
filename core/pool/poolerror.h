#pragma once

#include <stdexcept>
#include <string>
#include <system_error>

namespace shoal {

/// Why a call did not produce a result. Values live in the "shoal" error category.
enum class PoolErrc {
    JobTimedOut = 1,  ///< processTimed's total (wait + run) timeout expired.
    PoolNotRunning,   ///< the pool was closed before the call could be served.
    WorkerClosed,     ///< tunny parity; this pool never drops a job a worker has taken.
    JobNotFunc,       ///< a forCallbacks() pool got a payload that is not a callback.
    Canceled,         ///< the call's context was canceled.
    DeadlineExceeded, ///< the call's context passed its deadline.
    WorkerThrew,      ///< the worker's process() threw; the message is in the Result.
    QueueFull,        ///< the bound on waiting callers was reached; the call failed fast.
};

/// The "shoal" error category. Messages are short English for logs; user-facing sentences are
/// made (and translated) in ui/app.
const std::error_category& poolCategory() noexcept;

inline std::error_code make_error_code(PoolErrc e) noexcept
{
    return {static_cast<int>(e), poolCategory()};
}

/// Thrown by Pool::process() (where tunny panics) and by Result::value() on an error. A worker may
/// throw it from process() to fail a call with a specific code. A std::system_error, so code()
/// is the std::error_code and a handler for std::system_error sees it; what() is the code's
/// message followed by the detail, if any ("worker threw an exception: no disk").
class PoolError : public std::system_error {
public:
    explicit PoolError(std::error_code code, const std::string& detail = {});
    const char* what() const noexcept override { return m_what.what(); }

private:
    std::runtime_error m_what; ///< the message; copying it never throws
};

} // namespace shoal

template <>
struct std::is_error_code_enum<shoal::PoolErrc> : std::true_type {};
