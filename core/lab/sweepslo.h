#pragma once

#include "sweeppoint.h"

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace shoal {

/// A latency objective a sweep point must meet: METRIC <= MS, as "--slo p95<=36" writes it.
struct SweepSlo {
    enum class Metric {
        P50,     ///< "p50": latencyMs.p50
        P95,     ///< "p95": latencyMs.p95
        P99,     ///< "p99": latencyMs.p99
        WaitP95, ///< "wait_p95": queueWaitP95Ms
    };
    Metric metric = Metric::P95;
    double limitMs = 0; ///< the most the metric may be, > 0

    /// The metric's figure for a point, in milliseconds (NaN when the run had none).
    double figureOf(const SweepPoint& point) const;
    /// True when the point's figure is known and at most limitMs; a run with no figure fails.
    bool isMetBy(const SweepPoint& point) const;
    /// The canonical text, "p95<=36"; parseSweepSlo() reads it back.
    QString toString() const;
    /// The metric's name as the grammar spells it ("wait_p95").
    static QString metricName(Metric metric);

    bool operator==(const SweepSlo&) const = default;
};

/// Why an SLO text was refused: a code, where (an offset into the text) and the offending piece.
struct SweepSloError {
    enum class Code {
        None,          ///< no error
        Empty,         ///< the text holds nothing
        NoOperator,    ///< the text has no "<=" (the only comparison an objective makes)
        UnknownMetric, ///< text is none of p50, p95, p99, wait_p95
        NotANumber,    ///< text (the limit) is not a finite number
        NotPositive,   ///< text (the limit) is zero or below
    };
    Code code = Code::None;
    int position = -1; ///< offset of text in the SLO text, -1 when none
    QString text;      ///< the offending piece, trimmed

    explicit operator bool() const { return code != Code::None; }
};

/// Parses "METRIC<=MS": METRIC one of p50, p95, p99, wait_p95 (any case), MS a number above zero
/// with an optional "ms" after it; whitespace is ignored. On error returns nothing and fills
/// *error (when given). Pure; any thread.
std::optional<SweepSlo> parseSweepSlo(QStringView text, SweepSloError* error = nullptr);

} // namespace shoal

Q_DECLARE_METATYPE(shoal::SweepSlo)
Q_DECLARE_METATYPE(shoal::SweepSloError)
