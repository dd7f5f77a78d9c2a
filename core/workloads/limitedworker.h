#pragma once

#include "pool/worker.h"

#include <memory>

namespace shoal {

class RateLimiter;

/// The common base of the workloads' workers: before each job, blockUntilReady() takes a token
/// from the workload's shared RateLimiter, if there is one, waiting with stopContext() so that
/// shrinking or closing the pool wakes it at once.
class LimitedWorker : public Worker {
public:
    /// \a limiter may be null (no limit). It is shared with the other workers of the workload.
    explicit LimitedWorker(std::shared_ptr<RateLimiter> limiter);
    ~LimitedWorker() override;

    /// Worker's thread. Blocks until a token is ours or the worker is being stopped.
    void blockUntilReady() override;

protected:
    /// Worker's thread. True when a token was taken (or there is no limiter), false when the
    /// stop context ended the wait; then the pool hands this worker no further job.
    bool waitForLimiter();

private:
    std::shared_ptr<RateLimiter> m_limiter; ///< shared by every worker of the workload
};

} // namespace shoal
