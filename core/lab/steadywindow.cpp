#include "steadywindow.h"

#include <cmath>

namespace shoal {
namespace {

double toMs(std::chrono::nanoseconds ns)
{
    return static_cast<double>(ns.count()) / 1e6;
}

/// The share of \a h above \a ms, found by bisecting its quantiles (no count-above query).
double shareAbove(const LatencyHistogram& h, double ms)
{
    if (h.count() == 0)
        return std::nan("");
    double lo = 0;
    double hi = 1;
    for (int i = 0; i < 40; ++i) {
        const double mid = (lo + hi) / 2;
        (toMs(h.percentile(mid)) > ms ? hi : lo) = mid;
    }
    return 1 - hi;
}

} // namespace

void SteadyWindow::restart(double changedAtSec)
{
    m_dueSec = changedAtSec + kWarmupSec;
    m_started = false;
}

void SteadyWindow::offer(const Reading& reading)
{
    if (!m_started && reading.tSec >= m_dueSec) {
        m_start = reading;
        m_started = true;
    }
    if (m_started)
        m_end = reading;
}

SteadyMeasurement SteadyWindow::measurement() const
{
    SteadyMeasurement m;
    const double none = std::nan("");
    m.latencyMeanMs = m.latencyP50Ms = m.latencyP95Ms = m.latencyP99Ms = m.queueWaitP95Ms =
        m.waitShare = none;
    if (!m_started || m_end.tSec <= m_start.tSec)
        return m;
    m.fromSec = m_start.tSec;
    m.toSec = m_end.tSec;
    const double windowMs = (m.toSec - m.fromSec) * 1e3;
    LatencyHistogram latency = m_end.latency;
    latency.subtract(m_start.latency);
    LatencyHistogram queueWait = m_end.queueWait;
    queueWait.subtract(m_start.queueWait);
    m.calls = m_end.times.latencyCount - m_start.times.latencyCount;
    const double latencySumMs = toMs(m_end.times.latencySum - m_start.times.latencySum);
    if (m.calls > 0) {
        m.latencyMeanMs = latencySumMs / static_cast<double>(m.calls);
        m.latencyP50Ms = toMs(latency.percentile(0.50));
        m.latencyP95Ms = toMs(latency.percentile(0.95));
        m.latencyP99Ms = toMs(latency.percentile(0.99));
    }
    if (queueWait.count() > 0) {
        m.queueWaitP95Ms = toMs(queueWait.percentile(0.95));
        m.waitShare = shareAbove(queueWait, SteadyMeasurement::kWaitedMs);
    }
    const int size = m_end.poolSize;
    m.poolSize = size;
    m.utilisation = size > 0 ? toMs(m_end.busyTime - m_start.busyTime) / (size * windowMs) : 0;
    m.littlesLaw = LittlesLaw::fromInterval(toMs(m_end.times.inSystem - m_start.times.inSystem),
                                            windowMs, m.calls, latencySumMs);
    return m;
}

} // namespace shoal
