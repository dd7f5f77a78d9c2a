#pragma once

#include "limitedworker.h"
#include "liveparams.h"
#include "servicetimedistribution.h"
#include "slotsemaphore.h"

#include "pool/parker.h"

#include <atomic>
#include <memory>
#include <random>

namespace shoal {

/// A synthetic payload: just the call's number, echoed in the result.
struct SyntheticJob {
    quint64 sequence = 0; ///< from Workload::makePayload()
};

/// What a synthetic job returns.
struct SyntheticResult {
    quint64 sequence = 0;     ///< the payload's, or 0 for another payload type
    double plannedMs = 0;     ///< the drawn service time
    double elapsedMs = 0;     ///< how long process() actually took (wall clock)
    double cpuMs = 0;         ///< the worker thread's CPU time while serving (spin: >= plannedMs)
    bool interrupted = false; ///< stopped early because the caller gave up
};

/// What the synthetic workers of one workload read at the start of each job.
struct SyntheticSettings {
    ServiceTimeDistribution distribution; ///< service time per job
    bool spin = false;                    ///< burn plannedMs of CPU (true) or sleep (false)
    bool honourInterrupt = true;          ///< stop early when the caller gives up
    double failureRate = 0;               ///< probability that a job throws, in [0, 1]
    int gpuSlots = 0;                     ///< 0 = no shared slot semaphore
    quint64 seed = 1;                     ///< worker i seeds its engine from seed and i
};

/// The state the synthetic workers of one workload share.
struct SyntheticShared {
    explicit SyntheticShared(SyntheticSettings initial)
        : settings(initial)
        , gpuSlots(initial.gpuSlots)
    {}
    LiveParams<SyntheticSettings> settings; ///< current parameters
    SlotSemaphore gpuSlots;                 ///< the "GPU slots" (used while gpuSlots > 0)
    std::atomic<int> running{0};            ///< jobs inside process() now
    std::atomic<int> peakRunning{0};        ///< the most ever inside process() at once
    std::atomic<int> nextIndex{0};          ///< numbers the workers for their seeds
};

/// A job that takes a drawn service time: sleeping on a Parker for that much wall-clock time
/// (IO-like; interrupt() wakes it at once) or spinning until the thread has used that much CPU
/// time (CPU-like: when more jobs spin than there are cores each takes longer, as real computing
/// does; polls the interrupt flag every few microseconds), honouring or ignoring interrupts,
/// failing at a given rate (throws std::runtime_error after its service time), and optionally
/// holding one of N shared slots from blockUntilReady() until process() returns.
///
/// Reproducible: worker i (in creation order, from 0) seeds a std::mt19937_64 with
/// seed + i * 0x9E3779B97F4A7C15 and draws, per job, the service time and then the failure coin.
class SyntheticWorker final : public LimitedWorker {
public:
    /// Runs on the thread that creates or grows the pool; takes the next worker index.
    SyntheticWorker(std::shared_ptr<SyntheticShared> shared, std::shared_ptr<RateLimiter> limiter);
    ~SyntheticWorker() override;

    /// Worker's thread: a token from the limiter, then a slot if gpuSlots > 0; both waits end
    /// when the worker is being stopped.
    void blockUntilReady() override;
    /// Worker's thread. Returns SyntheticResult; throws std::runtime_error("synthetic failure").
    std::any process(std::any payload) override;
    /// Abandoning thread: wakes a sleeping job (it then stops if it honours interrupts).
    void interrupt() override;
    /// Worker's thread: gives back a slot taken for a job that never came.
    void terminate() override;

    /// This worker's number, which picks its random stream.
    int index() const { return m_index; }

private:
    /// Sleeps or spins until \a planned has passed; false when interrupted first.
    bool serve(const SyntheticSettings& settings, std::chrono::nanoseconds planned);
    /// Computes until this thread's CPU clock has advanced by \a planned; false when interrupted.
    bool spin(const SyntheticSettings& settings, std::chrono::nanoseconds planned);
    void releaseSlot();

    std::shared_ptr<SyntheticShared> m_shared;   ///< parameters, slots, probes
    const int m_index = 0;                       ///< from m_shared->nextIndex
    std::mt19937_64 m_engine;                    ///< this worker's random stream
    quint64 m_seededWith = 0;                    ///< the seed m_engine was last seeded from
    bool m_seeded = false;                       ///< whether m_engine has been seeded
    bool m_holdingSlot = false;                  ///< took a slot that process() must give back
    Parker m_parker;                             ///< a sleeping job waits here
    quint64 m_burnState = 0x9E3779B97F4A7C15ULL; ///< what spinning computes (kept, so it is done)
};

} // namespace shoal
