#pragma once

#include "scenario.h"
#include "scenarioerror.h"
#include "sweepspec.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace shoal {

/// A preset's "sweep" section: {"keys": [{"key": "pool.size", "values": "1..6" | [1, 2, 4]}],
/// "pointSec", "warmupSec", "repeats", "slo": "p95<=36"}. Read with the same care as every other
/// section: unknown keys, wrong types and values a key cannot take are refused with the field's
/// path. Stateless; any thread.
class SweepSection {
public:
    /// The section \a value of a preset whose other settings are \a scenario (each swept value
    /// is tried on it), or nothing with \a error set.
    static std::optional<SweepSpec> fromJson(const QJsonValue& value, const Scenario& scenario,
                                             ScenarioError* error);
    /// The section as the preset writes it (values as an array of numbers).
    static QJsonObject toJson(const SweepSpec& spec);
};

} // namespace shoal
