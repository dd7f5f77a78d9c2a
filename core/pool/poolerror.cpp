#include "poolerror.h"

namespace shoal {
namespace {

class PoolCategory final : public std::error_category {
public:
    const char* name() const noexcept override { return "shoal"; }
    std::string message(int value) const override
    {
        switch (static_cast<PoolErrc>(value)) {
        case PoolErrc::JobTimedOut:
            return "job request timed out";
        case PoolErrc::PoolNotRunning:
            return "the pool is not running";
        case PoolErrc::WorkerClosed:
            return "worker was closed";
        case PoolErrc::JobNotFunc:
            return "generic worker not given a func()";
        case PoolErrc::Canceled:
            return "context canceled";
        case PoolErrc::DeadlineExceeded:
            return "context deadline exceeded";
        case PoolErrc::WorkerThrew:
            return "worker threw an exception";
        case PoolErrc::QueueFull:
            return "too many callers waiting";
        }
        return "unknown shoal error";
    }
};

} // namespace

const std::error_category& poolCategory() noexcept
{
    // Never destroyed: pool errors are made during static destruction too (see DeadlineTimer).
    static const PoolCategory* const category = new PoolCategory;
    return *category;
}

PoolError::PoolError(std::error_code code, const std::string& detail)
    : std::system_error(code)
    , m_what(detail.empty() ? code.message() : code.message() + ": " + detail)
{}

} // namespace shoal
