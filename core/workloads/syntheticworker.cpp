#include "syntheticworker.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <time.h>

namespace shoal {
namespace {

using Clock = std::chrono::steady_clock;

constexpr quint64 kGamma = 0x9E3779B97F4A7C15ULL;

/// The calling thread's CPU time: it advances only while the thread runs on a core.
std::chrono::nanoseconds threadCpuTime()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

/// A few microseconds of arithmetic (xorshift steps, each depending on the last).
quint64 burnChunk(quint64 state)
{
    for (int i = 0; i < 2048; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
    }
    return state;
}

/// Gives the slot back however process() ends.
class SlotGuard {
public:
    explicit SlotGuard(std::function<void()> release)
        : m_release(std::move(release))
    {}
    ~SlotGuard() { m_release(); }
    SlotGuard(const SlotGuard&) = delete;
    SlotGuard& operator=(const SlotGuard&) = delete;

private:
    std::function<void()> m_release; ///< runs once, on destruction
};

} // namespace

SyntheticWorker::SyntheticWorker(std::shared_ptr<SyntheticShared> shared,
                                 std::shared_ptr<RateLimiter> limiter)
    : LimitedWorker(std::move(limiter))
    , m_shared(std::move(shared))
    , m_index(m_shared->nextIndex.fetch_add(1, std::memory_order_relaxed))
{}

SyntheticWorker::~SyntheticWorker() = default;

void SyntheticWorker::blockUntilReady()
{
    if (!waitForLimiter())
        return;
    if (m_holdingSlot || m_shared->settings.get()->gpuSlots <= 0)
        return;
    m_holdingSlot = !m_shared->gpuSlots.acquire(stopContext());
}

void SyntheticWorker::releaseSlot()
{
    if (m_holdingSlot) {
        m_holdingSlot = false;
        m_shared->gpuSlots.release();
    }
}

void SyntheticWorker::terminate()
{
    releaseSlot();
}

void SyntheticWorker::interrupt()
{
    m_parker.unpark();
}

bool SyntheticWorker::serve(const SyntheticSettings& settings, std::chrono::nanoseconds planned)
{
    if (settings.spin)
        return spin(settings, planned);
    const auto deadline = Clock::now() + planned;
    for (;;) {
        if (settings.honourInterrupt && isInterrupted())
            return false;
        if (Clock::now() >= deadline)
            return true;
        m_parker.park(deadline, std::chrono::nanoseconds::zero()); // also woken by interrupt()
    }
}

bool SyntheticWorker::spin(const SyntheticSettings& settings, std::chrono::nanoseconds planned)
{
    // The thread's CPU clock, not the wall clock: a job preempted by other threads is not done
    // until it has had its share of a core, so oversubscribed cores stretch latency.
    const auto until = threadCpuTime() + planned;
    for (;;) {
        if (settings.honourInterrupt && isInterrupted())
            return false;
        if (threadCpuTime() >= until)
            return true;
        m_burnState = burnChunk(m_burnState);
    }
}

std::any SyntheticWorker::process(std::any payload)
{
    const auto started = Clock::now();
    SlotGuard slot([this] { releaseSlot(); });
    const auto settings = m_shared->settings.get();
    if (!m_seeded || m_seededWith != settings->seed) {
        m_engine.seed(settings->seed + static_cast<quint64>(m_index) * kGamma);
        m_seededWith = settings->seed;
        m_seeded = true;
    }

    SyntheticResult result;
    if (const auto* job = std::any_cast<SyntheticJob>(&payload))
        result.sequence = job->sequence;
    result.plannedMs = settings->distribution.sampleMs(m_engine);
    // Drawn every time, so the service times do not depend on the failure rate.
    const bool fail = ServiceTimeDistribution::unit(m_engine) < settings->failureRate;

    const int running = m_shared->running.fetch_add(1, std::memory_order_acq_rel) + 1;
    int peak = m_shared->peakRunning.load(std::memory_order_relaxed);
    while (peak < running &&
           !m_shared->peakRunning.compare_exchange_weak(peak, running, std::memory_order_relaxed)) {
    }
    const auto planned = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::duration<double, std::milli>(std::min(result.plannedMs, 3.6e6 * 24)));
    const auto cpuBefore = threadCpuTime();
    result.interrupted = !serve(*settings, planned);
    result.cpuMs = std::chrono::duration<double, std::milli>(threadCpuTime() - cpuBefore).count();
    m_shared->running.fetch_sub(1, std::memory_order_acq_rel);
    result.elapsedMs = std::chrono::duration<double, std::milli>(Clock::now() - started).count();

    if (fail && !result.interrupted)
        throw std::runtime_error("synthetic failure");
    return result;
}

} // namespace shoal
