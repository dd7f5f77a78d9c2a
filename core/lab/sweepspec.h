#pragma once

#include "sweepslo.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace shoal {

/// What a sweep varies and how long it measures: one or two keys with their values, a warm-up
/// that is discarded, the measured seconds per point, the repeats and an optional SLO. A key is
/// any key --set accepts (a settings-table key or "workload.params.NAME"). A preset's "sweep"
/// section reads into one; --sweep and its companions override it. A value type.
struct SweepSpec {
    /// One swept key and the values it takes, in the order written.
    struct Axis {
        QString key;
        QList<double> values;
        bool operator==(const Axis&) const = default;
    };

    static constexpr int kMaxKeys = 2;     ///< a grid of more keys is not something to wait for
    static constexpr int kMaxPoints = 400; ///< points (combinations x repeats) in one sweep

    QList<Axis> axes;            ///< one or two
    double warmupSec = 1;        ///< per point, discarded
    double pointSec = 5;         ///< per point, measured
    int repeats = 1;             ///< each combination runs this often
    std::optional<SweepSlo> slo; ///< for the recommendation

    /// Combinations of values (the product of the axes' sizes; 0 without axes).
    int combinations() const
    {
        if (axes.isEmpty())
            return 0;
        int n = 1;
        for (const Axis& a : axes)
            n *= static_cast<int>(a.values.size());
        return n;
    }
    /// Runs the sweep takes: combinations() x repeats.
    int runs() const { return combinations() * repeats; }

    bool operator==(const SweepSpec&) const = default;
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::SweepSpec)
