#pragma once

#include "machineinfo.h"
#include "metricsrow.h"
#include "runevent.h"
#include "scenario.h"

#include <QJsonObject>
#include <QList>

namespace shoal {

/// A run as it was recorded, to keep, reopen and compare: the scenario as it started (live
/// changes are in the events), where it ran, its summary (RunSummary::toJson()), every sample
/// row and every event. A value type; copy freely.
struct RunRecord {
    Scenario scenario;
    MachineInfo machine;
    QJsonObject summary;
    QList<MetricsRow> samples;
    QList<RunEvent> events;
};

} // namespace shoal
