#pragma once

#include "lab/runsummary.h"

#include <QCoreApplication>
#include <QString>

/// A finished run's summary as a plain-text table for stdout: throughput, latency percentiles,
/// every outcome, the steady part against the queueing model, and whether the accounting
/// identity held. Any thread.
class SummaryTable {
    Q_DECLARE_TR_FUNCTIONS(SummaryTable)

public:
    /// One "label  value" line per figure, labels aligned.
    static QString format(const shoal::RunSummary& summary);

private:
    /// What the steady part measured, on one line.
    static QString steadyLine(const shoal::SteadyMeasurement& steady);
    /// The model's numbers, on one line.
    static QString modelLine(const shoal::ModelPrediction& model);
};
