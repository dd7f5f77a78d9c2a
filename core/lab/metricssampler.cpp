#include "metricssampler.h"

#include <algorithm>

namespace shoal {
namespace {

double toMs(std::chrono::nanoseconds ns)
{
    return static_cast<double>(ns.count()) / 1e6;
}

/// The interval's histogram: \a current minus \a previous, which then becomes \a current.
LatencyHistogram interval(const LatencyHistogram* current, LatencyHistogram& previous)
{
    LatencyHistogram diff;
    if (current) {
        diff = *current;
        diff.subtract(previous);
        previous = *current;
    }
    return diff;
}

} // namespace

void MetricsSampler::reset()
{
    m_previousT = 0;
    m_previous = {};
    m_latency.clear();
    m_queueWait.clear();
    m_service.clear();
    m_times = {};
    m_busyTime = {};
}

MetricsRow MetricsSampler::sample(const Input& in)
{
    const CallCounters& c = in.counters;
    MetricsRow row;
    row.tSec = in.tSec;
    row.intervalSec = std::max(0.0, in.tSec - m_previousT);
    row.poolSize = in.poolSize;
    static_cast<OutcomeCounts&>(row) = c;
    const qint64 outstanding = std::max<qint64>(0, c.outstanding());
    row.inFlight = std::clamp<qint64>(in.poolInFlight, 0, outstanding);
    row.waiting = outstanding - row.inFlight;

    if (row.intervalSec > 0) {
        const double dt = row.intervalSec;
        row.throughputPerSec = static_cast<double>(c.completed - m_previous.completed) / dt;
        row.timeoutsPerSec = static_cast<double>(c.timedOut - m_previous.timedOut) / dt;
        row.offeredPerSec = static_cast<double>(c.submitted - m_previous.submitted) / dt;
        const double inSystemSec =
            std::chrono::duration<double>(in.times.inSystem - m_times.inSystem).count();
        row.inSystemMean = std::max(0.0, inSystemSec / dt);
        const double busySec = std::chrono::duration<double>(in.busyTime - m_busyTime).count();
        row.utilisation = in.poolSize > 0 ? std::max(0.0, busySec / (in.poolSize * dt)) : 0.0;
    }
    const qint64 ended = in.times.latencyCount - m_times.latencyCount;
    if (ended > 0)
        row.latencyMeanMs =
            toMs(in.times.latencySum - m_times.latencySum) / static_cast<double>(ended);
    row.predictedLatencyP95Ms = in.predictedLatencyP95Ms;
    row.predictedQueueWaitP95Ms = in.predictedQueueWaitP95Ms;

    const LatencyHistogram latency = interval(in.latency, m_latency);
    if (latency.count() > 0) {
        row.latencyP50Ms = toMs(latency.percentile(0.50));
        row.latencyP95Ms = toMs(latency.percentile(0.95));
        row.latencyP99Ms = toMs(latency.percentile(0.99));
        row.latencyMaxMs = toMs(latency.max());
    }
    const LatencyHistogram queueWait = interval(in.queueWait, m_queueWait);
    if (queueWait.count() > 0)
        row.queueWaitP95Ms = toMs(queueWait.percentile(0.95));
    const LatencyHistogram service = interval(in.service, m_service);
    if (service.count() > 0)
        row.serviceP95Ms = toMs(service.percentile(0.95));

    row.limiterTokens = in.limiterTokens;
    row.abandonedWorkers = in.abandonedWorkers;
    m_previous = c;
    m_previousT = in.tSec;
    m_times = in.times;
    m_busyTime = in.busyTime;
    return row;
}

} // namespace shoal
