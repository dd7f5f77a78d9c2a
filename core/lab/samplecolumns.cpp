#include "samplecolumns.h"

#include <cmath>

namespace shoal {
namespace {

template <class T>
SampleColumn integer(const char* name, T MetricsRow::*field)
{
    return {QLatin1StringView(name), true, 0,
            [field](const MetricsRow& r) { return static_cast<double>(r.*field); },
            [field](MetricsRow& r, double v) { r.*field = static_cast<T>(std::llround(v)); }};
}

SampleColumn real(const char* name, double MetricsRow::*field, int decimals)
{
    return {QLatin1StringView(name), false, decimals,
            [field](const MetricsRow& r) { return r.*field; },
            [field](MetricsRow& r, double v) { r.*field = v; }};
}

} // namespace

QString SampleColumn::csvText(const MetricsRow& row) const
{
    const double value = get(row);
    if (!std::isfinite(value))
        return QString();
    // QString::number never uses QLocale.
    return integral ? QString::number(std::llround(value)) : QString::number(value, 'f', decimals);
}

const std::vector<SampleColumn>& sampleColumnTable()
{
    static const std::vector<SampleColumn> columns = [] {
        std::vector<SampleColumn> c = {
            real("t_s", &MetricsRow::tSec, 3),
            integer("pool_size", &MetricsRow::poolSize),
            integer("waiting", &MetricsRow::waiting),
            integer("in_flight", &MetricsRow::inFlight),
            integer<qint64>("submitted", &MetricsRow::submitted),
        };
        for (const Outcome outcome : kOutcomes) {
            c.push_back({QLatin1StringView(outcomeColumn(outcome)), true, 0,
                         [outcome](const MetricsRow& r) { return static_cast<double>(r[outcome]); },
                         [outcome](MetricsRow& r, double v) { r[outcome] = std::llround(v); }});
        }
        for (SampleColumn column : {
                 real("throughput_per_s", &MetricsRow::throughputPerSec, 2),
                 real("timeouts_per_s", &MetricsRow::timeoutsPerSec, 2),
                 real("latency_p50_ms", &MetricsRow::latencyP50Ms, 4),
                 real("latency_p95_ms", &MetricsRow::latencyP95Ms, 4),
                 real("latency_p99_ms", &MetricsRow::latencyP99Ms, 4),
                 real("latency_max_ms", &MetricsRow::latencyMaxMs, 4),
                 real("queue_wait_p95_ms", &MetricsRow::queueWaitP95Ms, 4),
                 real("service_p95_ms", &MetricsRow::serviceP95Ms, 4),
                 real("limiter_tokens", &MetricsRow::limiterTokens, 3),
                 real("offered_per_s", &MetricsRow::offeredPerSec, 2),
                 integer("abandoned_workers", &MetricsRow::abandonedWorkers),
                 real("latency_mean_ms", &MetricsRow::latencyMeanMs, 4),
                 real("in_system_mean", &MetricsRow::inSystemMean, 4),
                 real("utilisation", &MetricsRow::utilisation, 4),
                 real("predicted_latency_p95_ms", &MetricsRow::predictedLatencyP95Ms, 4),
                 real("predicted_queue_wait_p95_ms", &MetricsRow::predictedQueueWaitP95Ms, 4),
             })
            c.push_back(std::move(column));
        return c;
    }();
    return columns;
}

} // namespace shoal
