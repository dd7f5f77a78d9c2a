#pragma once

#include "lab/queueingmodel.h"

#include <QCoreApplication>
#include <QString>

/// How the queueing model reads: why no model applies, and one sentence comparing a measured
/// p95 latency with the prediction. Translated; any thread.
class ModelText {
    Q_DECLARE_TR_FUNCTIONS(ModelText)

public:
    /// The model's label, e.g. "M/M/4" or "M/G/4 (Allen-Cunneen)".
    static QString label(const shoal::ModelPrediction& model);
    /// e.g. "closed loop: the arrival rate depends on the pool".
    static QString reason(shoal::ModelReason reason);
    /// e.g. "measured p95 49.0 ms, M/M/4 predicts 47.4 ms (+3%)", or "no model: " and the
    /// reason. \a measuredP95Ms NaN: no call ended in the steady part.
    static QString comparison(double measuredP95Ms, const shoal::ModelPrediction& model);
};
