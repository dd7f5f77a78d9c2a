#pragma once

#include "latencyspectrum.h"
#include "machineinfo.h"
#include "metricsrow.h"
#include "runevent.h"
#include "scenario.h"
#include "workertimeline.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>

namespace shoal {

/// A run as it was recorded, to keep, reopen and compare: the scenario as it started (live
/// changes are in the events), where it ran, its summary (RunSummary::toJson()), every sample
/// row, every event and each worker's states (the worker lanes). A value type; copy freely.
struct RunRecord {
    Scenario scenario;
    MachineInfo machine;
    QJsonObject summary;
    QList<MetricsRow> samples;
    QList<RunEvent> events;
    WorkerTimeline lanes;

    /// The summary's latency spectra ("latencySpectrumMs"); empty when it holds none.
    LatencySpectrum spectrum() const
    {
        return LatencySpectrum::fromJson(summary.value(QStringLiteral("latencySpectrumMs")))
            .value_or(LatencySpectrum());
    }
};

} // namespace shoal

Q_DECLARE_METATYPE(shoal::RunRecord)
