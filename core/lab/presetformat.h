#pragma once

#include "scenario.h"
#include "scenarioerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace shoal {

/// The preset JSON format (version 1; every key is in docs/lab.md): reading with a validator
/// that names the field and the reason, and writing (PresetAssignment changes one key). Reading
/// what was written gives back an equal Scenario. Stateless; any thread.
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
    /// Sets \a value at \a path (the keys of a dotted name) inside a preset's JSON \a root,
    /// making objects on the way.
    static void setAt(QJsonObject& root, const QStringList& path, const QJsonValue& value);
};

} // namespace shoal
