#include "measuredwindow.h"

#include <chrono>

namespace shoal {
namespace {

double toMs(std::chrono::nanoseconds ns)
{
    return static_cast<double>(ns.count()) / 1e6;
}

double percentileMs(const LatencyHistogram& histogram, double q)
{
    return histogram.count() > 0 ? toMs(histogram.percentile(q)) : MeasuredWindow::None;
}

/// The mean as the integral of the quantile function, sampled at the midpoints of 1,000 equal
/// slices: the histogram keeps no sum, and its buckets are within 0.8% anyway.
double meanMs(const LatencyHistogram& histogram)
{
    if (histogram.count() == 0)
        return MeasuredWindow::None;
    constexpr int kSlices = 1000;
    double sum = 0;
    for (int i = 0; i < kSlices; ++i)
        sum += toMs(histogram.percentile((i + 0.5) / kSlices));
    return sum / kSlices;
}

CallCounters minus(const CallCounters& a, const CallCounters& b)
{
    CallCounters d;
    d.submitted = a.submitted - b.submitted;
    d.completed = a.completed - b.completed;
    d.timedOut = a.timedOut - b.timedOut;
    d.canceled = a.canceled - b.canceled;
    d.failed = a.failed - b.failed;
    d.rejected = a.rejected - b.rejected;
    d.notRunning = a.notRunning - b.notRunning;
    return d;
}

} // namespace

MeasuredWindow MeasuredWindow::between(const Reading& start, const Reading& end)
{
    MeasuredWindow w;
    w.valid = true;
    w.startSec = start.tSec;
    w.durationSec = end.tSec - start.tSec;
    w.counters = minus(end.counters, start.counters);
    LatencyHistogram latency = end.latency;
    latency.subtract(start.latency);
    LatencyHistogram queueWait = end.queueWait;
    queueWait.subtract(start.queueWait);
    LatencyHistogram service = end.service;
    service.subtract(start.service);
    if (w.durationSec > 0) {
        w.throughputPerSec = static_cast<double>(w.counters.completed) / w.durationSec;
        w.offeredPerSec = static_cast<double>(w.counters.submitted) / w.durationSec;
        const int workers = end.poolSize > 0 ? end.poolSize : start.poolSize;
        if (workers > 0)
            w.utilisation = service.count() > 0
                                ? meanMs(service) * static_cast<double>(service.count()) / 1000.0 /
                                      (workers * w.durationSec)
                                : 0.0;
    }
    w.latencyP50Ms = percentileMs(latency, 0.50);
    w.latencyP95Ms = percentileMs(latency, 0.95);
    w.latencyP99Ms = percentileMs(latency, 0.99);
    w.latencyMeanMs = meanMs(latency);
    w.queueWaitP95Ms = percentileMs(queueWait, 0.95);
    return w;
}

} // namespace shoal
