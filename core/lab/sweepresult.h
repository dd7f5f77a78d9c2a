#pragma once

#include "queueingmodel.h"
#include "sweepanalysis.h"
#include "sweeppoint.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace shoal {

/// A finished sweep: every point in the order it ran, the model's prediction for each (kind
/// None where no model applies) and the analysis. A value type.
struct SweepResult {
    QStringList keys;              ///< the swept keys, first one analysed
    QList<SweepPoint> points;      ///< in run order (repeats interleaved)
    QList<ModelPrediction> models; ///< models[i] is points[i]'s prediction
    SweepAnalysis analysis;        ///< recommendation, knee, USL

    /// The summary JSON's "sweep" object (DESIGN "Sweeps"): keys, points (each with "model"),
    /// recommendation, knee and usl.
    QJsonObject toJson() const;
    /// A prediction as the "model" block of the summary JSON.
    static QJsonObject modelJson(const ModelPrediction& model);
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::SweepResult)
