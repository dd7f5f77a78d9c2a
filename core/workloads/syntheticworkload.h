#pragma once

#include "paramschema.h"
#include "syntheticworker.h"
#include "workload.h"

#include <mutex>

namespace shoal {

/// Synthetic service times as a workload, for teaching and for sizing against a known shape.
/// Parameters (see docs/workloads.md): distribution, meanMs, spreadMs, sigma, slowFraction,
/// slowMs, mode, honourInterrupt, failureRate, gpuSlots, seed. Workers return SyntheticResult.
class SyntheticWorkload final : public Workload {
public:
    /// The parameters this kind accepts, with their defaults and ranges.
    static const ParamSchema& schema();
    /// Null with \a error set when \a params are refused. Any thread.
    static std::unique_ptr<SyntheticWorkload>
    create(const QVariantMap& params, std::shared_ptr<RateLimiter> limiter, ParamError& error);

    QString kind() const override { return QStringLiteral("synthetic"); }
    std::unique_ptr<Worker> makeWorker() override;
    std::any makePayload(quint64 sequence) override;
    ParamError setParam(const QString& key, const QVariant& value) override;
    QVariantMap params() const override;

    /// Jobs inside process() now, over all workers. Any thread.
    int running() const { return m_shared->running.load(std::memory_order_relaxed); }
    /// The most jobs ever inside process() at once. Any thread.
    int peakRunning() const { return m_shared->peakRunning.load(std::memory_order_relaxed); }
    /// The shared slots (for monitors: capacity, available, waiting).
    const SlotSemaphore& gpuSlots() const { return m_shared->gpuSlots; }

    /// The settings named by \a values, which schema() has resolved (every key present).
    static SyntheticSettings settingsFrom(const QVariantMap& values);

private:
    SyntheticWorkload(const QVariantMap& values, std::shared_ptr<RateLimiter> limiter);

    std::shared_ptr<RateLimiter> m_limiter;    ///< may be null
    mutable std::mutex m_valuesMutex;          ///< guards m_values; serialises setParam
    QVariantMap m_values;                      ///< every parameter, normalized
    std::shared_ptr<SyntheticShared> m_shared; ///< shared with the workers
};

} // namespace shoal
