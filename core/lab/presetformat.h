#pragma once

#include "scenario.h"
#include "scenarioerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace shoal {

/// The preset JSON format (version 1; every key is in docs/lab.md): reading with a validator
/// that names the field and the reason, writing, and "key=value" assignments with the same dotted
/// keys (--set). Reading what was written gives back an equal Scenario. Stateless; any thread.
class PresetFormat {
public:
    /// The preset in \a json, or nothing with \a error set (the first fault, in the order of
    /// docs/lab.md's key table).
    static std::optional<Scenario> parse(const QByteArray& json, ScenarioError* error);
    /// As parse(), from a JSON object.
    static std::optional<Scenario> fromJson(const QJsonObject& object, ScenarioError* error);
    /// Every key of \a scenario, defaults included.
    static QJsonObject toJson(const Scenario& scenario);
    /// toJson() as indented UTF-8 text.
    static QByteArray serialize(const Scenario& scenario);

    /// \a scenario with one key changed by \a assignment ("pool.size=4",
    /// "workload.params.meanMs=20", "call.api=processCtx", "timeline=[]"), or nothing with
    /// \a error naming the key. The value is read as the key's type: numbers and booleans as
    /// JSON, strings verbatim, "timeline" as a JSON array. Setting run.durationSec drops
    /// run.jobs and the reverse; changing workload.kind drops the previous kind's parameters.
    static std::optional<Scenario> applyAssignment(const Scenario& scenario,
                                                   const QString& assignment, ScenarioError* error);
};

} // namespace shoal
