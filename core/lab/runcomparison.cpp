#include "runcomparison.h"

#include "pool/outcome.h"

#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <random>

namespace shoal {
namespace {

using Figure = ComparedMetric::Figure;

constexpr std::uint32_t kSeed = 20261203; ///< any fixed seed: the same files, the same table

double jsonNumber(const QJsonValue& value)
{
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

/// The rows' figure a bootstrap resamples, or null for figures the rows do not carry.
double (*rowFigure(Figure figure))(const MetricsRow&)
{
    switch (figure) {
    case Figure::Throughput:
        return [](const MetricsRow& r) { return r.throughputPerSec; };
    case Figure::LatencyP50:
        return [](const MetricsRow& r) { return r.latencyP50Ms; };
    case Figure::LatencyP95:
        return [](const MetricsRow& r) { return r.latencyP95Ms; };
    case Figure::LatencyP99:
        return [](const MetricsRow& r) { return r.latencyP99Ms; };
    case Figure::QueueWaitP95:
        return [](const MetricsRow& r) { return r.queueWaitP95Ms; };
    case Figure::Utilisation:
        return [](const MetricsRow& r) { return r.utilisation; };
    default:
        return nullptr;
    }
}

/// The figure of the rows that cover an interval and hold it.
QList<double> rowValues(const RunRecord& run, double (*figure)(const MetricsRow&))
{
    QList<double> out;
    for (const MetricsRow& row : run.samples) {
        const double v = figure(row);
        if (row.intervalSec > 0 && std::isfinite(v))
            out.append(v);
    }
    return out;
}

/// The rows' busy share, weighted by the time each covers.
double meanUtilisation(const RunRecord& run)
{
    double busy = 0;
    double seconds = 0;
    for (const MetricsRow& row : run.samples) {
        if (row.intervalSec > 0 && std::isfinite(row.utilisation)) {
            busy += row.utilisation * row.intervalSec;
            seconds += row.intervalSec;
        }
    }
    return seconds > 0 ? busy / seconds : std::numeric_limits<double>::quiet_NaN();
}

double wholeRun(const RunRecord& run, Figure figure)
{
    const QJsonObject& s = run.summary;
    const QJsonObject latency = s.value(QStringLiteral("latencyMs")).toObject();
    const QJsonObject calls = s.value(QStringLiteral("calls")).toObject();
    const auto count = [&calls](Outcome outcome) {
        return jsonNumber(calls.value(QLatin1StringView(outcomeKey(outcome))));
    };
    switch (figure) {
    case Figure::Throughput:
        return jsonNumber(s.value(QStringLiteral("throughputPerSec")));
    case Figure::LatencyP50:
        return jsonNumber(latency.value(QStringLiteral("p50")));
    case Figure::LatencyP95:
        return jsonNumber(latency.value(QStringLiteral("p95")));
    case Figure::LatencyP99:
        return jsonNumber(latency.value(QStringLiteral("p99")));
    case Figure::LatencyMax:
        return jsonNumber(latency.value(QStringLiteral("max")));
    case Figure::QueueWaitP95:
        return jsonNumber(s.value(QStringLiteral("queueWaitP95Ms")));
    case Figure::Utilisation:
        return meanUtilisation(run);
    case Figure::Completed:
        return count(Outcome::Completed);
    case Figure::TimedOut:
        return count(Outcome::TimedOut);
    case Figure::Canceled:
        return count(Outcome::Canceled);
    case Figure::Failed:
        return count(Outcome::Failed);
    case Figure::Rejected:
        return count(Outcome::Rejected);
    case Figure::NotRunning:
        return count(Outcome::NotRunning);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

/// The mean of a resample of \a values with replacement.
double resampledMean(const QList<double>& values, std::mt19937& random)
{
    std::uniform_int_distribution<qsizetype> pick(0, values.size() - 1);
    double sum = 0;
    for (qsizetype i = 0; i < values.size(); ++i)
        sum += values.at(pick(random));
    return sum / static_cast<double>(values.size());
}

/// The 2.5th and 97.5th percentiles of the resampled difference of means, B - A.
std::pair<double, double> noiseInterval(const QList<double>& a, const QList<double>& b,
                                        std::mt19937& random)
{
    std::vector<double> differences(RunComparison::kResamples);
    for (double& d : differences)
        d = resampledMean(b, random) - resampledMean(a, random);
    std::sort(differences.begin(), differences.end());
    const auto at = [&differences](double share) {
        return differences[static_cast<std::size_t>(share * (differences.size() - 1))];
    };
    return {at(0.025), at(0.975)};
}

} // namespace

RunComparison compareRuns(const RunRecord& a, const RunRecord& b)
{
    RunComparison out;
    std::mt19937 random(kSeed);
    for (int f = 0; f <= static_cast<int>(Figure::NotRunning); ++f) {
        ComparedMetric m;
        m.figure = static_cast<Figure>(f);
        m.a = wholeRun(a, m.figure);
        m.b = wholeRun(b, m.figure);
        if (std::isfinite(m.a) && std::isfinite(m.b) && m.a != 0)
            m.deltaPercent = (m.b - m.a) / m.a * 100;
        if (const auto figure = rowFigure(m.figure)) {
            const QList<double> rowsA = rowValues(a, figure);
            const QList<double> rowsB = rowValues(b, figure);
            if (rowsA.size() >= RunComparison::kMinRows &&
                rowsB.size() >= RunComparison::kMinRows) {
                const auto [low, high] = noiseInterval(rowsA, rowsB, random);
                m.noiseLow = low;
                m.noiseHigh = high;
            }
        }
        out.metrics.append(m);
    }
    return out;
}

} // namespace shoal
