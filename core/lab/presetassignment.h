#pragma once

#include "scenario.h"
#include "scenarioerror.h"

#include <QString>

#include <optional>

namespace shoal {

/// One "key=value" change to a preset, with the preset's dotted keys (--set). The change goes
/// through the preset's JSON form and PresetFormat's validator, so an assignment is refused for
/// exactly what a preset file would be. Stateless; any thread.
class PresetAssignment {
public:
    /// \a scenario with one key changed by \a assignment ("pool.size=4",
    /// "workload.params.meanMs=20", "call.api=processCtx", "timeline=[]"), or nothing with
    /// \a error naming the key. The value is read as the key's type: numbers and booleans as
    /// JSON, strings verbatim, "timeline" as a JSON array. Setting run.durationSec drops
    /// run.jobs and the reverse; changing workload.kind drops the previous kind's parameters.
    static std::optional<Scenario> apply(const Scenario& scenario, const QString& assignment,
                                         ScenarioError* error);
};

} // namespace shoal
