#include "limitedworker.h"

#include "ratelimiter.h"

namespace shoal {

LimitedWorker::LimitedWorker(std::shared_ptr<RateLimiter> limiter)
    : m_limiter(std::move(limiter))
{}

LimitedWorker::~LimitedWorker() = default;

void LimitedWorker::blockUntilReady()
{
    waitForLimiter();
}

bool LimitedWorker::waitForLimiter()
{
    return !m_limiter || !m_limiter->wait(stopContext());
}

} // namespace shoal
