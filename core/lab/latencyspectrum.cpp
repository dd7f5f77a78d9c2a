#include "latencyspectrum.h"

#include <QJsonArray>
#include <QJsonObject>

#include <chrono>
#include <cmath>

namespace shoal {
namespace {

double ms(std::chrono::nanoseconds value)
{
    return std::chrono::duration<double, std::milli>(value).count();
}

QJsonArray toArray(const QList<LatencySpectrum::Point>& points)
{
    QJsonArray out;
    for (const LatencySpectrum::Point& p : points)
        out.append(QJsonArray{p.percentile, p.ms});
    return out;
}

std::optional<QList<LatencySpectrum::Point>> fromArray(const QJsonValue& value)
{
    if (!value.isArray())
        return std::nullopt;
    QList<LatencySpectrum::Point> out;
    for (const QJsonValue& item : value.toArray()) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isDouble())
            return std::nullopt;
        out.append({pair.at(0).toDouble(), pair.at(1).toDouble()});
    }
    return out;
}

} // namespace

QList<LatencySpectrum::Point> LatencySpectrum::of(const LatencyHistogram& histogram)
{
    QList<Point> out;
    if (histogram.count() == 0)
        return out;
    for (int step = 0; step <= kNines * kStepsPerNine; ++step) {
        const double q = 1 - std::pow(10.0, -static_cast<double>(step) / kStepsPerNine);
        out.append({q * 100, ms(histogram.percentile(q))});
    }
    out.append({100, ms(histogram.max())});
    return out;
}

LatencySpectrum LatencySpectrum::of(const LatencyHistogram& endToEnd,
                                    const LatencyHistogram& queueWait,
                                    const LatencyHistogram& service)
{
    return {of(endToEnd), of(queueWait), of(service)};
}

double LatencySpectrum::ninesOf(double percentile)
{
    if (percentile >= 100)
        return kNines + 0.4; // room for its label beside the last nine
    return -std::log10(1 - percentile / 100);
}

QJsonValue LatencySpectrum::toJson() const
{
    return QJsonObject{{QStringLiteral("endToEnd"), toArray(endToEnd)},
                       {QStringLiteral("queueWait"), toArray(queueWait)},
                       {QStringLiteral("service"), toArray(service)}};
}

std::optional<LatencySpectrum> LatencySpectrum::fromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    const auto e = fromArray(o.value(QStringLiteral("endToEnd")));
    const auto w = fromArray(o.value(QStringLiteral("queueWait")));
    const auto s = fromArray(o.value(QStringLiteral("service")));
    if (!e || !w || !s)
        return std::nullopt;
    return LatencySpectrum{*e, *w, *s};
}

} // namespace shoal
