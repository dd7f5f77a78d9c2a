#pragma once

#include "pool/latencyhistogram.h"

#include <QJsonValue>
#include <QList>
#include <QMetaType>

#include <optional>

namespace shoal {

/// A run's latency distributions as percentile spectra, as HdrHistogram plots them: the latency
/// at percentiles spaced evenly on the "nines" scale (0, 20.6, 36.9, ... 90, ... 99, ... 99.999),
/// then the maximum, for end to end, queue wait and service. A value type; empty where no call
/// ended.
struct LatencySpectrum {
    /// One point: the percentile (0 to 100) and the latency there, in milliseconds.
    struct Point {
        double percentile = 0;
        double ms = 0;
        bool operator==(const Point&) const = default;
    };
    static constexpr int kStepsPerNine = 10; ///< points per factor of ten in 1 - q
    static constexpr int kNines = 5;         ///< up to 99.999%

    QList<Point> endToEnd;  ///< from each call's intended start to its end
    QList<Point> queueWait; ///< submit to process() start
    QList<Point> service;   ///< process() duration

    /// The spectra of three histograms (empty histograms give empty spectra).
    static LatencySpectrum of(const LatencyHistogram& endToEnd, const LatencyHistogram& queueWait,
                              const LatencyHistogram& service);
    /// The spectrum of one histogram.
    static QList<Point> of(const LatencyHistogram& histogram);
    /// Where a percentile lies on the nines scale: -log10(1 - p/100), 0 at the median's left end,
    /// 1 at 90, 2 at 99; the maximum (100) is placed a little past the last point.
    static double ninesOf(double percentile);

    /// {"endToEnd": [[percentile, ms], ...], "queueWait": [...], "service": [...]}, the summary
    /// JSON's "latencySpectrumMs".
    QJsonValue toJson() const;
    /// Reads toJson()'s form back; nothing when it is not that form.
    static std::optional<LatencySpectrum> fromJson(const QJsonValue& value);

    bool operator==(const LatencySpectrum&) const = default;
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::LatencySpectrum)
